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
import schema from '../../src/data/story.schema.json';
import { dataset, entityById, factById, responsesForFact, sourceById, storyById } from '../../src/data/index';
import { canonicalJson, contentHash, fnv1a64 } from '../../src/data/hash';
import { checkDataset, checkDatasetText, lineColumn } from '../../src/data/check';
import { formatProblem } from '../../src/data/problem';
import { attributionPattern, knownSpeakers, loadedWord } from '../../src/data/wording';
import { BANNED_PHRASES, provenanceProblems, sheetSources } from '../../src/data/provenance';
import type { Actor, Fact, FactStatus, Lang, ResponseParty, SourceKind } from '../../src/data/types';
import { ENTITY_IDS } from '../../src/data/types';

const FACTS_MD = fileURLToPath(new URL('../../../shared/research/facts.md', import.meta.url));
const story = dataset.stories[0]!;
const allFacts = dataset.stories.flatMap((s) => s.facts);
const allResponses = dataset.stories.flatMap((s) => s.responses);

describe('the bundled dataset', () => {
  it('passes npm run check:data (schema, cross-references, wording, provenance)', () => {
    const result = checkDataset(raw, readFileSync(FACTS_MD, 'utf8'));
    expect(result.problems.map(formatProblem)).toEqual([]);
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

// ---- wording (the rules live in src/data/wording.ts; check:data applies them) ---------------------

const ATTRIBUTED = attributionPattern(knownSpeakers(dataset));
const isAttributed = (text: string): boolean => ATTRIBUTED.test(text);

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
    expect(texts.filter((t) => loadedWord(t) !== undefined)).toEqual([]);
    expect(loadedWord('The Guardian published a damning report.')).toBe('damning');
    expect(loadedWord('A source called it “damning”.')).toBeUndefined();
  });
});

// ---- provenance against the fact sheet -----------------------------------------------------------

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

  const md = existsSync(FACTS_MD) ? readFileSync(FACTS_MD, 'utf8') : '';
  const sheet = sheetSources(md);

  it('reads both of the sheet\'s layouts: section 4\'s table and section 6\'s list', () => {
    const table = [...sheet.keys()].filter((id) => Number(id.slice(1).replace(/[a-z]$/, '')) <= 30);
    expect(table.length).toBeGreaterThanOrEqual(31);
    expect(sheet.get('S28')?.status).toMatch(/^U/);
    for (const id of ['S32', 'S33', 'S34', 'S35', 'S36', 'S37', 'S38', 'S39', 'S40', 'S41', 'S42', 'S43']) {
      expect(sheet.get(id)?.status, id).toMatch(/^V[12]/);
      expect(sheet.get(id)?.urls.length, id).toBe(1);
    }
    expect(sheet.get('S41')?.status).toContain('mirror');
    expect(sheet.get('S39')?.status).toBe("V1 (signatory's own page)");
    // A section-6 item parsed like a table row would lose its URL: prove the list layout itself is read.
    const one = sheetSources('- **S99** (V2 (note)) · 1 Jan 2026 · Example · https://example.org/a\n  Example reported it.');
    expect(one.get('S99')).toEqual({ id: 'S99', cells: '1 Jan 2026 · Example · https://example.org/a', urls: ['https://example.org/a'], status: 'V2 (note)' });
  });

  it('fails a source whose URL is not in its own row, in either layout', () => {
    const copy = structuredClone(dataset);
    const s41 = copy.sources.find((s) => s.id === 'S41')!;
    s41.url = 'https://www.geekwire.com/guessed';
    const s3 = copy.sources.find((s) => s.id === 'S3')!;
    s3.url = 'https://cheddar.com/guessed';
    const paths = provenanceProblems(copy, md).map((p) => p.path);
    expect(paths).toContain(`sources[${copy.sources.indexOf(s41)}].url`);
    expect(paths).toContain(`sources[${copy.sources.indexOf(s3)}].url`);
  });

  it('fails a U source', () => {
    const copy = structuredClone(dataset);
    copy.sources[0]!.id = 'S28';
    expect(provenanceProblems(copy, md).map(formatProblem)).toContainEqual(expect.stringMatching(/^sources\[0\]\.id \(S28\): S28 is marked U/));
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
    expect(BANNED_PHRASES.length).toBeGreaterThan(10);
    for (const banned of BANNED_PHRASES) expect(all, banned).not.toContain(banned);
    // S25 (Globes' own page) is U; Globes is cited only through Neowin's V2 relay (S43).
    expect(JSON.stringify(dataset)).not.toContain('en.globes.co.il');
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
    expect(sourceById('S28')).toBeUndefined();
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
    const reordered = JSON.parse(JSON.stringify({ $schema: dataset.$schema, sources: dataset.sources, stories: dataset.stories, actors: dataset.actors, entities: dataset.entities, meta: dataset.meta })) as typeof dataset;
    expect(contentHash(reordered)).toBe(contentHash(dataset));
    const changed = structuredClone(dataset);
    changed.meta.asOf = '2026-06-03';
    expect(contentHash(changed)).not.toBe(contentHash(dataset));
  });
});

