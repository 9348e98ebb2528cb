/**
 * The one writer of settings. Popup, options and content scripts send changes (settings-change.ts)
 * to the background, which applies them here one at a time, in the order they arrived: each change
 * reads the stored settings, applies itself and writes, before the next one starts. Nothing else
 * writes the settings key, so no change can overwrite another.
 *
 * A failed read is "unknown", never "defaults": the writer then refuses every change (and writes
 * nothing) until a read succeeds, because writing defaults plus one change over settings it could
 * not read would erase the reader's lists. A failed write (quota, storage error) leaves the stored
 * settings as they were and is reported to the sender.
 */
import { STORAGE_KEY, validateSettings, type Settings } from '../shared/settings';
import { applyChange, type AnyChange, type SettingsError, type SettingsResult } from '../shared/settings-change';
import { createSerial, type Serial } from './serial';

/** The part of `storage.local` the writer uses (the seam unit tests replace with a fake). */
export interface SettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** What the writer last learnt from storage. */
export type WriterState = { kind: 'unknown' } | { kind: 'known'; settings: Settings };

export interface SettingsWriter {
  /** Read the stored settings (after every change queued before this call). */
  read(): Promise<SettingsResult>;
  /** Apply one change after every change queued before it. */
  change(change: AnyChange): Promise<SettingsResult>;
  /** The last state read or written (for tests and diagnostics). */
  state(): WriterState;
}

/** Chromium: "QUOTA_BYTES quota exceeded"; Firefox: a QuotaExceededError DOMException. */
export function writeError(error: unknown): Extract<SettingsError, 'quota' | 'unwritable'> {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /quota/i.test(text) ? 'quota' : 'unwritable';
}

/** `serial`: the queue shared with the dismissed-marks writer (writer.ts), so all writes keep one order. */
export function createSettingsWriter(area: () => SettingsArea, serial: Serial = createSerial()): SettingsWriter {
  let state: WriterState = { kind: 'unknown' };

  const load = async (): Promise<Settings | null> => {
    try {
      const stored = await area().get(STORAGE_KEY);
      const settings = validateSettings(stored[STORAGE_KEY]);
      state = { kind: 'known', settings };
      return settings;
    } catch {
      state = { kind: 'unknown' };
      return null;
    }
  };

  return {
    read: () =>
      serial(async (): Promise<SettingsResult> => {
        const settings = await load();
        return settings ? { ok: true, settings } : { ok: false, error: 'unreadable', settings: null };
      }),

    change: (change) =>
      serial(async (): Promise<SettingsResult> => {
        // Read every time: storage is the truth (another build, the browser's own tools, a restart
        // of this worker), and a read that fails here is what stops the write below.
        const current = await load();
        if (!current) return { ok: false, error: 'unreadable', settings: null };
        const applied = applyChange(current, change);
        if ('error' in applied) return { ok: false, error: applied.error, settings: current };
        const next = validateSettings(applied.settings);
        if (JSON.stringify(next) === JSON.stringify(current)) return { ok: true, settings: current };
        try {
          await area().set({ [STORAGE_KEY]: next });
        } catch (error) {
          return { ok: false, error: writeError(error), settings: current };
        }
        state = { kind: 'known', settings: next };
        return { ok: true, settings: next };
      }),

    state: () => state,
  };
}
