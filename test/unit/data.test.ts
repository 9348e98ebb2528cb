/// <reference types="node" />
/**
 * The real dataset: it validates, it has the content the card and popup need, and it stays true to
 * the fact sheet (research/facts.md, read here at test time): attributed wording, no U items, and
 * no URL that the sheet does not list under a V1 or V2 row.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import raw from '../../src/data/story.json';
import { dataset, entityById, factById, responsesForFact, sourceById, storyById } from '../../src/data/index';
import { canonicalJson, contentHash, fnv1a64 } from '../../src/data/hash';
import { validateDataset } from '../../src/data/validate';
import type { Fact, Lang } from '../../src/data/types';

const FACTS_MD = fileURLToPath(new URL('../../../shared/research/facts.md', import.meta.url));
const story = dataset.stories[0]!;
const allFacts = dataset.stories.flatMap((s) => s.facts);
const allResponses = dataset.stories.flatMap((s) => s.responses);

describe('the bundled dataset', () => {
  it('validates', () => {
    const result = validateDataset(raw);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has the expected counts', () => {
    expect(dataset.entities.map((e) => e.id)).toEqual(['microsoft', 'azure', 'unit-8200']);
    expect(dataset.stories).toHaveLength(1);
    expect(allFacts.length).toBeGreaterThanOrEqual(25);
    expect(allResponses.length).toBeGreaterThanOrEqual(10);
    expect(dataset.sources.length).toBeGreaterThanOrEqual(20);
    expect(story.keyFactIds.length).toBeGreaterThanOrEqual(6);
    expect(story.keyFactIds.length).toBeLessThanOrEqual(10);
    for (const e of dataset.entities) expect(e.factIds.length, e.id).toBeGreaterThanOrEqual(4);
  });

  it('has aliases in every language for every entity', () => {
    const langs: Lang[] = ['en', 'ar', 'he', 'de', 'fr', 'es', 'ja'];
    for (const e of dataset.entities) for (const l of langs) expect(e.aliases[l]?.length, `${e.id}.${l}`).toBeGreaterThan(0);
  });

  it('never lists the Hebrew word for "area" as Azure', () => {
    expect(entityById('azure')?.aliases.he).not.toContain('אזור');
  });

  it('only counts a bare "8200" as a short form, never as an alias', () => {
    const unit = entityById('unit-8200');
    expect(Object.values(unit?.aliases ?? {}).flat()).not.toContain('8200');
    expect(unit?.shortForms?.en).toEqual(['8200']);
  });

  it('gives each entity a card of its own: different lead fact and different top three', () => {
    const leads = dataset.entities.map((e) => e.factIds[0]);
    expect(new Set(leads).size).toBe(leads.length);
    const tops = dataset.entities.map((e) => [...e.factIds.slice(0, 3)].sort().join());
    expect(new Set(tops).size).toBe(tops.length);
  });

  it('runs the timeline from late 2021 to the as-of date', () => {
    const first = factById(story.timelineIds[0]!);
    const last = factById(story.timelineIds.at(-1)!);
    expect(first?.date).toBe('2021');
    expect(first?.dateLabel).toBe('Late 2021');
    expect(last?.date).toBe(dataset.meta.asOf);
  });

  it('shows both Microsoft and the Israeli military beside the central allegation', () => {
    const parties = responsesForFact(factById('f-call-storage')!).map((r) => r.party);
    expect(parties).toContain('microsoft');
    expect(parties).toContain('israeli-military');
  });

  it('carries the statements of both sides in their own words', () => {
    const said = allResponses.map((r) => r.text).join('\n');
    for (const quote of [
      'regulated and legally supervised agreements',
      'is not and has not been working with the IDF on the storage or processing of data',
      'did not design or advise',
      'We have no information related to the data stored in the customer',
      'not aware the data would include intercepted calls',
    ]) expect(said).toContain(quote);
  });
});

// ---- wording ------------------------------------------------------------------------------------

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
/** Who can be the subject of an attribution: publishers, actors, Microsoft, and generic speakers. */
const SPEAKERS = [
  ...dataset.sources.flatMap((s) => s.publisher.split(/[;()]/).map((p) => p.replace(/^\s*citing\s+/, '').trim())),
  ...dataset.actors.flatMap((a) => [a.name, ...Object.values(a.aliases ?? {}).flat()]),
  'Microsoft', 'Israeli military', 'Reuters', 'Bloomberg', 'Ynet', 'i24',
  'sources', 'source', 'spokesperson', 'letter', 'proponents', 'reporters',
].filter((s) => s.length > 0);
const VERBS = ['reported', 'said', 'says', 'told', 'announced', 'confirmed', 'wrote', 'cited', 'described', 'called', 'welcomed', 'declined'];
// The speaker must come before the verb within one sentence ("X reported…", "According to X, …").
const ATTRIBUTED = new RegExp(
  `^According to [^.]*?\\b(?:${SPEAKERS.map(escape).join('|')})|(?:${SPEAKERS.map(escape).join('|')})\\b[^.;]*?\\b(?:${VERBS.join('|')})\\b`,
  'u',
);
const isAttributed = (text: string): boolean => ATTRIBUTED.test(text);

