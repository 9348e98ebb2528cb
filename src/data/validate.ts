/**
 * Runtime validation of the bundled dataset. Pure (no DOM, no Node APIs): build.mjs bundles it with
 * esbuild to fail the build, and the unit tests call it directly. Every error starts with the exact
 * JSON path of the problem (`stories[0].facts[3].sourceIds[1]: unknown source "S99"`) so whoever
 * edits story.json can go straight to the field.
 */
import { ENTITY_IDS } from './types';
import type { Actor, Dataset, FactStatus, Lang, ResponseParty, SourceKind } from './types';

/** Longest texts that still fit the card (characters). */
export const LIMITS = {
  factText: 280,
  responseText: 280,
  description: 140,
  headline: 120,
  summary: 600,
  name: 60,
  speaker: 80,
  dateLabel: 40,
  publisher: 80,
  sourceTitle: 200,
} as const;

/** The card shows 3–5 facts per entity; the story lists 6–10 key facts. */
export const ENTITY_FACTS_MIN = 3;
export const KEY_FACTS_MIN = 6;
export const KEY_FACTS_MAX = 10;

// Records keyed by the union types: the compiler fails if a member is added to types.ts but not here.
const STATUSES: Record<FactStatus, true> = { reported: true, confirmed: true, denied: true, disputed: true, announced: true };
const KINDS: Record<SourceKind, true> = {
  investigation: true, news: true, wire: true, 'company-statement': true, ngo: true, 'court-regulator': true, filing: true,
};
const PARTIES: Record<ResponseParty, true> = {
  microsoft: true, 'israeli-military': true, reporters: true, workers: true, 'rights-groups': true,
};
const ACTOR_KINDS: Record<Actor['kind'], true> = {
  company: true, 'law-firm': true, publisher: true, campaign: true, government: true, military: true, person: true, ngo: true,
};
const LANGS: Record<Lang, true> = {
  en: true, ar: true, he: true, de: true, fr: true, es: true, ja: true,
  it: true, pt: true, nl: true, tr: true, ru: true, fa: true, zh: true, ko: true,
};

export type ValidationResult = { ok: true; data: Dataset } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const q = (s: string): string => JSON.stringify(s);

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const SEMVER = /^\d+\.\d+\.\d+$/;
const SOURCE_ID = /^S\d+[a-z]?$/;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Soft hyphens and zero-width characters: the matcher ignores them, so an alias must not contain them.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
// The matcher maps Eastern Arabic and Persian digits to ASCII; aliases are written in ASCII digits.
const NON_ASCII_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/u;
// Only these may be escaped under the `u` flag ("\-" is a SyntaxError there).
const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** True when `s` is YYYY, YYYY-MM or YYYY-MM-DD and names a real calendar date. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const last = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  return day >= 1 && day <= last;
}

/** Compares at the precision both dates share, so "2025-08" is neither before nor after "2025-08-15". */
export function isAfter(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}

/** Validates `raw` as a Dataset; returns it typed, or every problem found with its JSON path. */
export function validateDataset(raw: unknown): ValidationResult {
  const v = new Validator();
  v.dataset(raw);
  // Every field was checked above, so the cast only names what has been proven.
  return v.errors.length === 0 ? { ok: true, data: raw as Dataset } : { ok: false, errors: v.errors };
}

interface StoryIds { facts: Map<string, string | undefined>; responses: Set<string> }

class Validator {
  readonly errors: string[] = [];
  private asOf: string | undefined;
  /** One id namespace for everything, so a response can never be mistaken for a fact or an entity. */
  private readonly ids = new Map<string, string>();
  private readonly sources = new Set<string>();
  private readonly actors = new Set<string>();
  private readonly stories = new Map<string, StoryIds>();
  private readonly usedSources = new Set<string>();
  private readonly entityAliases = new Map<string, { entity: string; path: string }>();

  private fail(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }

