/**
 * Conventions about what readers see, over the real dataset: no fact is hidden from every view, and
 * no key allegation stands without a reply that answers it. Each rule is also shown to fail on a copy
 * broken for it, so the test cannot pass vacuously.
 */
import { describe, expect, it } from 'vitest';
import { buildCardModel } from '../../src/card/model';
import { dataset } from '../../src/data/index';
import { ENTITY_IDS } from '../../src/data/types';
import type { Dataset } from '../../src/data/types';

/** Facts no view shows: not on any entity's card, not a key fact, not on the timeline ("since" draws from it). */
function unreachable(data: Dataset): string[] {
  const story = data.stories[0]!;
  const shown = new Set([
    ...ENTITY_IDS.flatMap((id) => buildCardModel(data, id, null)?.facts.map((f) => f.fact.id) ?? []),
    ...story.keyFactIds,
    ...story.timelineIds,
  ]);
  return story.facts.map((f) => f.id).filter((id) => !shown.has(id));
}

/** Key facts that allege something (reported or disputed) and have no reply listing them in `addresses`. */
function unansweredKeyAllegations(data: Dataset): string[] {
  const story = data.stories[0]!;
  const byId = new Map(story.facts.map((f) => [f.id, f]));
  return story.keyFactIds.filter((id) => {
    const fact = byId.get(id);
    if (!fact || (fact.status !== 'reported' && fact.status !== 'disputed')) return false;
    return !story.responses.some((r) => r.addresses?.includes(id) && fact.responseIds?.includes(r.id));
  });
}

describe('every fact is reachable from some view', () => {
  it('holds for the bundled dataset', () => expect(unreachable(dataset)).toEqual([]));

  it('fails when a fact is taken off the timeline and shown nowhere else', () => {
    const copy = structuredClone(dataset);
    copy.stories[0]!.timelineIds = copy.stories[0]!.timelineIds.filter((id) => id !== 'f-no-customer-content');
    expect(unreachable(copy)).toEqual(['f-no-customer-content']);
  });

  it('shows the four facts 1.0 left out where they belong', () => {
    const story = dataset.stories[0]!;
    for (const id of ['f-no-customer-content', 'f-assessing-strike-use', 'f-may-confirms-supply', 'f-shareholder-filing']) {
      expect(story.timelineIds, id).toContain(id);
    }
    // Microsoft's assessment of strike use sits beside the strikes allegation on the Unit 8200 card.
    const unit = buildCardModel(dataset, 'unit-8200', null)?.facts.map((f) => f.fact.id) ?? [];
    expect(unit.indexOf('f-assessing-strike-use')).toBe(unit.indexOf('f-used-for-strikes') + 1);
  });
});

describe('every key allegation has a reply that addresses it', () => {
  it('holds for the bundled dataset, and there are allegations to check', () => {
    const story = dataset.stories[0]!;
    expect(story.keyFactIds.filter((id) => ['reported', 'disputed'].includes(story.facts.find((f) => f.id === id)?.status ?? '')).length).toBeGreaterThanOrEqual(4);
    expect(unansweredKeyAllegations(dataset)).toEqual([]);
  });

  it('fails when the only addressing reply of an allegation is merely shown beside it', () => {
    const copy = structuredClone(dataset);
    for (const r of copy.stories[0]!.responses) r.addresses = r.addresses?.filter((id) => id !== 'f-used-for-strikes');
    expect(unansweredKeyAllegations(copy)).toEqual(['f-used-for-strikes']);
  });

  it('answers the strikes allegation with statements about targeting, not about design or terms', () => {
    const story = dataset.stories[0]!;
    const strikes = story.facts.find((f) => f.id === 'f-used-for-strikes');
    expect(strikes?.responseIds).toEqual(['r-ms-no-evidence-to-date', 'r-idf-regulated-agreements']);
    expect(story.responses.find((r) => r.id === 'r-ms-no-evidence-to-date')?.text).toContain('“to target or harm people”');
  });
});

describe('confirmations say what was confirmed, by whom, and what was not', () => {
  it('every confirmed fact names who confirmed what', () => {
    const confirmed = dataset.stories[0]!.facts.filter((f) => f.status === 'confirmed');
    expect(confirmed.length).toBeGreaterThanOrEqual(2);
    for (const f of confirmed) expect(f.confirmation?.by, f.id).toBeTruthy();
  });

  it('the Netherlands confirmation carries the limits of facts.md section 5', () => {
    const c = dataset.stories[0]!.facts.find((f) => f.id === 'f-confirmed-elements')?.confirmation;
    expect(c?.by).toBe('Brad Smith (Microsoft)');
    for (const limit of ['call volumes', '11,500 TB', 'Ireland', 'targeting']) expect(c?.notConfirmed).toContain(limit);
    expect(c?.confirmed).toContain('not customer content');
  });
});