/** Words that judge rather than attribute; quotations are exempt (they are someone else's words). */
const LOADED = /\b(?:shocking|damning|explosive|massive|notorious|infamous|brutal|so-called|controversial|scandal\w*|heroic|terrorists?|genocidal|slammed|blasted|admitted|claimed|clearly|undeniabl\w*|finally)\b/iu;
const unquoted = (text: string): string => text.replace(/“[^”]*”/gu, '');

describe('wording', () => {
  it('the attribution rule rejects unattributed sentences', () => {
    expect(isAttributed('Unit 8200 stored millions of calls on Azure.')).toBe(false);
    expect(isAttributed('Microsoft fired two employees after a vigil.')).toBe(false);
    expect(isAttributed('It was reported that Unit 8200 stored calls on Azure.')).toBe(false);
    expect(isAttributed('The Guardian reported that Unit 8200 stored calls on Azure.')).toBe(true);
  });

  it.each(allFacts.map((f) => [f.id, f.text]))('fact %s is attributed', (_id, text) => {
    expect(isAttributed(text), text).toBe(true);
  });

  it.each(allResponses.map((r) => [r.id, r.text]))('response %s is attributed', (_id, text) => {
    expect(isAttributed(text), text).toBe(true);
  });

  it('adds no loaded words of our own', () => {
    const texts = [story.headline, story.summary, ...allFacts.map((f) => f.text), ...allResponses.map((r) => r.text),
      ...dataset.entities.map((e) => e.description), ...dataset.actors.map((a) => a.description)];
    const loaded = texts.filter((t) => LOADED.test(unquoted(t)));
    expect(loaded).toEqual([]);
    expect(LOADED.test(unquoted('The Guardian published a damning report.'))).toBe(true);
  });
});

// ---- provenance against the fact sheet -----------------------------------------------------------

interface SheetRow { id: string; cells: string; urls: string[]; status: string }

/** Section 4 rows: `| S1 | publisher, title (date) | URL … | status |`. */
function sheetSources(md: string): Map<string, SheetRow> {
  const rows = new Map<string, SheetRow>();
  for (const line of md.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const id = cells[1] ?? '';
    if (!/^S\d+[a-z]?$/.test(id) || cells.length < 6) continue;
    const [, , title = '', urlCell = '', status = ''] = cells;
    rows.set(id, { id, cells: `${title} ${urlCell}`, urls: urlCell.match(/https?:\/\/[^\s;)]+/g) ?? [], status });
  }
  return rows;
}

const straightQuotes = (s: string): string => s.replace(/[‘’]/gu, "'");

/** Every string in the dataset except URLs, for searching wording. */
function texts(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return key === 'url' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((v) => texts(v));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => texts(v, k));
  return [];
}