  dataset(raw: unknown): void {
    const root = this.object('dataset', raw, ['meta', 'entities', 'actors', 'stories', 'sources']);
    if (!root) return;
    this.meta(root['meta']);
    const sources = this.array('sources', root['sources'], 1);
    const actors = this.array('actors', root['actors'], 0);
    const stories = this.array('stories', root['stories'], 1);
    const entities = this.array('entities', root['entities'], 1);
    // Register ids first so references can point forwards.
    sources?.forEach((s, i) => this.register(`sources[${i}].id`, s, this.sources, SOURCE_ID));
    actors?.forEach((a, i) => this.register(`actors[${i}].id`, a, this.actors, ID));
    stories?.forEach((s, i) => this.registerStory(`stories[${i}]`, s));
    sources?.forEach((s, i) => this.source(`sources[${i}]`, s));
    actors?.forEach((a, i) => this.actor(`actors[${i}]`, a));
    stories?.forEach((s, i) => this.story(`stories[${i}]`, s));
    entities?.forEach((e, i) => this.entity(`entities[${i}]`, e));
    if (entities) this.allEntitiesPresent(entities);
    sources?.forEach((s, i) => {
      const id = isObj(s) ? s['id'] : undefined;
      if (typeof id === 'string' && !this.usedSources.has(id)) {
        this.fail(`sources[${i}]`, `source ${q(id)} is not used by any fact or response`);
      }
    });
  }

  // ---- sections -------------------------------------------------------------------------------

