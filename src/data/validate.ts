/**
 * The dataset rules a JSON Schema cannot say: ids that must exist or be unique across the whole file,
 * dates that must be real, ordered and not after `meta.asOf`, aliases that must not collide and must
 * compile. The shape of every field (types, required fields, lengths, fixed sets, patterns) is in
 * `story.schema.json`; `check.ts` runs the schema first and this only on data that passed it.
 *
 * Pure (no DOM, no Node APIs). Every problem names the JSON path, the item's id and what to do.
 */
import { ENTITY_IDS } from './types';
import type { Dataset, Lang } from './types';
import type { Problem } from './problem';
import { itemIdAt } from './problem';

/** Languages the matcher knows; every entity needs names in each (a Record, so types.ts and this stay in step). */
export const LANGS: Record<Lang, true> = {
  en: true, ar: true, he: true, de: true, fr: true, es: true, ja: true,
  it: true, pt: true, nl: true, tr: true, ru: true, fa: true, zh: true, ko: true,
  pl: true, cs: true, uk: true, el: true, sv: true, ro: true, id: true, vi: true, hi: true, ur: true,
};

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
// Only these may be escaped under the `u` flag ("\-" is a SyntaxError there).
const REGEXP_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;
const q = (s: string): string => JSON.stringify(s);

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

