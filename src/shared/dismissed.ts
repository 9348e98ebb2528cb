/**
 * The marks a reader dismissed ("Not about this story"), per site: for each, the name's entity id, the
 * hash of the sentence around it (sentence-key.ts) and when. Never the page's text or URL.
 *
 * Stored under its own storage key, beside the settings: corrupt data here falls back to "nothing
 * dismissed" and never touches the settings. Like the settings, it is changed only by the background's
 * writer (background/dismiss-writer.ts), through the small intents below, each applied to what it has
 * just read. Pure: no browser API.
 *
 * Bounds: MAX_PER_SITE entries per site and MAX_TOTAL in all, oldest out first. 200 a site is far more
 * than a reader dismisses on one outlet (each is one wrong mark); 2,000 in all is about 150 KB stored
 * (storage.local allows 10 MB) and keeps every read and validation under a millisecond.
 */
import { ENTITY_IDS, type EntityId } from '../data/types';
import { isSiteKey, normalizeHost } from './sites';

// As in settings.ts, which is not imported: it loads the browser API module, and this file also goes
// into card.js (content/dismissals.ts), which has no other use for it.
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** An own data property only: a crafted prototype (or `__proto__` key) must not supply values. */
const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

export const DISMISSED_KEY = 'dismissed';
export const DISMISSED_VERSION = 1;
export const MAX_PER_SITE = 200;
export const MAX_TOTAL = 2000;

export interface DismissedEntry {
  entity: EntityId;
  /** 16 hex digits: sentence-key.ts `sentenceHash`. */
  hash: string;
  /** When it was dismissed (ms since the epoch). */
  at: number;
}

/** Site key (sites.ts) → its entries, oldest first. */
export type Dismissed = Record<string, DismissedEntry[]>;

const HASH = /^[0-9a-f]{16}$/;

/** The key a content script looks a mark up by. */
export const markKey = (entity: string, hash: string): string => `${entity}:${hash}`;

function entryOf(value: unknown): DismissedEntry | null {
  if (!isRecord(value)) return null;
  const entity = own(value, 'entity');
  const hash = own(value, 'hash');
  const at = own(value, 'at');
  if (!ENTITY_IDS.includes(entity as EntityId) || typeof hash !== 'string' || !HASH.test(hash)) return null;
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) return null;
  return { entity: entity as EntityId, hash, at };
}

/**
 * One site's entries in storage's value, as "entity:hash" keys (what content.js looks marks up by):
 * through the same validation as the writer's and the popup's reads, so a mark is hidden exactly when
 * the popup lists it with its Undo. Anything malformed counts as nothing.
 */
export function siteKeys(raw: unknown, site: string): Set<string> {
  return new Set((listOf(validateDismissed(raw), site) ?? []).map((e) => markKey(e.entity, e.hash)));
}

/** Oldest first; equal times keep their order (Array.prototype.sort is stable). */
const byAge = (a: DismissedEntry, b: DismissedEntry) => a.at - b.at;

/** Drop the oldest entries, of all sites together, until at most `max` remain: one sort, not a pass per entry. */
function capTotal(dismissed: Dismissed, max: number): void {
  const all = Object.values(dismissed).flat();
  if (all.length <= max) return;
  const drop = new Set(all.sort(byAge).slice(0, all.length - max));
  for (const [site, list] of Object.entries(dismissed)) {
    const kept = list.filter((e) => !drop.has(e));
    if (kept.length) dismissed[site] = kept;
    else delete dismissed[site];
  }
}

/** A site's own list ("constructor" is a valid host name, and must not find Object's). */
export const listOf = (dismissed: Dismissed, site: string): DismissedEntry[] | undefined =>
  Object.prototype.hasOwnProperty.call(dismissed, site) ? dismissed[site] : undefined;

/**
 * Any stored value in, a valid Dismissed out: invalid sites and entries and duplicates are dropped,
 * each site sorted oldest first and cut to the newest MAX_PER_SITE, then the total to MAX_TOTAL. Only
 * foreign or corrupt data is ever cut here: the writer keeps within the bounds itself.
 */
