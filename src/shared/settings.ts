/**
 * Reader settings: one typed defaults object is the schema. Whatever storage holds (older schema,
 * wrong types, values written by something else) goes through `migrate` then `validateSettings`,
 * which keeps each valid field and falls back to the default for every other one. Corrupt storage
 * never breaks a context.
 */
import { api } from './browser';
import { ENTITY_IDS, type EntityId } from '../data/types';
import { isSiteKey, isSiteOrigin, normalizeHost, siteOriginFromUrl } from './sites';

/**
 * automatic (every mention on pages about the story, the first of each name elsewhere; see
 * detect/about-story.ts), every mention, first mention of each name, or none.
 */
export type Mode = 'automatic' | 'all' | 'first' | 'off';
export const MODES: readonly Mode[] = ['automatic', 'all', 'first', 'off'];

/** How marks are drawn. */
export type HighlightStyle = 'underline' | 'background';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['underline', 'background'];

export const SCHEMA_VERSION = 2;

export interface Settings {
  schemaVersion: number;
  mode: Mode;
  /** Each name on or off. */
  entities: Record<EntityId, boolean>;
  style: HighlightStyle;
  /** Site keys (sites.ts `normalizeHost`) where the reader turned Backstory off. */
  disabledSites: string[];
  /** Origins (`https://example.org`, sites.ts `isSiteOrigin`) the reader added beyond the default list. */
  addedSites: string[];
  /** Cards open on a click (or tap, or the keyboard), never on hover. */
  clickOnly: boolean;
}

export const DEFAULTS: Readonly<Settings> = Object.freeze({
  schemaVersion: SCHEMA_VERSION,
  mode: 'automatic',
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

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * At most this many sites per list: storage written by something else must not make every page slow.
 * The writer refuses to add past it (the reader is told), so only foreign data is ever cut here.
 */
export const MAX_SITES = 1000;

/**
 * A list of site entries in canonical form: each entry goes through `canonical` (the one site-key
 * definition in sites.ts), so an older or foreign spelling (`WWW.Example.COM.`, an origin with a port)
 * is kept in its normal form instead of dropped; invalid entries and duplicates go.
 */
function siteList(v: unknown, canonical: (s: string) => string | null): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Set<string>();
  for (const s of v) {
    if (out.size >= MAX_SITES) break;
    // 2,048 bounds the work on junk; every valid entry is far shorter (a host is at most 253).
    if (typeof s !== 'string' || s.length > 2048) continue;
    const entry = canonical(s);
    if (entry !== null) out.add(entry);
  }
  return [...out];
}

const canonicalSite = (s: string): string | null => (isSiteKey(s) ? s : normalizeHost(s));
const canonicalOrigin = (s: string): string | null => {
  if (isSiteOrigin(s)) return s;
  // Only bare origins (an older build kept ports): a URL with a path is not an origin.
  return /^https?:\/\/[^/?#]+\/?$/i.test(s) ? siteOriginFromUrl(s) : null;
};

/** An own data property only: a crafted prototype (or `__proto__` key) must not supply values. */
export const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

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
  // v1's default was "every mention", written with any other change; v2's default is "automatic".
  1: (raw) => ({ ...raw, mode: raw['mode'] === 'all' ? 'automatic' : raw['mode'], schemaVersion: 2 }),
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

/** What a page (the content script) reads of the settings: every field but the sites the reader added. */
export type PageSettings = Omit<Settings, 'addedSites'>;

/**
 * Any value in, valid settings out, and the migrated object they came from (null when it was no object).
 * `addedSites` is left to `validateSettings`: content.js, which runs on every page, never reads it.
 */
function pageFields(raw: unknown): [PageSettings, Record<string, unknown> | null] {
  const { addedSites: _, ...out } = defaultSettings();
  if (!isRecord(raw)) return [out, null];
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
  out.disabledSites = siteList(own(data, 'disabledSites'), canonicalSite) ?? out.disabledSites;
  const clickOnly = own(data, 'clickOnly');
  if (typeof clickOnly === 'boolean') out.clickOnly = clickOnly;
  return [out, data];
}

/** Any value in, valid page settings out: `validateSettings` without `addedSites`. */
export function validatePageSettings(raw: unknown): PageSettings {
  return pageFields(raw)[0];
}

/** Any value in, valid settings out. */
export function validateSettings(raw: unknown): Settings {
  const [page, data] = pageFields(raw);
  const addedSites = (data && siteList(own(data, 'addedSites'), canonicalOrigin)) ?? [];
  // In the defaults' order, as stored before this was split (the writer stores this object).
  const { schemaVersion, mode, entities, style, disabledSites, clickOnly } = page;
  return { schemaVersion, mode, entities, style, disabledSites, addedSites, clickOnly };
}

/**
 * Read and validate the stored settings; rejects when storage cannot be read. Only the background's
 * writer and whoever must know the truth use this: a failed read is "unknown", never "defaults".
 */
export async function readSettings(): Promise<Settings> {
  const stored = await api.storage.local.get(STORAGE_KEY);
  return validateSettings(stored[STORAGE_KEY]);
}

/**
 * For display only (content scripts): the stored page settings, or the defaults when storage cannot be
 * read. Nothing read this way may ever be written back; changes go to the background's writer.
 */
export async function loadSettings(): Promise<PageSettings> {
  try {
    return validatePageSettings((await api.storage.local.get(STORAGE_KEY))[STORAGE_KEY]);
  } catch {
    return validatePageSettings(undefined);
  }
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
