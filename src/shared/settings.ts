/**
 * Reader settings: one typed defaults object is the schema. Whatever storage holds (older schema,
 * wrong types, values written by something else) goes through `migrate` then `validateSettings`,
 * which keeps each valid field and falls back to the default for every other one. Corrupt storage
 * never breaks a context.
 */
import { api } from './browser';
import { ENTITY_IDS, type EntityId } from '../data/types';

/** every mention, first mention of each name, or none. */
export type Mode = 'all' | 'first' | 'off';
export const MODES: readonly Mode[] = ['all', 'first', 'off'];

/** How marks are drawn. */
export type HighlightStyle = 'underline' | 'background';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background'];

export const SCHEMA_VERSION = 1;

export interface Settings {
  schemaVersion: number;
  mode: Mode;
  /** Each name on or off. */
  entities: Record<EntityId, boolean>;
  style: HighlightStyle;
  /** Hostnames (normalised, see sites.ts) where the reader turned Backstory off. */
  disabledSites: string[];
  /** Origins (`https://example.org`) the reader added beyond the default list. */
  addedSites: string[];
  /** Cards open on a click (or tap, or the keyboard), never on hover. */
  clickOnly: boolean;
}

export const DEFAULTS: Readonly<Settings> = Object.freeze({
  schemaVersion: SCHEMA_VERSION,
  mode: 'all',
  entities: Object.freeze({ microsoft: true, azure: true, 'unit-8200': true }) as Record<EntityId, boolean>,
  style: 'underline',
  disabledSites: [],
  addedSites: [],
  clickOnly: false,
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return { ...DEFAULTS, entities: { ...DEFAULTS.entities }, disabledSites: [], addedSites: [] };
}

/** The storage.local key everything lives under. */
export const STORAGE_KEY = 'settings';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** At most this many sites per list: storage written by something else must not make every page slow. */
export const MAX_SITES = 1000;

function stringList(v: unknown, keep: (s: string) => boolean): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Set<string>();
  for (const s of v) {
    if (out.size >= MAX_SITES) break;
    if (typeof s === 'string' && s.length <= 253 && keep(s)) out.add(s);
  }
  return [...out];
}

/** An own data property only: a crafted prototype (or `__proto__` key) must not supply values. */
const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

const HOST_RE = /^[a-z0-9.-]+$/;
const ORIGIN_RE = /^https?:\/\/[a-z0-9.-]+(?::\d{1,5})?$/;

/**
 * Migrations from older schema versions, indexed by the version they upgrade from. Each takes
 * the raw stored object and returns the next version's raw object; validation runs afterwards.
 */
export const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // v0 (pre-release builds) stored `enabled: false` globally and `highlightMode`; fold them in.
  0: (raw) => {
    const { highlightMode, enabled, ...rest } = raw;
    // A `mode` already present (a v1 object whose version field was lost) is kept.
    const mode = enabled === false ? 'off' : (highlightMode ?? rest.mode);
    return { ...rest, mode, schemaVersion: 1 };
  },
};

export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let current = raw;
  const stored = own(current, 'schemaVersion');
  // A negative or fractional version is corrupt: treat it as v0 (also bounds the loop below).
  let version = typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0;
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS[version];
    current = step ? step(current) : { ...current, schemaVersion: version + 1 };
    version += 1;
  }
  return current;
}

/** Any value in, valid settings out. */
export function validateSettings(raw: unknown): Settings {
  const out = defaultSettings();
  if (!isRecord(raw)) return out;
  const data = migrate(raw);
  const mode = own(data, 'mode');
  const style = own(data, 'style');
  const entities = own(data, 'entities');
  if (MODES.includes(mode as Mode)) out.mode = mode as Mode;
  if (HIGHLIGHT_STYLES.includes(style as HighlightStyle)) out.style = style as HighlightStyle;
  if (isRecord(entities)) {
    for (const id of ENTITY_IDS) {
      const value = own(entities, id);
      if (typeof value === 'boolean') out.entities[id] = value;
    }
  }
  out.disabledSites = stringList(own(data, 'disabledSites'), (s) => HOST_RE.test(s)) ?? out.disabledSites;
  out.addedSites = stringList(own(data, 'addedSites'), (s) => ORIGIN_RE.test(s)) ?? out.addedSites;
  const clickOnly = own(data, 'clickOnly');
  if (typeof clickOnly === 'boolean') out.clickOnly = clickOnly;
  return out;
}

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await api.storage.local.get(STORAGE_KEY);
    return validateSettings(stored[STORAGE_KEY]);
  } catch {
    return defaultSettings();
  }
}

/** Apply a change to the stored settings (read, change, validate, write). */
export async function updateSettings(change: (s: Settings) => void): Promise<Settings> {
  const next = await loadSettings();
  change(next);
  const valid = validateSettings(next);
  await api.storage.local.set({ [STORAGE_KEY]: valid });
  return valid;
}

export async function resetSettings(): Promise<Settings> {
  const fresh = defaultSettings();
  await api.storage.local.set({ [STORAGE_KEY]: fresh });
  return fresh;
}

/** Call `listener` with validated settings whenever they change; stops when `signal` aborts. */
export function onSettingsChanged(listener: (s: Settings) => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(STORAGE_KEY in changes)) return;
    listener(validateSettings(changes[STORAGE_KEY]?.newValue));
  };
  api.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => api.storage.onChanged.removeListener(onChanged), { once: true });
}