/** Every cross-reference problem in `data` (which has already passed the schema). */
export function crossReferenceProblems(data: Dataset): Problem[] {
  const out: Problem[] = [];
  const fail = (path: string, message: string, fix: string): void => {
    out.push({ path, id: itemIdAt(data, path), message, fix });
  };

  // ---- one id namespace; a duplicate is reported at every place it occurs, so the new one is named too
  const places = new Map<string, string[]>();
  const add = (id: string, path: string): void => {
    places.set(id, [...(places.get(id) ?? []), path]);
  };
  data.sources.forEach((s, i) => add(s.id, `sources[${i}].id`));
  data.actors.forEach((a, i) => add(a.id, `actors[${i}].id`));
  data.entities.forEach((e, i) => add(e.id, `entities[${i}].id`));
  data.stories.forEach((s, i) => {
    add(s.id, `stories[${i}].id`);
    s.facts.forEach((f, j) => add(f.id, `stories[${i}].facts[${j}].id`));
    s.responses.forEach((r, j) => add(r.id, `stories[${i}].responses[${j}].id`));
  });
  for (const [id, paths] of places) {
    if (paths.length < 2) continue;
    for (const path of paths) {
      const others = paths.filter((p) => p !== path).join(', ');
      fail(path, `duplicate id ${q(id)} (also at ${others})`, 'give the newer item an id of its own; ids are shared by sources, actors, entities, stories, facts and responses');
    }
  }

  const sourceIds = new Set(data.sources.map((s) => s.id));
  const actorIds = new Set(data.actors.map((a) => a.id));
  const storyById = new Map(data.stories.map((s) => [s.id, s]));
  const usedSources = new Set<string>();
  const sourceRefs = (path: string, ids: readonly string[]): void => {
    ids.forEach((id, i) => {
      if (sourceIds.has(id)) usedSources.add(id);
      else fail(`${path}[${i}]`, `unknown source ${q(id)}`, `add ${id} to "sources" (from its V1/V2 row in facts.md) or correct the id`);
    });
  };
  const listedTwice = (path: string, ids: readonly string[]): void => {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) fail(`${path}[${i}]`, `${q(id)} is listed twice`, 'remove the second one');
    });
  };

  // ---- dates
  const asOf = data.meta.asOf;
  const dated: { path: string; date: string }[] = [];
  const date = (path: string, value: string | undefined): void => {
    if (value === undefined) return;
    if (!isIsoDate(value)) {
      fail(path, `${q(value)} is not a date on the calendar`, 'use a real YYYY-MM-DD, YYYY-MM or YYYY date');
      return;
    }
    if (isAfter(value, asOf)) {
      fail(path, `${value} is after meta.asOf ${asOf}`, 'if the item is right, move meta.asOf to its date (and add a changelog entry)');
    }
    dated.push({ path, date: value });
  };
  if (!isIsoDate(asOf)) fail('meta.asOf', `${q(asOf)} is not a date on the calendar`, 'use the date of the newest item, YYYY-MM-DD');

  // ---- meta
  const log = data.meta.changelog;
  if (log[0] && log[0].version !== data.meta.version) {
    fail('meta.changelog[0].version', `newest changelog entry is ${q(log[0].version)} but meta.version is ${q(data.meta.version)}`,
      'add a changelog entry at the top for the new version');
  }
  log.forEach((entry, i) => {
    // The release date, not a content date: it may be after asOf (the day the edit ships).
    if (!isIsoDate(entry.date)) fail(`meta.changelog[${i}].date`, `${q(entry.date)} is not a date on the calendar`, 'use the release day, YYYY-MM-DD');
    const previous = log[i - 1];
    if (previous && isAfter(entry.date, previous.date)) {
      fail(`meta.changelog[${i}].date`, 'changelog must be newest first', 'put the newest entry at the top');
    }
  });

  // ---- sources and actors
  data.sources.forEach((s, i) => date(`sources[${i}].date`, s.date));

  // ---- stories
  data.stories.forEach((story, si) => {
    const sp = `stories[${si}]`;
    const facts = new Map(story.facts.map((f) => [f.id, f]));
    const responses = new Map(story.responses.map((r) => [r.id, r]));
    const linked = new Set<string>();
    story.facts.forEach((f, i) => {
      const p = `${sp}.facts[${i}]`;
      date(`${p}.date`, f.date);
      date(`${p}.reportedDate`, f.reportedDate);
      if (f.reportedDate !== undefined && isAfter(f.date, f.reportedDate)) {
        fail(`${p}.reportedDate`, `${f.reportedDate} is before the event date ${f.date}`, 'reportedDate is when the fact became public: the same day or later; leave it out when it equals date');
      }
      sourceRefs(`${p}.sourceIds`, f.sourceIds);
      listedTwice(`${p}.sourceIds`, f.sourceIds);
      (f.responseIds ?? []).forEach((id, j) => {
        if (responses.has(id)) linked.add(id);
        else fail(`${p}.responseIds[${j}]`, `unknown response ${q(id)}`, `add the reply to ${sp}.responses or correct the id`);
      });
      listedTwice(`${p}.responseIds`, f.responseIds ?? []);
      (f.actorIds ?? []).forEach((id, j) => {
        if (!actorIds.has(id)) fail(`${p}.actorIds[${j}]`, `unknown actor ${q(id)}`, 'add it to "actors" or correct the id');
      });
      if (f.status === 'confirmed' && !f.confirmation) {
        fail(p, 'is "confirmed" but has no "confirmation"', 'say who confirmed what, and what was not confirmed (facts.md section 5)');
      }
      if (f.status !== 'confirmed' && f.confirmation) {
        fail(`${p}.confirmation`, `only "confirmed" facts carry a confirmation (status is ${q(f.status)})`, 'remove it, or change the status if the party concerned confirmed it');
      }
    });
    story.responses.forEach((r, i) => {
      const p = `${sp}.responses[${i}]`;
      date(`${p}.date`, r.date);
      sourceRefs(`${p}.sourceIds`, r.sourceIds);
      listedTwice(`${p}.sourceIds`, r.sourceIds);
      if (!linked.has(r.id)) {
        fail(p, `response ${q(r.id)} is not linked from any fact's responseIds`, 'list its id in the responseIds of the fact(s) it answers');
      }
      (r.addresses ?? []).forEach((id, j) => {
        const fact = facts.get(id);
        if (!fact) fail(`${p}.addresses[${j}]`, `unknown fact ${q(id)}`, 'name a fact of this story');
        else if (!(fact.responseIds ?? []).includes(r.id)) {
          fail(`${p}.addresses[${j}]`, `addresses ${q(id)}, but that fact does not list ${q(r.id)} in its responseIds`, `add ${q(r.id)} to the responseIds of ${q(id)} so the reply is shown beside it`);
        }
      });
    });
    const knownFact = (path: string, id: string): boolean => {
      if (facts.has(id)) return true;
      fail(path, `unknown fact ${q(id)}`, 'name a fact of this story (responses and sources cannot be listed here)');
      return false;
    };
    story.keyFactIds.forEach((id, i) => knownFact(`${sp}.keyFactIds[${i}]`, id));
    listedTwice(`${sp}.keyFactIds`, story.keyFactIds);
    listedTwice(`${sp}.timelineIds`, story.timelineIds);
    let prev: { id: string; date: string } | undefined;
    story.timelineIds.forEach((id, i) => {
      const p = `${sp}.timelineIds[${i}]`;
      if (!knownFact(p, id)) return;
      const d = facts.get(id)?.date ?? '';
      if (!isIsoDate(d)) return;
      if (prev && isAfter(prev.date, d)) {
        fail(p, `${q(id)} (${d}) is dated before the previous item ${q(prev.id)} (${prev.date})`, 'keep the timeline chronological by event date: move it up');
      }
      prev = { id, date: d };
    });
  });

  data.sources.forEach((s, i) => {
    if (!usedSources.has(s.id)) fail(`sources[${i}]`, `source ${q(s.id)} is not used by any fact or response`, 'cite it from a fact or response, or remove it');
  });

  // ---- entities
  const present = new Set(data.entities.map((e) => e.id));
  for (const id of ENTITY_IDS) if (!present.has(id)) fail('entities', `missing entity ${q(id)}`, 'every marked name needs its entity');
  const aliasOwner = new Map<string, { entity: string; path: string }>();
  data.entities.forEach((e, i) => {
    const p = `entities[${i}]`;
    const story = storyById.get(e.storyId);
    if (!story) fail(`${p}.storyId`, `unknown story ${q(e.storyId)}`, 'name a story in "stories"');
    e.factIds.forEach((id, j) => {
      if (story && !story.facts.some((f) => f.id === id)) fail(`${p}.factIds[${j}]`, `unknown fact ${q(id)} in story ${q(e.storyId)}`, 'name a fact of the entity\'s story');
    });
    listedTwice(`${p}.factIds`, e.factIds);
    for (const lang of Object.keys(LANGS)) {
      if (!(lang in e.aliases)) fail(`${p}.aliases`, `has no names in ${q(lang)}`, `add the ${lang} names (every entity has names in ${Object.keys(LANGS).join(', ')})`);
    }
    aliases(`${p}.aliases`, e.aliases, e.id);
    if (e.shortForms) aliases(`${p}.shortForms`, e.shortForms, e.id);
  });
  data.actors.forEach((a, i) => { if (a.aliases) aliases(`actors[${i}].aliases`, a.aliases, undefined); });

  // ---- asOf moves only with a dated item: it is the date of the newest one
  if (isIsoDate(asOf) && !dated.some((d) => d.date === asOf)) {
    const newest = dated.reduce<{ path: string; date: string } | undefined>((a, b) => (!a || b.date > a.date ? b : a), undefined);
    fail('meta.asOf', `no item is dated ${asOf}; asOf is the date of the newest item (${newest ? `${newest.date}, ${newest.path}` : 'none'})`,
      'set asOf to that date, or add the dated item that moves it');
  }
  return out;

  function aliases(path: string, byLang: Partial<Record<string, string[]>>, entity: string | undefined): void {
    for (const [lang, list] of Object.entries(byLang)) {
      const lp = `${path}.${lang}`;
      if (!Object.hasOwn(LANGS, lang)) fail(lp, `unknown language ${q(lang)}`, `use one of ${Object.keys(LANGS).join(', ')} (or add the language to Lang in types.ts and LANGS here)`);
      const seen = new Set<string>();
      (list ?? []).forEach((alias, i) => {
        const ap = `${lp}[${i}]`;
        const key = alias.normalize('NFC').toLowerCase();
        if (seen.has(key)) fail(ap, `duplicate alias ${q(alias)}`, 'remove it: matching ignores case');
        seen.add(key);
        try {
          new RegExp(alias.replace(REGEXP_SYNTAX, '\\$&'), 'u');
        } catch (e) {
          fail(ap, `${q(alias)} does not compile to a RegExp: ${e instanceof Error ? e.message : String(e)}`, 'remove the character the message names');
        }
        if (entity === undefined) return;
        const other = aliasOwner.get(key);
        if (other && other.entity !== entity) {
          fail(ap, `alias ${q(alias)} is also used by entity ${q(other.entity)} (${other.path})`, 'a name can mark only one entity: remove it from one of them');
        } else if (!other) aliasOwner.set(key, { entity, path: ap });
      });
    }
  }
}