  private meta(raw: unknown): void {
    const m = this.object('meta', raw, ['version', 'asOf', 'changelog']);
    if (!m) return;
    const version = this.text('meta.version', m['version']);
    if (version !== undefined && !SEMVER.test(version)) this.fail('meta.version', `${q(version)} is not semver (x.y.z)`);
    const asOf = this.text('meta.asOf', m['asOf']);
    if (asOf !== undefined) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(asOf) && isIsoDate(asOf)) this.asOf = asOf;
      else this.fail('meta.asOf', `${q(asOf)} is not a calendar date YYYY-MM-DD`);
    }
    const log = this.array('meta.changelog', m['changelog'], 1);
    let previous: string | undefined;
    log?.forEach((raw, i) => {
      const path = `meta.changelog[${i}]`;
      const e = this.object(path, raw, ['version', 'date', 'changes']);
      if (!e) return;
      const v = this.text(`${path}.version`, e['version']);
      if (v !== undefined && !SEMVER.test(v)) this.fail(`${path}.version`, `${q(v)} is not semver (x.y.z)`);
      if (i === 0 && v !== undefined && version !== undefined && v !== version) {
        this.fail(`${path}.version`, `newest changelog entry is ${q(v)} but meta.version is ${q(version)}`);
      }
      const date = this.date(`${path}.date`, e['date']);
      if (date && previous && isAfter(date, previous)) this.fail(`${path}.date`, 'changelog must be newest first');
      previous = date ?? previous;
      this.array(`${path}.changes`, e['changes'], 1)?.forEach((c, j) => this.text(`${path}.changes[${j}]`, c));
    });
  }

  private source(path: string, raw: unknown): void {
    const s = this.object(path, raw, ['id', 'publisher', 'title', 'date', 'kind'], ['dateLabel', 'url', 'lang']);
    if (!s) return;
    this.text(`${path}.publisher`, s['publisher'], LIMITS.publisher);
    this.text(`${path}.title`, s['title'], LIMITS.sourceTitle);
    this.date(`${path}.date`, s['date']);
    this.optionalText(`${path}.dateLabel`, s['dateLabel'], LIMITS.dateLabel);
    this.oneOf(`${path}.kind`, s['kind'], KINDS);
    if (s['url'] !== undefined) this.url(`${path}.url`, s['url']);
    const lang = this.optionalText(`${path}.lang`, s['lang']);
    if (lang !== undefined && !/^[a-z]{2,3}$/.test(lang)) this.fail(`${path}.lang`, `${q(lang)} is not a language code`);
  }

  private actor(path: string, raw: unknown): void {
    const a = this.object(path, raw, ['id', 'name', 'description', 'kind'], ['aliases']);
    if (!a) return;
    this.text(`${path}.name`, a['name'], LIMITS.name);
    this.text(`${path}.description`, a['description'], LIMITS.description);
    this.oneOf(`${path}.kind`, a['kind'], ACTOR_KINDS);
    if (a['aliases'] !== undefined) this.aliases(`${path}.aliases`, a['aliases'], undefined);
  }

  private entity(path: string, raw: unknown): void {
    const e = this.object(path, raw, ['id', 'name', 'description', 'aliases', 'storyId', 'factIds'], ['shortForms']);
    if (!e) return;
    const id = this.text(`${path}.id`, e['id']);
    if (id !== undefined) {
      if (!(ENTITY_IDS as readonly string[]).includes(id)) {
        this.fail(`${path}.id`, `${q(id)} is not one of ${ENTITY_IDS.map(q).join(', ')}`);
      } else this.claim(`${path}.id`, id);
    }
    this.text(`${path}.name`, e['name'], LIMITS.name);
    this.text(`${path}.description`, e['description'], LIMITS.description);
    this.aliases(`${path}.aliases`, e['aliases'], id ?? path, true);
    if (e['shortForms'] !== undefined) this.aliases(`${path}.shortForms`, e['shortForms'], id ?? path);
    const storyId = this.text(`${path}.storyId`, e['storyId']);
    const story = storyId === undefined ? undefined : this.stories.get(storyId);
    if (storyId !== undefined && !story) this.fail(`${path}.storyId`, `unknown story ${q(storyId)}`);
    const factIds = this.idList(`${path}.factIds`, e['factIds'], ENTITY_FACTS_MIN);
    factIds?.forEach(([fid, p]) => {
      if (story && !story.facts.has(fid)) this.fail(p, `unknown fact ${q(fid)} in story ${q(storyId ?? '')}`);
    });
  }

  private story(path: string, raw: unknown): void {
    const s = this.object(path, raw, ['id', 'headline', 'summary', 'keyFactIds', 'timelineIds', 'facts', 'responses']);
    if (!s || typeof s['id'] !== 'string') return;
    const ids = this.stories.get(s['id']);
    if (!ids) return;
    this.text(`${path}.headline`, s['headline'], LIMITS.headline);
    this.text(`${path}.summary`, s['summary'], LIMITS.summary);
    const linked = new Set<string>();
    this.array(`${path}.facts`, s['facts'], 1)?.forEach((f, i) => this.fact(`${path}.facts[${i}]`, f, ids, linked));
    const responses = this.array(`${path}.responses`, s['responses'], 0);
    responses?.forEach((r, i) => this.response(`${path}.responses[${i}]`, r));
    responses?.forEach((r, i) => {
      const id = isObj(r) ? r['id'] : undefined;
      if (typeof id === 'string' && !linked.has(id)) {
        this.fail(`${path}.responses[${i}]`, `response ${q(id)} is not linked from any fact's responseIds`);
      }
    });
    const key = this.idList(`${path}.keyFactIds`, s['keyFactIds'], KEY_FACTS_MIN);
    if (key && key.length > KEY_FACTS_MAX) this.fail(`${path}.keyFactIds`, `has ${key.length} ids; at most ${KEY_FACTS_MAX}`);
    key?.forEach(([id, p]) => { if (!ids.facts.has(id)) this.fail(p, `unknown fact ${q(id)}`); });
    let prev: [string, string] | undefined;
    this.idList(`${path}.timelineIds`, s['timelineIds'], 1)?.forEach(([id, p]) => {
      if (!ids.facts.has(id)) return this.fail(p, `unknown fact ${q(id)}`);
      const date = ids.facts.get(id);
      if (date === undefined) return;
      if (prev && isAfter(prev[1], date)) {
        this.fail(p, `${q(id)} (${date}) is dated before the previous item ${q(prev[0])} (${prev[1]}); keep the timeline chronological`);
      }
      prev = [id, date];
    });
  }

  private fact(path: string, raw: unknown, story: StoryIds, linked: Set<string>): void {
    const f = this.object(path, raw, ['id', 'text', 'status', 'date', 'sourceIds'], ['dateLabel', 'responseIds', 'actorIds']);
    if (!f) return;
    this.text(`${path}.text`, f['text'], LIMITS.factText);
    this.oneOf(`${path}.status`, f['status'], STATUSES);
    this.date(`${path}.date`, f['date']);
    this.optionalText(`${path}.dateLabel`, f['dateLabel'], LIMITS.dateLabel);
    this.sourceRefs(`${path}.sourceIds`, f['sourceIds']);
    if (f['responseIds'] !== undefined) {
      this.idList(`${path}.responseIds`, f['responseIds'], 1)?.forEach(([id, p]) => {
        if (story.responses.has(id)) linked.add(id);
        else this.fail(p, `unknown response ${q(id)}`);
      });
    }
    if (f['actorIds'] !== undefined) {
      this.idList(`${path}.actorIds`, f['actorIds'], 1)?.forEach(([id, p]) => {
        if (!this.actors.has(id)) this.fail(p, `unknown actor ${q(id)}`);
      });
    }
  }

  private response(path: string, raw: unknown): void {
    const r = this.object(path, raw, ['id', 'party', 'speaker', 'text', 'date', 'sourceIds'], ['dateLabel']);
    if (!r) return;
    this.oneOf(`${path}.party`, r['party'], PARTIES);
    this.text(`${path}.speaker`, r['speaker'], LIMITS.speaker);
    this.text(`${path}.text`, r['text'], LIMITS.responseText);
    this.date(`${path}.date`, r['date']);
    this.optionalText(`${path}.dateLabel`, r['dateLabel'], LIMITS.dateLabel);
    this.sourceRefs(`${path}.sourceIds`, r['sourceIds']);
  }

  // ---- ids ------------------------------------------------------------------------------------

  private claim(path: string, id: string): boolean {
    const first = this.ids.get(id);
    if (first !== undefined) {
      this.fail(path, `duplicate id ${q(id)} (already used at ${first})`);
      return false;
    }
    this.ids.set(id, path);
    return true;
  }

  private register(path: string, raw: unknown, into: Set<string>, pattern: RegExp): string | undefined {
    const id = isObj(raw) ? this.text(path, raw['id']) : undefined;
    if (id === undefined) return undefined;
    if (!pattern.test(id)) this.fail(path, `${q(id)} does not match ${String(pattern)}`);
    if (this.claim(path, id)) into.add(id);
    return id;
  }

  private registerStory(path: string, raw: unknown): void {
    const id = this.register(`${path}.id`, raw, new Set(), ID);
    if (id === undefined || !isObj(raw)) return;
    const ids: StoryIds = { facts: new Map(), responses: new Set() };
    this.stories.set(id, ids);
    const collect = (kind: 'facts' | 'responses', add: (id: string, item: Obj) => void): void => {
      const list = raw[kind];
      if (!Array.isArray(list)) return;
      list.forEach((item: unknown, i) => {
        const itemId = this.register(`${path}.${kind}[${i}].id`, item, new Set(), ID);
        if (itemId !== undefined && isObj(item)) add(itemId, item);
      });
    };
    collect('facts', (fid, f) => {
      const d = f['date'];
      ids.facts.set(fid, typeof d === 'string' && isIsoDate(d) ? d : undefined);
    });
    collect('responses', (rid) => ids.responses.add(rid));
  }

  private allEntitiesPresent(entities: unknown[]): void {
    const present = new Set(entities.map((e) => (isObj(e) ? e['id'] : undefined)));
    for (const id of ENTITY_IDS) if (!present.has(id)) this.fail('entities', `missing entity ${q(id)}`);
  }

  private sourceRefs(path: string, raw: unknown): void {
    this.idList(path, raw, 1)?.forEach(([id, p]) => {
      if (this.sources.has(id)) this.usedSources.add(id);
      else this.fail(p, `unknown source ${q(id)}`);
    });
  }

  // ---- aliases --------------------------------------------------------------------------------

  /** `entity` set: also checks that no other entity uses the same alias (case-insensitively). */
  private aliases(path: string, raw: unknown, entity: string | undefined, requireEnglish = false): void {
    if (!isObj(raw)) return this.fail(path, 'must be an object of language -> list of names');
    if (requireEnglish && raw['en'] === undefined) this.fail(path, 'needs English ("en") names');
    for (const [lang, list] of Object.entries(raw)) {
      const lp = `${path}.${lang}`;
      if (!Object.hasOwn(LANGS, lang)) this.fail(lp, `unknown language ${q(lang)}; use one of ${Object.keys(LANGS).join(', ')}`);
      const seen = new Set<string>();
      this.array(lp, list, 1)?.forEach((a, i) => {
        const alias = this.text(`${lp}[${i}]`, a);
        if (alias === undefined) return;
        const key = alias.normalize('NFC').toLowerCase();
        if (seen.has(key)) this.fail(`${lp}[${i}]`, `duplicate alias ${q(alias)}`);
        seen.add(key);
        this.aliasForm(`${lp}[${i}]`, alias);
        if (entity === undefined) return;
        const other = this.entityAliases.get(key);
        if (other && other.entity !== entity) {
          this.fail(`${lp}[${i}]`, `alias ${q(alias)} is also used by entity ${q(other.entity)} (${other.path})`);
        } else if (!other) this.entityAliases.set(key, { entity, path: `${lp}[${i}]` });
      });
    }
  }

  private aliasForm(path: string, alias: string): void {
    if (/ {2}/.test(alias)) this.fail(path, `${q(alias)} has a double space; separate tokens with one space`);
    if (/[^\S ]/u.test(alias)) this.fail(path, `${q(alias)} has whitespace other than a plain space`);
    if (INVISIBLE.test(alias)) this.fail(path, `${q(alias)} contains a soft hyphen or zero-width character`);
    if (NON_ASCII_DIGIT.test(alias)) this.fail(path, `${q(alias)} has non-ASCII digits; write 0-9`);
    try {
      new RegExp(alias.replace(REGEXP_SYNTAX, '\\$&'), 'u');
    } catch (e) {
      this.fail(path, `${q(alias)} does not compile to a RegExp: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // ---- primitives -----------------------------------------------------------------------------

  /** Checks that `raw` is an object with the required fields and no fields outside the schema. */
  private object(path: string, raw: unknown, required: string[], optional: string[] = []): Obj | undefined {
    if (!isObj(raw)) {
      this.fail(path, 'must be an object');
      return undefined;
    }
    for (const k of required) if (!(k in raw)) this.fail(path, `missing field ${q(k)}`);
    for (const k of Object.keys(raw)) {
      if (!required.includes(k) && !optional.includes(k)) this.fail(`${path}.${k}`, 'unknown field (typo?)');
    }
    return raw;
  }

  private array(path: string, raw: unknown, min: number): unknown[] | undefined {
    if (raw === undefined) return undefined; // reported as a missing field by object()
    if (!Array.isArray(raw)) {
      this.fail(path, 'must be a list');
      return undefined;
    }
    if (raw.length < min) this.fail(path, `needs at least ${min} item${min === 1 ? '' : 's'}`);
    return raw;
  }

  /** A list of unique, non-empty id strings, each paired with its own path. */
  private idList(path: string, raw: unknown, min: number): [string, string][] | undefined {
    const list = this.array(path, raw, min);
    if (!list) return undefined;
    const out: [string, string][] = [];
    const seen = new Set<string>();
    list.forEach((item, i) => {
      const id = this.text(`${path}[${i}]`, item);
      if (id === undefined) return;
      if (seen.has(id)) this.fail(`${path}[${i}]`, `${q(id)} is listed twice`);
      seen.add(id);
      out.push([id, `${path}[${i}]`]);
    });
    return out;
  }

  private text(path: string, raw: unknown, max?: number): string | undefined {
    if (raw === undefined) return undefined; // reported as a missing field by object()
    if (typeof raw !== 'string') {
      this.fail(path, 'must be a string');
      return undefined;
    }
    if (raw.trim() === '') this.fail(path, 'must not be empty');
    else if (raw !== raw.trim()) this.fail(path, 'has leading or trailing whitespace');
    if (max !== undefined && raw.length > max) this.fail(path, `is ${raw.length} characters; at most ${max} fit the card`);
    return raw;
  }

  private optionalText(path: string, raw: unknown, max?: number): string | undefined {
    return raw === undefined ? undefined : this.text(path, raw, max);
  }

  private oneOf(path: string, raw: unknown, allowed: Record<string, true>): void {
    const s = this.text(path, raw);
    if (s !== undefined && !Object.hasOwn(allowed, s)) this.fail(path, `${q(s)} is not one of ${Object.keys(allowed).join(', ')}`);
  }

  private date(path: string, raw: unknown): string | undefined {
    const s = this.text(path, raw);
    if (s === undefined) return undefined;
    if (!isIsoDate(s)) {
      this.fail(path, `${q(s)} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY) on the calendar`);
      return undefined;
    }
    if (this.asOf !== undefined && isAfter(s, this.asOf)) this.fail(path, `${s} is after meta.asOf ${this.asOf}`);
    return s;
  }

  private url(path: string, raw: unknown): void {
    const s = this.text(path, raw);
    if (s === undefined) return;
    let parsed: URL;
    try {
      parsed = new URL(s);
    } catch {
      return this.fail(path, `${q(s)} is not a URL`);
    }
    if (parsed.protocol !== 'https:') this.fail(path, `${q(s)} must use https`);
    if (/\s/.test(s)) this.fail(path, `${q(s)} contains whitespace`);
  }
}
