/**
 * The one writer of the dismissed marks (shared/dismissed.ts), with the settings writer's discipline
 * and on its queue: each change reads storage, applies itself and writes, before the next one starts.
 * A failed read is "unknown", never "nothing dismissed": the change is refused with `unreadable` and
 * nothing is written, because writing one entry over a list it could not read would erase the rest.
 * A stored value that is corrupt (not a failed read) counts as nothing dismissed; it is a separate
 * storage key, so the settings are untouched either way.
 */
import {
  DISMISSED_KEY,
  applyDismissChange,
  storedForm,
  validateDismissed,
  type DismissChange,
  type DismissResult,
  type Dismissed,
} from '../shared/dismissed';
import { createSerial, type Serial } from './serial';
import { writeError, type SettingsArea } from './settings-writer';

export interface DismissWriter {
  /** Read the stored dismissals (after every change queued before this call). */
  read(): Promise<DismissResult>;
  /** Apply one change after every change queued before it. */
  change(change: DismissChange): Promise<DismissResult>;
}

export function createDismissWriter(area: () => SettingsArea, serial: Serial = createSerial(), now: () => number = Date.now): DismissWriter {
  const load = async (): Promise<Dismissed | null> => {
    try {
      return validateDismissed((await area().get(DISMISSED_KEY))[DISMISSED_KEY]);
    } catch {
      return null;
    }
  };
  return {
    read: () =>
      serial(async (): Promise<DismissResult> => {
        const dismissed = await load();
        return dismissed ? { ok: true, dismissed } : { ok: false, error: 'unreadable', dismissed: null };
      }),
    change: (change) =>
      serial(async (): Promise<DismissResult> => {
        const current = await load();
        if (!current) return { ok: false, error: 'unreadable', dismissed: null };
        const next = applyDismissChange(current, change, now());
        if (JSON.stringify(next) === JSON.stringify(current)) return { ok: true, dismissed: current };
        try {
          await area().set({ [DISMISSED_KEY]: storedForm(next) });
        } catch (error) {
          return { ok: false, error: writeError(error), dismissed: current };
        }
        return { ok: true, dismissed: next };
      }),
  };
}
