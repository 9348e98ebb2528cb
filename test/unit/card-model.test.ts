import { describe, expect, it } from 'vitest';
import { buildCardModel, MAX_FACTS } from '../../src/card/model';
import { dataset } from '../../src/data/index';
import { formatIsoDate } from '../../src/shared/since';
import { ENTITY_IDS, type Dataset, type Fact, type Source } from '../../src/data/types';

const makeFact = (over: Partial<Fact> & { id: string }): Fact => ({
  text: `${over.id} was reported.`,
  status: 'reported',
  date: '2025-01-01',
  sourceIds: ['S1'],
  ...over,
});
const makeSource = (over: Partial<Source> & { id: string }): Source => ({
  publisher: 'Pub',
  title: `Title ${over.id}`,
  date: '2025-01-01',
  kind: 'news',
  url: `https://example.org/${over.id}`,
  ...over,
});

/** A small dataset where numbering and selection are easy to read off. */
function makeDataset(): Dataset {
  return {
    meta: { version: '1.0.0', asOf: '2026-06-04', changelog: [] },
    actors: [],
    entities: [
      { id: 'azure', name: 'Azure', description: 'Cloud.', aliases: { en: ['Azure'] }, storyId: 'st', factIds: ['a', 'b', 'c'] },
      { id: 'microsoft', name: 'Microsoft', description: 'Company.', aliases: { en: ['Microsoft'] }, storyId: 'st', factIds: ['c', 'd'] },
      { id: 'unit-8200', name: 'Unit 8200', description: 'Unit.', aliases: { en: ['Unit 8200'] }, storyId: 'missing', factIds: [] },
    ],
    stories: [
      {
        id: 'st',
        headline: 'Headline',
        summary: 'Summary.',
        keyFactIds: ['a', 'e'],
        timelineIds: ['a', 'b', 'c', 'd', 'e'],
        facts: [
          makeFact({ id: 'a', date: '2021', dateLabel: 'Late 2021', sourceIds: ['S2', 'S1'], responseIds: ['r1'] }),
          makeFact({ id: 'b', date: '2025-08-06', status: 'confirmed', sourceIds: ['S1', 'S3'] }),
          makeFact({ id: 'c', date: '2025-09-25', status: 'announced', sourceIds: ['S3'], responseIds: ['r1', 'r2'] }),
          makeFact({ id: 'd', date: '2026-06', sourceIds: ['S4'] }),
          makeFact({ id: 'e', date: '2026-06-04', sourceIds: ['S4'] }),
        ],
        responses: [
          { id: 'r1', party: 'microsoft', speaker: 'Microsoft', text: 'Microsoft said no.', date: '2025-08-06', sourceIds: ['S2'] },
          { id: 'r2', party: 'israeli-military', speaker: 'Israeli military', text: 'It said yes.', date: '2025-09-26', sourceIds: ['S5'] },
        ],
      },
    ],
    sources: ['S1', 'S2', 'S3', 'S4', 'S5'].map((id) => makeSource({ id, ...(id === 'S5' ? { url: undefined } : {}) })),
  };
}

describe('buildCardModel: which facts', () => {
  it("shows the entity's own facts in its order", () => {
    const model = buildCardModel(makeDataset(), 'azure', null);
    expect(model?.facts.map((f) => f.fact.id)).toEqual(['a', 'b', 'c']);
  });

  it('tops up to three facts from the story key facts, without repeats', () => {
    const model = buildCardModel(makeDataset(), 'microsoft', null);
    expect(model?.facts.map((f) => f.fact.id)).toEqual(['c', 'd', 'a']);
  });

  it('returns null for an entity whose story is missing', () => {
    expect(buildCardModel(makeDataset(), 'unit-8200', null)).toBeNull();
  });

  it('uses dateLabel when present, else a formatted date', () => {
    const facts = buildCardModel(makeDataset(), 'azure', null)?.facts ?? [];
    expect(facts.map((f) => f.dateText)).toEqual(['Late 2021', '6 Aug 2025', formatIsoDate('2025-09-25')]);
    expect(facts[0]?.iso).toBe('2021');
  });
});