describe('provenance', () => {
  it('finds research/facts.md next to the checkout', () => {
    expect(existsSync(FACTS_MD), FACTS_MD).toBe(true);
  });

  const sheet = existsSync(FACTS_MD) ? sheetSources(readFileSync(FACTS_MD, 'utf8')) : new Map<string, SheetRow>();

  it('parses the sheet\'s sources table', () => {
    expect(sheet.size).toBe(31);
    expect(sheet.get('S28')?.status).toMatch(/^U/);
  });

  it('cites only sources the sheet lists, none of them U', () => {
    for (const s of dataset.sources) {
      const row = sheet.get(s.id);
      expect(row, s.id).toBeDefined();
      expect(row?.status, s.id).toMatch(/^V[12]/);
    }
  });

  it('links only URLs listed in that source\'s own V1/V2 row', () => {
    for (const s of dataset.sources.filter((x) => x.url !== undefined)) {
      const row = sheet.get(s.id);
      expect(row?.status, s.id).toMatch(/^V[12]/);
      expect(row?.urls, s.id).toContain(s.url);
    }
  });

  it('links no URL from a U row anywhere', () => {
    const uUrls = [...sheet.values()].filter((r) => r.status.startsWith('U')).flatMap((r) => r.urls);
    const json = JSON.stringify(dataset);
    expect(uUrls.length).toBeGreaterThan(0);
    for (const u of uUrls) expect(json).not.toContain(u);
  });

  it('uses the sheet\'s own titles, or marks a supplied description with [brackets]', () => {
    for (const s of dataset.sources) {
      if (s.title.startsWith('[') && s.title.endsWith(']')) continue;
      expect(straightQuotes(sheet.get(s.id)?.cells ?? ''), s.id).toContain(straightQuotes(s.title));
    }
  });

  it('repeats no U item and none of the secondary sources\' errors', () => {
    const all = texts(dataset).join('\n');
    for (const banned of [
      'November 2021', '31 May', 'Rainstorm', 'technical consultancy', 'brigadier', 'Maj. Gen', 'Major General',
      'one month', '1 month', 'August 2023', '2019', 'confirmed core allegations', 'Globes',
    ]) expect(all, banned).not.toContain(banned);
  });
});

// ---- lookups and hash ------------------------------------------------------------------------------

describe('lookups', () => {
  it('finds items by id and returns undefined for unknown ids', () => {
    expect(entityById('unit-8200')?.name).toBe('Unit 8200');
    expect(storyById(story.id)?.headline).toBe(story.headline);
    expect(sourceById('S9')?.title).toBe('Update on ongoing Microsoft review');
    expect(factById('f-confirmed-elements')?.status).toBe('confirmed');
    expect(entityById('bing')).toBeUndefined();
    expect(factById('S1')).toBeUndefined();
    expect(sourceById('S25')).toBeUndefined();
  });

  it('returns a fact\'s responses in the order the fact lists them', () => {
    const fact = factById('f-call-storage')!;
    expect(responsesForFact(fact).map((r) => r.id)).toEqual(fact.responseIds);
    const bare: Fact = { id: 'x', text: 't', status: 'reported', date: '2025', sourceIds: ['S1'] };
    expect(responsesForFact(bare)).toEqual([]);
  });
});

describe('contentHash', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('is 12 hex digits and deterministic', () => {
    expect(contentHash(dataset)).toMatch(/^[0-9a-f]{12}$/);
    expect(contentHash(structuredClone(dataset))).toBe(contentHash(dataset));
  });

  it('ignores key order but not content', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe('{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}');
    const reordered = JSON.parse(JSON.stringify({ sources: dataset.sources, stories: dataset.stories, actors: dataset.actors, entities: dataset.entities, meta: dataset.meta })) as typeof dataset;
    expect(contentHash(reordered)).toBe(contentHash(dataset));
    const changed = structuredClone(dataset);
    changed.meta.asOf = '2026-06-03';
    expect(contentHash(changed)).not.toBe(contentHash(dataset));
  });
});
