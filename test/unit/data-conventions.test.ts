/**
 * Each rule of `npm run check:data` (schema, cross-references, wording), proven by breaking a copy of
 * the real dataset in exactly one way and checking that the check names the exact JSON path, the item's
 * id and what to do. The first test shows the unbroken copy passes, so every failure below is caused by
 * its own mutation.
 */
import { describe, expect, it } from 'vitest';
import { dataset } from '../../src/data/index';
import { checkDataset } from '../../src/data/check';
import { formatProblem } from '../../src/data/problem';
import schema from '../../src/data/story.schema.json';
import type { Dataset, Fact, Source, StoryResponse } from '../../src/data/types';

type Loose = Record<string, unknown>;
/** The card's text limits, read from the schema (its maxLength values). */
const LIMITS = {
  factText: schema.$defs.fact.properties.text.maxLength,
  responseText: schema.$defs.response.properties.text.maxLength,
  description: schema.$defs.entity.properties.description.maxLength,
  headline: schema.$defs.story.properties.headline.maxLength,
  summary: schema.$defs.story.properties.summary.maxLength,
};
/** Lets a mutator write values the types forbid, which is the point of these tests. */
const loose = (x: object): Loose => x as Loose;

function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`fixture has no item ${i}`);
  return item;
}
const story = (d: Dataset) => at(d.stories, 0);
const fact = (d: Dataset, i = 0) => at(story(d).facts, i);
const response = (d: Dataset, i = 0) => at(story(d).responses, i);
const entity = (d: Dataset, id: string) => {
  const i = d.entities.findIndex((e) => e.id === id);
  return { e: at(d.entities, i), path: `entities[${i}]` };
};

// Mock factories: a valid item, changed only where a test says so.
const makeSource = (o: Partial<Source> = {}): Source => ({
  id: 'S98', publisher: 'Example Publisher', title: 'Example title', date: '2025-01-01', kind: 'news', ...o,
});
const makeResponse = (o: Partial<StoryResponse> = {}): StoryResponse => ({
  id: 'r-test', party: 'microsoft', speaker: 'Microsoft', text: 'Microsoft said so.', date: '2025-01-01', sourceIds: ['S1'], ...o,
});
const makeFact = (o: Partial<Fact> = {}): Fact => ({
  id: 'f-test', text: 'The Guardian reported it.', status: 'reported', date: '2025-01-01', sourceIds: ['S1'], ...o,
});

/** Checks a deep copy of the real dataset after `mutate`; returns the formatted problems (none means it passed). */
function broken(mutate: (d: Dataset) => void): string[] {
  const copy = structuredClone(dataset);
  mutate(copy);
  return checkDataset(copy).problems.map(formatProblem);
}

/** One problem must sit at exactly `path` (then the item id, if any), mention `fragment`, and say what to do. */
function expectError(errors: string[], path: string, fragment: string): void {
  const hit = errors.find((e) => (e.startsWith(`${path}: `) || e.startsWith(`${path} (`)) && e.includes(fragment) && / → \S/.test(e));
  expect(hit, `expected "${path}: …${fragment}…" in:\n${errors.join('\n')}`).toBeDefined();
}

const lastFact = (d: Dataset) => story(d).facts.length - 1;

