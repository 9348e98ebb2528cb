/**
 * Settings changes as small intents ("turn this site off", "set the mode"), never whole objects:
 * the background's writer applies each to the settings it has just read, in order, so two contexts
 * changing different things at the same moment both keep their change (a read-modify-write of a
 * whole object by each context would let the later write erase the earlier one).
 *
 * Pure: no browser API, so the writer, the message handlers and unit tests share one definition.
 */
import { ENTITY_IDS, type EntityId } from '../data/types';
import { MAX_SITES, defaultSettings, isRecord, own, validateSettings, type Settings } from './settings';
import { isSiteOrigin, isSiteDisabled, normalizeHost, withSiteEnabled } from './sites';

/**
 * Fields set whole with one value, checked by `validateSettings`. A new scalar setting (a boolean,
 * an enum) needs only its entry in DEFAULTS/validation and its name here.
 */
export const SCALAR_FIELDS = ['mode', 'style', 'clickOnly'] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

type SetField = { [K in ScalarField]: { op: 'set'; field: K; value: Settings[K] } }[ScalarField];

/** What popup, options and content scripts may ask the writer to do. */
export type SettingsChange =
  | SetField
  | { op: 'setEntity'; entity: EntityId; on: boolean }
  /** Turn Backstory on or off for a site (any host form: normalised to its site key). */
  | { op: 'setSiteEnabled'; site: string; on: boolean }
  /** Back to the defaults (the background also unregisters added sites and gives their access back). */
  | { op: 'reset' };

/** Changes only the background makes, after its own permission checks (never from a message). */
export type InternalChange = { op: 'addSite'; origin: string } | { op: 'removeSite'; origin: string };

export type AnyChange = SettingsChange | InternalChange;

/**
 * Why a change was not applied. `unreadable`: storage could not be read, so nothing was written;
 * `unwritable`/`quota`: the write failed and the stored settings are as before; `full`: a site
 * list is at MAX_SITES; `invalid`: the change itself is malformed.
 */
export type SettingsError = 'unreadable' | 'unwritable' | 'quota' | 'full' | 'invalid';

/** The writer's answer: the settings as stored now (null when they could not be read). */
export type SettingsResult = { ok: true; settings: Settings } | { ok: false; error: SettingsError; settings: Settings | null };

/** A change from a message, checked field by field; null for anything else (including internal ops). */
export function parseChange(value: unknown): SettingsChange | null {
  if (!isRecord(value)) return null;
  const op = own(value, 'op');
  if (op === 'reset') return { op };
  if (op === 'set') {
    const field = own(value, 'field');
    if (!SCALAR_FIELDS.includes(field as ScalarField)) return null;
    const candidate = validateSettings({ ...defaultSettings(), [field as ScalarField]: own(value, 'value') });
    const accepted = candidate[field as ScalarField];
    return accepted === own(value, 'value') ? ({ op, field, value: accepted } as SetField) : null;
  }
  const on = own(value, 'on');
  if (typeof on !== 'boolean') return null;
  if (op === 'setEntity') {
    const entity = own(value, 'entity');
    return ENTITY_IDS.includes(entity as EntityId) ? { op, entity: entity as EntityId, on } : null;
  }
  if (op === 'setSiteEnabled') {
    const site = own(value, 'site');
    // The length bound keeps junk cheap; normalizeHost applies the real limit.
    const key = typeof site === 'string' && site.length <= 2048 ? normalizeHost(site) : null;
    return key === null ? null : { op, site: key, on };
  }
  return null;
}

/** The settings after `change`, or why it cannot apply. `current` is never modified. */
export function applyChange(current: Settings, change: AnyChange): { settings: Settings } | { error: 'full' | 'invalid' } {
  const next: Settings = structuredClone(current);
  switch (change.op) {
    case 'reset':
      return { settings: defaultSettings() };
    case 'set': {
      const candidate = validateSettings({ ...next, [change.field]: change.value });
      if (candidate[change.field] !== change.value) return { error: 'invalid' };
      return { settings: candidate };
    }
    case 'setEntity':
      if (!ENTITY_IDS.includes(change.entity)) return { error: 'invalid' };
      next.entities[change.entity] = change.on;
      return { settings: next };
    case 'setSiteEnabled': {
      const key = normalizeHost(change.site);
      if (key === null) return { error: 'invalid' };
      // Already off through itself or a parent domain: nothing to add.
      if (!change.on && isSiteDisabled(next, key)) return { settings: next };
      if (!change.on && next.disabledSites.length >= MAX_SITES) return { error: 'full' };
      next.disabledSites = withSiteEnabled(next.disabledSites, key, change.on);
      return { settings: next };
    }
    case 'addSite':
      if (!isSiteOrigin(change.origin)) return { error: 'invalid' };
      if (next.addedSites.includes(change.origin)) return { settings: next };
      if (next.addedSites.length >= MAX_SITES) return { error: 'full' };
      next.addedSites.push(change.origin);
      return { settings: next };
    case 'removeSite':
      next.addedSites = next.addedSites.filter((o) => o !== change.origin);
      return { settings: next };
  }
}