export function validateDismissed(raw: unknown): Dismissed {
  const out: Dismissed = {};
  const sites = isRecord(raw) && own(raw, 'version') === DISMISSED_VERSION ? own(raw, 'sites') : undefined;
  if (!isRecord(sites)) return out;
  // Bounded work on junk: at most 4 × MAX_TOTAL entries are read in all (a store the writer made
  // never has more than MAX_TOTAL, so only foreign data can be cut short here).
  let budget = 4 * MAX_TOTAL;
  for (const site of Object.keys(sites)) {
    if (budget <= 0) break;
    const list = own(sites, site);
    if (!Array.isArray(list) || !isSiteKey(site)) continue;
    budget -= Math.min(list.length, 4 * MAX_PER_SITE);
    const seen = new Set<string>();
    const entries: DismissedEntry[] = [];
    for (const item of list.slice(0, 4 * MAX_PER_SITE)) {
      const entry = entryOf(item);
      if (!entry || seen.has(markKey(entry.entity, entry.hash))) continue;
      seen.add(markKey(entry.entity, entry.hash));
      entries.push(entry);
    }
    entries.sort(byAge);
    if (entries.length) out[site] = entries.slice(-MAX_PER_SITE);
  }
  capTotal(out, MAX_TOTAL);
  return out;
}

/** The value written to storage. */
export const storedForm = (dismissed: Dismissed): { version: number; sites: Dismissed } => ({
  version: DISMISSED_VERSION,
  sites: dismissed,
});

export const countDismissed = (dismissed: Dismissed): number =>
  Object.values(dismissed).reduce((n, list) => n + list.length, 0);

/** What popup, options and content scripts may ask the writer to do. */
export type DismissChange =
  /** "Not about this story" on a mark (content script: its own site only). */
  | { op: 'dismiss'; site: string; entity: EntityId; hash: string }
  /** Bring one back (popup). */
  | { op: 'undo'; site: string; entity: EntityId; hash: string }
  /** Forget every dismissal (options, and Reset). */
  | { op: 'clear' };

/** Why a change was not applied (as for settings: settings-change.ts `SettingsError`). */
export type DismissError = 'unreadable' | 'unwritable' | 'quota' | 'invalid';

/** The writer's answer: the dismissals as stored now (null when they could not be read). */
export type DismissResult = { ok: true; dismissed: Dismissed } | { ok: false; error: DismissError; dismissed: Dismissed | null };

/** A change from a message, checked field by field; null for anything else. */
export function parseDismissChange(value: unknown): DismissChange | null {
  if (!isRecord(value)) return null;
  const op = own(value, 'op');
  if (op === 'clear') return { op };
  if (op !== 'dismiss' && op !== 'undo') return null;
  const site = own(value, 'site');
  const entity = own(value, 'entity');
  const hash = own(value, 'hash');
  const key = typeof site === 'string' && site.length <= 2048 ? normalizeHost(site) : null;
  if (key === null || !ENTITY_IDS.includes(entity as EntityId) || typeof hash !== 'string' || !HASH.test(hash)) return null;
  return { op, site: key, entity: entity as EntityId, hash };
}

/** The dismissals after `change` (made at time `now`); `current` is never modified. */
export function applyDismissChange(current: Dismissed, change: DismissChange, now: number): Dismissed {
  if (change.op === 'clear') return {};
  const next: Dismissed = structuredClone(current);
  const list = (listOf(next, change.site) ?? []).filter((e) => e.entity !== change.entity || e.hash !== change.hash);
  if (change.op === 'dismiss') {
    // Already there: kept with its first time (a second press changes nothing).
    const old = listOf(next, change.site)?.find((e) => e.entity === change.entity && e.hash === change.hash);
    if (old) return next;
    list.push({ entity: change.entity, hash: change.hash, at: Math.max(0, Math.floor(now)) });
    // Keep the list sorted if the clock went back.
    list.sort(byAge);
    if (list.length > MAX_PER_SITE) list.splice(0, list.length - MAX_PER_SITE);
  }
  if (list.length) next[change.site] = list;
  else delete next[change.site];
  capTotal(next, MAX_TOTAL);
  return next;
}