describe('buildCardModel: source numbering', () => {
  it('numbers sources by first citation, top to bottom, responses included', () => {
    const model = buildCardModel(makeDataset(), 'azure', null);
    // a: S2, S1, then r1: S2; b: S1, S3; c: S3, r1: S2, r2: S5.
    expect(model?.facts.map((f) => f.refs)).toEqual([[1, 2], [2, 3], [3]]);
    expect(model?.facts[0]?.responses.map((r) => r.refs)).toEqual([[1]]);
    expect(model?.sources.map((s) => [s.n, s.source.id])).toEqual([
      [1, 'S2'],
      [2, 'S1'],
      [3, 'S3'],
      [4, 'S5'],
    ]);
  });

  it('shows every reply beside every fact that lists it, folded when all were shown above', () => {
    const model = buildCardModel(makeDataset(), 'azure', null);
    expect(model?.facts.map((f) => f.responses.map((r) => r.response.id))).toEqual([['r1'], [], ['r1', 'r2']]);
    // c brings a new reply (r2), so it is not folded; a fact repeating only r1 would be.
    expect(model?.facts.map((f) => f.repliesShownAbove)).toEqual([false, false, false]);
    const d = makeDataset();
    d.stories[0]!.facts[1]!.responseIds = ['r1'];
    expect(buildCardModel(d, 'azure', null)?.facts.map((f) => f.repliesShownAbove)).toEqual([false, true, false]);
  });

  it('every allegation on a card of the bundled dataset shows all of its replies', () => {
    for (const id of ENTITY_IDS) {
      const model = buildCardModel(dataset, id, '2025-03-01');
      for (const f of [...(model?.since ?? []), ...(model?.facts ?? [])]) {
        expect(f.responses.map((r) => r.response.id), f.fact.id).toEqual(f.fact.responseIds ?? []);
      }
    }
  });

  it('carries the date a fact became public beside the event date', () => {
    const d = makeDataset();
    d.stories[0]!.facts[0]!.reportedDate = '2025-08-06';
    const a = buildCardModel(d, 'azure', null)?.facts[0];
    expect([a?.dateText, a?.reported?.dateText, a?.reported?.iso]).toEqual(['Late 2021', '6 Aug 2025', '2025-08-06']);
    expect(buildCardModel(d, 'azure', null)?.facts[1]?.reported).toBeNull();
    // "Since" uses the public date: a page of March 2025 now lists the late-2021 fact.
    expect(buildCardModel(d, 'azure', '2025-03-01')?.since.map((f) => f.fact.id)).toContain('a');
    expect(buildCardModel(makeDataset(), 'azure', '2025-03-01')?.since.map((f) => f.fact.id)).not.toContain('a');
  });

  it('every reference points at an entry of the list, and the list has no gaps', () => {
    for (const id of ENTITY_IDS) {
      const model = buildCardModel(dataset, id, '2025-08-15');
      expect(model).not.toBeNull();
      if (!model) continue;
      const numbers = model.sources.map((s) => s.n);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      const refs = [...model.since, ...model.facts].flatMap((f) => [...f.refs, ...f.responses.flatMap((r) => r.refs)]);
      for (const n of refs) expect(numbers).toContain(n);
    }
  });
});

describe('buildCardModel: since this article', () => {
  it('is absent without a page date', () => {
    expect(buildCardModel(makeDataset(), 'azure', null)?.since).toEqual([]);
  });

  it('is absent when nothing is newer than the page', () => {
    expect(buildCardModel(makeDataset(), 'azure', '2026-06-30')?.since).toEqual([]);
  });

  it('lists later facts newest first and does not repeat them among the key facts', () => {
    const model = buildCardModel(makeDataset(), 'azure', '2025-08-10');
    expect(model?.since.map((f) => f.fact.id)).toEqual(['e', 'd', 'c']);
    expect(model?.facts.map((f) => f.fact.id)).toEqual(['a', 'b']);
  });

  it('numbers the since block first, as it comes first on the card', () => {
    const model = buildCardModel(makeDataset(), 'azure', '2025-08-10');
    expect(model?.since[0]?.refs).toEqual([1]);
    expect(model?.sources[0]?.source.id).toBe('S4');
  });
});

describe('buildCardModel on the bundled dataset', () => {
  it.each(ENTITY_IDS)('%s: 3–5 facts, each with a status and at least one source', (id) => {
    const model = buildCardModel(dataset, id, null);
    expect(model?.facts.length).toBeGreaterThanOrEqual(3);
    expect(model?.facts.length).toBeLessThanOrEqual(MAX_FACTS);
    for (const f of model?.facts ?? []) expect(f.refs.length).toBeGreaterThan(0);
    expect(model?.asOfIso).toBe(dataset.meta.asOf);
  });

  it('a page from before the August 2025 reporting gets a since block', () => {
    expect(buildCardModel(dataset, 'azure', '2025-01-01')?.since.length).toBeGreaterThan(0);
  });
});