describe('npm run check:data', () => {
  it('reports a JSON syntax error by line and column', () => {
    const text = '{\n  "meta": {\n    "version": "1.1.0",\n    "asOf": "2026-06-04"\n    "changelog": []\n  }\n}\n';
    const r = checkDatasetText(text);
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    expect(formatProblem(r.problems[0]!)).toMatch(/^story\.json:5:5: not valid JSON: .* → look just before/);
  });

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('gives every field of the schema a description', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      const props = n['properties'];
      if (typeof props === 'object' && props !== null) {
        for (const [k, v] of Object.entries(props)) {
          const field = v as Record<string, unknown>;
          const ref = typeof field['$ref'] === 'string' ? field['$ref'] : undefined;
          const target = ref ? (schema.$defs as Record<string, { description?: string }>)[ref.split('/').pop() ?? ''] : undefined;
          if (typeof field['description'] !== 'string' && !target?.description) missing.push(`${path}.${k}`);
        }
      }
      for (const [k, v] of Object.entries(n)) walk(v, `${path}.${k}`);
    };
    walk(schema, '#');
    expect(missing).toEqual([]);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect((raw as { $schema?: string }).$schema).toBe('./story.schema.json');
  });
});

describe('the schema and types.ts agree on the fixed sets', () => {
  // Records keyed by the union types: the compiler fails if types.ts gains a member these lack.
  const KINDS: Record<SourceKind, true> = { investigation: true, news: true, opinion: true, wire: true, 'company-statement': true, ngo: true, 'court-regulator': true, filing: true };
  const STATUSES: Record<FactStatus, true> = { reported: true, confirmed: true, denied: true, disputed: true, announced: true };
  const PARTIES: Record<ResponseParty, true> = { microsoft: true, 'israeli-military': true, reporters: true, workers: true, 'rights-groups': true, shareholders: true };
  const ACTOR_KINDS: Record<Actor['kind'], true> = { company: true, 'law-firm': true, publisher: true, campaign: true, government: true, military: true, person: true, ngo: true };
  const sorted = (xs: readonly string[]): string[] => [...xs].sort();
  it.each([
    ['source kind', schema.$defs.source.properties.kind.enum, Object.keys(KINDS)],
    ['fact status', schema.$defs.fact.properties.status.enum, Object.keys(STATUSES)],
    ['reply party', schema.$defs.response.properties.party.enum, Object.keys(PARTIES)],
    ['actor kind', schema.$defs.actor.properties.kind.enum, Object.keys(ACTOR_KINDS)],
    ['entity id', schema.$defs.entity.properties.id.enum, [...ENTITY_IDS]],
  ])('%s', (_name, inSchema, inTypes) => expect(sorted(inSchema)).toEqual(sorted(inTypes)));
});