describe('checkDataset', () => {
  it('accepts the unbroken copy (so each failure below comes from its mutation)', () => {
    expect(broken(() => {})).toEqual([]);
  });

  it('rejects a non-object', () => {
    const r = checkDataset(null);
    expect(r.ok).toBe(false);
    expectError(r.problems.map(formatProblem), 'dataset', 'must be object');
  });

  describe('shape and types', () => {
    it('missing field', () => expectError(broken((d) => { delete loose(d.meta)['asOf']; }), 'meta', "must have required property 'asOf'"));
    it('unknown field (typo)', () => expectError(broken((d) => {
      const f = loose(fact(d));
      f['sourceId'] = f['sourceIds'];
    }), 'stories[0].facts[0].sourceId', 'must NOT have additional properties'));
    it('wrong type', () => expectError(broken((d) => { loose(fact(d, 2))['text'] = 42; }), 'stories[0].facts[2].text', 'must be string'));
    it('list expected', () => expectError(broken((d) => { loose(fact(d))['sourceIds'] = 'S1'; }), 'stories[0].facts[0].sourceIds', 'must be array'));
    it('empty string', () => expectError(broken((d) => { at(d.sources, 0).title = ''; }), 'sources[0].title', 'must match pattern'));
    it('blank string', () => expectError(broken((d) => { response(d, 1).speaker = '   '; }), 'stories[0].responses[1].speaker', 'must match pattern'));
    it('padded string', () => expectError(broken((d) => { at(d.actors, 0).name = ' Covington'; }), 'actors[0].name', 'must match pattern'));
    it('empty changelog change', () => expectError(broken((d) => { at(d.meta.changelog, 0).changes.push(''); }), `meta.changelog[0].changes[${at(dataset.meta.changelog, 0).changes.length}]`, 'must match pattern'));
  });

  describe('meta', () => {
    it('version must be semver', () => expectError(broken((d) => { d.meta.version = '1.0'; }), 'meta.version', 'must match pattern'));
    it('newest changelog entry matches meta.version', () => expectError(broken((d) => { d.meta.version = '1.0.1'; }), 'meta.changelog[0].version', 'meta.version is "1.0.1"'));
    it('asOf must be a full calendar date', () => expectError(broken((d) => { d.meta.asOf = '2026-02-30'; }), 'meta.asOf', 'not a date on the calendar'));
    it('changelog newest first', () => expectError(broken((d) => {
      d.meta.changelog.push({ version: '0.9.0', date: '2026-06-04', changes: ['older'] });
      at(d.meta.changelog, 0).date = '2026-01-01';
    }), 'meta.changelog[1].date', 'newest first'));
  });

  describe('ids', () => {
    it('duplicate fact id', () => expectError(broken((d) => { fact(d, 1).id = fact(d, 0).id; }), 'stories[0].facts[1].id', `duplicate id "${fact(dataset, 0).id}" (also at stories[0].facts[0].id)`));
    it('response id colliding with a fact id', () => expectError(broken((d) => {
      const old = response(d, 0).id;
      response(d, 0).id = fact(d, 3).id;
      for (const f of story(d).facts) f.responseIds = f.responseIds?.map((r) => (r === old ? fact(d, 3).id : r));
    }), 'stories[0].responses[0].id', 'also at stories[0].facts[3].id'));
    it('actor id colliding with a fact id', () => expectError(broken((d) => { at(d.actors, 1).id = fact(d, 0).id; }), 'actors[1].id', 'also at stories[0].facts[0].id'));
    it('actor id colliding with an entity id', () => expectError(broken((d) => { at(d.actors, 0).id = 'azure'; }), `${entity(dataset, 'azure').path}.id`, 'also at actors[0].id'));
    it('duplicate source id', () => expectError(broken((d) => { at(d.sources, 1).id = 'S1'; }), 'sources[1].id', 'duplicate id "S1"'));
    it('source ids look like the fact sheet', () => expectError(broken((d) => {
      d.sources.push(makeSource({ id: 'source-1' }));
      fact(d).sourceIds.push('source-1');
    }), `sources[${dataset.sources.length}].id`, 'must match pattern'));
    it('id listed twice', () => expectError(broken((d) => { story(d).keyFactIds.push(at(story(d).keyFactIds, 0)); }), `stories[0].keyFactIds[${story(dataset).keyFactIds.length}]`, 'listed twice'));
  });

  describe('sources', () => {
    it('every fact needs a source', () => expectError(broken((d) => { fact(d, 4).sourceIds = []; }), 'stories[0].facts[4].sourceIds', 'must NOT have fewer than 1 items'));
    it('every response needs a source', () => expectError(broken((d) => { response(d, 2).sourceIds = []; }), 'stories[0].responses[2].sourceIds', 'must NOT have fewer than 1 items'));
    it('unknown source on a fact', () => {
      const i = story(dataset).facts.findIndex((f) => f.sourceIds.length >= 2);
      expectError(broken((d) => { fact(d, i).sourceIds[1] = 'S99'; }), `stories[0].facts[${i}].sourceIds[1]`, 'unknown source "S99"');
    });
    it('unknown source on a response', () => expectError(broken((d) => { response(d, 0).sourceIds.push('S99'); }), `stories[0].responses[0].sourceIds[${response(dataset, 0).sourceIds.length}]`, 'unknown source "S99"'));
    it('every source is used', () => expectError(broken((d) => { d.sources.push(makeSource()); }), `sources[${dataset.sources.length}]`, 'source "S98" is not used'));
    it('urls must be https', () => expectError(broken((d) => { d.sources.push(makeSource({ url: 'http://example.org/a' })); fact(d).sourceIds.push('S98'); }), `sources[${dataset.sources.length}].url`, 'leave the link out'));
    it('urls must parse', () => expectError(broken((d) => { d.sources.push(makeSource({ url: 'theguardian.com/world' })); fact(d).sourceIds.push('S98'); }), `sources[${dataset.sources.length}].url`, 'must match pattern'));
    it('kind from the fixed set', () => expectError(broken((d) => { loose(at(d.sources, 2))['kind'] = 'blog'; }), 'sources[2].kind', 'must be equal to one of the allowed values'));
  });

  describe('references', () => {
    it('entity factIds', () => {
      const { path } = entity(dataset, 'azure');
      expectError(broken((d) => { entity(d, 'azure').e.factIds[0] = 'f-nope'; }), `${path}.factIds[0]`, 'unknown fact "f-nope"');
    });
    it('entity storyId', () => expectError(broken((d) => { entity(d, 'microsoft').e.storyId = 'other'; }), `${entity(dataset, 'microsoft').path}.storyId`, 'unknown story "other"'));
    it('keyFactIds', () => expectError(broken((d) => { story(d).keyFactIds[2] = 'f-nope'; }), 'stories[0].keyFactIds[2]', 'unknown fact "f-nope"'));
    it('timelineIds', () => expectError(broken((d) => { story(d).timelineIds[0] = 'r-ms-leaders-unaware'; }), 'stories[0].timelineIds[0]', 'unknown fact "r-ms-leaders-unaware"'));
    it('responseIds', () => {
      const i = story(dataset).facts.findIndex((f) => f.responseIds);
      expectError(broken((d) => { fact(d, i).responseIds = ['r-nope', ...(fact(d, i).responseIds ?? [])]; }), `stories[0].facts[${i}].responseIds[0]`, 'unknown response "r-nope"');
    });
    it('actorIds', () => expectError(broken((d) => { fact(d).actorIds = ['nobody']; }), 'stories[0].facts[0].actorIds[0]', 'unknown actor "nobody"'));
    it('every response is linked from a fact', () => expectError(broken((d) => { story(d).responses.push(makeResponse()); }), `stories[0].responses[${story(dataset).responses.length}]`, 'not linked'));
  });

  describe('dates', () => {
    it('not a calendar date', () => expectError(broken((d) => { fact(d, 5).date = '2025-02-29'; }), 'stories[0].facts[5].date', 'not a date on the calendar'));
    it('month out of range', () => expectError(broken((d) => { response(d, 0).date = '2025-13'; }), 'stories[0].responses[0].date', 'not a date on the calendar'));
    it('not ISO', () => expectError(broken((d) => { at(d.sources, 0).date = '6 Aug 2025'; }), 'sources[0].date', 'must match pattern'));
    it('after meta.asOf', () => expectError(broken((d) => { fact(d, lastFact(d)).date = '2026-06-05'; }), `stories[0].facts[${lastFact(dataset)}].date`, 'after meta.asOf 2026-06-04'));
    it('month after meta.asOf', () => expectError(broken((d) => { at(d.sources, 0).date = '2026-07'; }), 'sources[0].date', 'after meta.asOf'));
    it('timeline in chronological order', () => {
      const ids = story(dataset).timelineIds;
      expectError(broken((d) => { story(d).timelineIds = [...ids.slice(1, 4), at(ids, 0), ...ids.slice(4)]; }), 'stories[0].timelineIds[3]', 'keep the timeline chronological');
    });
  });

  describe('fixed sets and counts', () => {
    it('fact status', () => expectError(broken((d) => { loose(fact(d, 1))['status'] = 'rumoured'; }), 'stories[0].facts[1].status', 'must be equal to one of the allowed values'));
    it('response party', () => expectError(broken((d) => { loose(response(d, 1))['party'] = 'government'; }), 'stories[0].responses[1].party', 'must be equal to one of the allowed values'));
    it('actor kind', () => expectError(broken((d) => { loose(at(d.actors, 3))['kind'] = 'band'; }), 'actors[3].kind', 'must be equal to one of the allowed values'));
    it('at least 6 key facts', () => expectError(broken((d) => { story(d).keyFactIds = story(d).keyFactIds.slice(0, 5); }), 'stories[0].keyFactIds', 'must NOT have fewer than 6 items'));
    it('at most 10 key facts', () => expectError(broken((d) => { story(d).keyFactIds = story(d).facts.slice(0, 11).map((f) => f.id); }), 'stories[0].keyFactIds', 'must NOT have more than 10 items'));
    it('entities name enough facts for a card', () => expectError(broken((d) => { entity(d, 'unit-8200').e.factIds = ['f-call-storage']; }), `${entity(dataset, 'unit-8200').path}.factIds`, 'must NOT have fewer than 3 items'));
    it('all three entities present', () => expectError(broken((d) => { d.entities = d.entities.filter((e) => e.id !== 'unit-8200'); }), 'entities', 'missing entity "unit-8200"'));
    it('entity ids from the fixed set', () => expectError(broken((d) => { loose(at(d.entities, 0))['id'] = 'bing'; }), 'entities[0].id', 'must be equal to one of the allowed values'));
  });

  describe('text lengths', () => {
    const long = (n: number): string => 'The Guardian reported '.concat('x'.repeat(n)).slice(0, n);
    it('fact text', () => expectError(broken((d) => { fact(d, 6).text = long(LIMITS.factText + 1); }), 'stories[0].facts[6].text', `must NOT have more than ${LIMITS.factText} characters`));
    it('fact text at the limit is fine', () => expect(broken((d) => { fact(d, 6).text = long(LIMITS.factText); })).toEqual([]));
    it('response text', () => expectError(broken((d) => { response(d, 3).text = long(LIMITS.responseText + 1); }), 'stories[0].responses[3].text', `must NOT have more than ${LIMITS.responseText} characters`));
    it('entity description', () => expectError(broken((d) => { at(d.entities, 1).description = long(LIMITS.description + 1); }), 'entities[1].description', 'must NOT have more than 140 characters'));
    it('actor description', () => expectError(broken((d) => { at(d.actors, 1).description = long(LIMITS.description + 1); }), 'actors[1].description', 'must NOT have more than 140 characters'));
    it('headline', () => expectError(broken((d) => { story(d).headline = long(LIMITS.headline + 1); }), 'stories[0].headline', 'must NOT have more than 120 characters'));
    it('summary', () => expectError(broken((d) => { story(d).summary = long(LIMITS.summary + 1); }), 'stories[0].summary', 'must NOT have more than 600 characters'));
  });

  describe('aliases', () => {
    const az = entity(dataset, 'azure').path;
    const ms = entity(dataset, 'microsoft').path;
    const u = entity(dataset, 'unit-8200').path;
    const azure = (d: Dataset) => entity(d, 'azure').e;
    it('language list not empty', () => expectError(broken((d) => { azure(d).aliases.de = []; }), `${az}.aliases.de`, 'must NOT have fewer than 1 items'));
    it('English names required', () => expectError(broken((d) => { delete azure(d).aliases.en; }), `${az}.aliases`, "must have required property 'en'"));
    it('known languages only', () => expectError(broken((d) => { loose(azure(d).aliases)['xx'] = ['Azure']; }), `${az}.aliases.xx`, 'unknown language "xx"'));
    it('no empty alias', () => expectError(broken((d) => { azure(d).aliases.fr = ['']; }), `${az}.aliases.fr[0]`, 'must match pattern'));
    it('no leading or trailing space', () => expectError(broken((d) => { azure(d).aliases.es = ['Azure ']; }), `${az}.aliases.es[0]`, 'must match pattern'));
    it('no double space', () => expectError(broken((d) => { azure(d).aliases.en?.push('Microsoft  Azure'); }), `${az}.aliases.en[2]`, 'one plain space'));
    it('no other whitespace', () => expectError(broken((d) => { azure(d).aliases.en?.push('Microsoft\u00A0Azure'); }), `${az}.aliases.en[2]`, 'one plain space'));
    it('no soft hyphen', () => expectError(broken((d) => { azure(d).aliases.de = ['Az\u00ADure']; }), `${az}.aliases.de[0]`, 'no soft hyphens'));
    it('ASCII digits', () => expectError(broken((d) => { entity(d, 'unit-8200').e.aliases.ar?.push('وحدة ٨٢٠٠'); }), `${u}.aliases.ar[2]`, 'ASCII digits'));
    it('no duplicate within a list', () => expectError(broken((d) => { azure(d).aliases.en?.push('AZURE'); }), `${az}.aliases.en[2]`, 'duplicate alias'));
    it('no alias shared by two entities', () => expectError(broken((d) => { azure(d).aliases.en?.push('Microsoft'); }), `${az}.aliases.en[2]`, `also used by entity "microsoft" (${ms}.aliases.en[0])`));
    it('shared case-insensitively', () => expectError(broken((d) => { azure(d).aliases.he?.push('מיקרוסופט'); }), `${az}.aliases.he[2]`, 'also used by entity "microsoft"'));
    it('short forms count as aliases', () => expectError(broken((d) => { azure(d).shortForms = { en: ['8200'] }; }), `${u}.shortForms.en[0]`, `also used by entity "azure" (${az}.shortForms.en[0])`));
    it('escaped aliases compile with the u flag, including "-" and every syntax character', () => {
      // "\-" is a SyntaxError under the u flag; a naive escaper would fail this alias.
      expect(broken((d) => { azure(d).aliases.en?.push('Azure-Stack (x) [y] {z} a|b ^$.*+?/\\'); })).toEqual([]);
    });
    it('actor aliases follow the same form rules', () => expectError(broken((d) => { at(d.actors, 0).aliases = { en: ['Covington  & Burling'] }; }), 'actors[0].aliases.en[0]', 'one plain space'));
  });

  describe('rules added in dataset 1.1', () => {
    const idx = (id: string) => story(dataset).facts.findIndex((f) => f.id === id);
    const ridx = (id: string) => story(dataset).responses.findIndex((r) => r.id === id);
    it('a duplicate id is reported at the new item as well as the old one', () => {
      const errors = broken((d) => { story(d).facts.push(makeFact({ id: fact(d, 0).id })); });
      expectError(errors, `stories[0].facts[${story(dataset).facts.length}].id`, 'also at stories[0].facts[0].id');
      expectError(errors, 'stories[0].facts[0].id', `also at stories[0].facts[${story(dataset).facts.length}].id`);
    });
    it('errors name the item id', () => {
      const errors = broken((d) => { fact(d, 6).sourceIds.push('S99'); });
      expect(errors.some((e) => e.startsWith(`stories[0].facts[6].sourceIds[${fact(dataset, 6).sourceIds.length}] (${fact(dataset, 6).id}): unknown source "S99" → `))).toBe(true);
    });
    it('shareholders can reply', () => expect(broken((d) => { response(d, ridx('r-adl-jlens-against')).party = 'shareholders'; })).toEqual([]));
    it('the changelog date is the release day and may be after asOf', () => expect(broken((d) => { at(d.meta.changelog, 0).date = '2027-01-15'; })).toEqual([]));
    it('asOf moves only with an item dated on it', () => expectError(broken((d) => { d.meta.asOf = '2026-06-10'; }), 'meta.asOf', 'no item is dated 2026-06-10'));
    it('asOf moves with a dated item', () => expect(broken((d) => {
      d.meta.asOf = '2026-06-10';
      const last = fact(d, lastFact(d));
      story(d).facts.push(makeFact({ id: 'f-later', date: '2026-06-10', sourceIds: last.sourceIds }));
      story(d).timelineIds.push('f-later');
    })).toEqual([]));
    it('a confirmed fact says what was confirmed', () => expectError(broken((d) => { delete fact(d, idx('f-confirmed-elements')).confirmation; }), `stories[0].facts[${idx('f-confirmed-elements')}]`, 'has no "confirmation"'));
    it('only confirmed facts carry a confirmation', () => expectError(broken((d) => { fact(d, idx('f-call-storage')).confirmation = { by: 'X', confirmed: 'Y' }; }), `stories[0].facts[${idx('f-call-storage')}].confirmation`, 'only "confirmed" facts'));
    it('a reply addresses only facts that show it', () => expectError(broken((d) => { response(d, ridx('r-amnesty-callamard')).addresses?.push('f-call-storage'); }), `stories[0].responses[${ridx('r-amnesty-callamard')}].addresses[1]`, 'does not list "r-amnesty-callamard"'));
    it('a reply addresses facts that exist', () => expectError(broken((d) => { response(d, ridx('r-amnesty-callamard')).addresses = ['f-nope']; }), `stories[0].responses[${ridx('r-amnesty-callamard')}].addresses[0]`, 'unknown fact "f-nope"'));
    it('reportedDate is not before the event', () => expectError(broken((d) => { fact(d, idx('f-system-live')).reportedDate = '2021-05-01'; }), `stories[0].facts[${idx('f-system-live')}].reportedDate`, 'before the event date'));
    it('reportedDate is not after asOf', () => expectError(broken((d) => { fact(d, idx('f-system-live')).reportedDate = '2026-07-01'; }), `stories[0].facts[${idx('f-system-live')}].reportedDate`, 'after meta.asOf'));
    it('per-language text fits the schema (issue 15)', () => {
      expect(broken((d) => { fact(d, 0).i18n = { ar: { text: 'أفادت صحيفة الغارديان…' } }; })).toEqual([]);
      expectError(broken((d) => { loose(fact(d, 0))['i18n'] = { ar: { txt: 'x' } }; }), 'stories[0].facts[0].i18n.ar.txt', 'must NOT have additional properties');
    });
    it('every entity has names in every supported language', () => expectError(broken((d) => { delete entity(d, 'azure').e.aliases.ja; }), `${entity(dataset, 'azure').path}.aliases`, 'has no names in "ja"'));
  });

  describe('wording', () => {
    it('an unattributed fact names the word lists', () => expectError(broken((d) => { fact(d, 3).text = 'Unit 8200 stored calls on Azure.'; }), 'stories[0].facts[3].text', 'KNOWN SPEAKERS and ATTRIBUTION_VERBS'));
    it('a loaded word outside quotes names its list', () => expectError(broken((d) => { fact(d, 3).text = 'The Guardian reported a damning finding.'; }), 'stories[0].facts[3].text', '"damning" outside a quotation (word list LOADED_WORDS)'));
    it('a loaded word inside quotes is the speaker\'s', () => expect(broken((d) => { fact(d, 3).text = 'The Guardian reported that a source called it “damning”.'; })).toEqual([]));
  });
});
