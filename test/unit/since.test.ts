import { describe, expect, it } from 'vitest';
import { developmentsSince, formatIsoDate, formatUiDate, isoPeriod, publicDate } from '../../src/shared/since';
import { dataset } from '../../src/data/index';
import type { Fact, Story } from '../../src/data/types';

let nextId = 0;

function makeFact(overrides: Partial<Fact> = {}): Fact {
  nextId += 1;
  return {
    id: `f${String(nextId)}`,
    text: 'The Guardian reported something.',
    status: 'reported',
    date: '2025-08-06',
    sourceIds: ['S1'],
    ...overrides,
  };
}

/** A story whose timeline is `facts` in the given order (chronological, as in the dataset). */
function makeStory(facts: Fact[], overrides: Partial<Story> = {}): Story {
  return {
    id: 'story',
    headline: 'Headline',
    summary: 'Summary.',
    keyFactIds: facts.map((f) => f.id),
    timelineIds: facts.map((f) => f.id),
    facts,
    responses: [],
    ...overrides,
  };
}

const ids = (facts: Fact[]) => facts.map((f) => f.date);

describe('isoPeriod', () => {
  it.each([
    ['2025', '2025-01-01', '2025-12-31'],
    ['2025-09', '2025-09-01', '2025-09-30'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2025-08-07', '2025-08-07', '2025-08-07'],
  ])('%s covers %s to %s', (date, start, end) => {
    expect(isoPeriod(date)).toEqual({ start, end });
  });

  it.each(['', '25', '2025-13', '2025-00', '2025-02-30', '2025-8-7', '7 Aug 2025', '2025-08-07T10:00'])(
    'rejects %j',
    (date) => expect(isoPeriod(date)).toBeNull(),
  );
});

describe('developmentsSince', () => {
  const timeline = [
    makeFact({ date: '2021', dateLabel: 'Late 2021' }),
    makeFact({ date: '2025-08-06' }),
    makeFact({ date: '2025-08-07' }),
    makeFact({ date: '2025-08' }),
    makeFact({ date: '2025-09-25' }),
    makeFact({ date: '2025-09' }),
    makeFact({ date: '2026-06' }),
  ];
  const story = makeStory(timeline);

  it('lists facts strictly after the page date, newest first', () => {
    expect(ids(developmentsSince(story, '2025-08-07'))).toEqual(['2026-06', '2025-09-25', '2025-09']);
  });

  it('does not count a fact on the publication day itself', () => {
    expect(ids(developmentsSince(story, '2025-08-06'))).toEqual(['2026-06', '2025-09-25', '2025-09', '2025-08-07']);
  });

  it('counts a partial date only when its whole period is after the page', () => {
    const s = makeStory([makeFact({ date: '2025' }), makeFact({ date: '2025-09' }), makeFact({ date: '2026' })]);
    expect(ids(developmentsSince(s, '2025-03-01'))).toEqual(['2026', '2025-09']);
    expect(ids(developmentsSince(s, '2024-12-31'))).toEqual(['2026', '2025-09', '2025']);
    expect(ids(developmentsSince(s, '2025-08-31'))).toEqual(['2026', '2025-09']);
    expect(ids(developmentsSince(s, '2025-09-01'))).toEqual(['2026']);
  });

  it('keeps later timeline entries first when dates start on the same day', () => {
    const a = makeFact({ date: '2025-09' });
    const b = makeFact({ date: '2025-09-01' });
    expect(developmentsSince(makeStory([a, b]), '2025-08-07')).toEqual([b, a]);
  });

  it('is empty for a current page', () => {
    expect(developmentsSince(story, '2026-06-30')).toEqual([]);
  });

  it('only looks at timeline facts, and skips unknown ids and undated facts', () => {
    const onTimeline = makeFact({ date: '2025-10-01' });
    const keyOnly = makeFact({ date: '2025-11-01' });
    const undated = makeFact({ date: 'late 2025' });
    const s = makeStory([onTimeline, keyOnly, undated], { timelineIds: [onTimeline.id, 'missing', undated.id] });
    expect(developmentsSince(s, '2025-08-07')).toEqual([onTimeline]);
  });

  it('treats a partial page date as its last day and rejects a bad one', () => {
    expect(ids(developmentsSince(story, '2025-08'))).toEqual(['2026-06', '2025-09-25', '2025-09']);
    expect(developmentsSince(story, 'yesterday')).toEqual([]);
  });
});

describe('formatIsoDate', () => {
  it('formats each precision in UTC', () => {
    expect(formatIsoDate('2025-08-07')).toBe('7 Aug 2025');
    expect(formatIsoDate('2025-08')).toBe('Aug 2025');
    expect(formatIsoDate('2025')).toBe('2025');
    // The first of the month must not slip to the previous day in a negative-offset time zone.
    expect(formatIsoDate('2026-06-01')).toBe('1 Jun 2026');
  });

  it('follows the locale and survives a bad one', () => {
    expect(formatIsoDate('2025-08-07', 'en-US')).toBe('Aug 7, 2025');
    expect(formatIsoDate('2025-08-07', 'not a locale!')).toBe('7 Aug 2025');
  });

  it('returns non-ISO input unchanged', () => {
    expect(formatIsoDate('Late 2021')).toBe('Late 2021');
  });
});

describe('formatUiDate (card and popup frames)', () => {
  it('gives every English UI day-month-year, and other UIs their own wording', () => {
    expect(formatUiDate('2025-08-07', 'en')).toBe('7 Aug 2025');
    expect(formatUiDate('2025-08-07', 'en-US')).toBe('7 Aug 2025');
    expect(formatUiDate('2025-08-07', 'EN-us')).toBe('7 Aug 2025');
    expect(formatUiDate('2025-08-07', 'he')).toBe(formatIsoDate('2025-08-07', 'he'));
    expect(formatUiDate('2025-08-07', 'he')).not.toBe('7 Aug 2025');
  });
});

describe('developmentsSince on the real dataset', () => {
  const [story] = dataset.stories;
  if (!story) throw new Error('the dataset has no story');
  const since = (date: string) => developmentsSince(story, date).map((f) => f.id);

  it('has a parseable date on every timeline fact', () => {
    const facts = new Map(story.facts.map((f) => [f.id, f]));
    for (const id of story.timelineIds) expect(isoPeriod(facts.get(id)?.date ?? ''), id).not.toBeNull();
  });

  it('gives an August 2025 article the September 2025 and June 2026 developments, newest first', () => {
    const ids = since('2025-08-07');
    expect(ids).toEqual(expect.arrayContaining(['f-urgent-review', 'f-ceased-services', 'f-final-update']));
    // The day before, and August as a whole month, are not "after" 7 Aug.
    expect(ids).not.toContain('f-call-storage');
    expect(ids).not.toContain('f-execs-question-staff');
    expect(ids.indexOf('f-final-update')).toBeLessThan(ids.indexOf('f-ceased-services'));
    const starts = developmentsSince(story, '2025-08-07').map((f) => isoPeriod(publicDate(f))?.start ?? '');
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it('gives a June 2026 article nothing, and a mid-May 2026 one only June', () => {
    expect(since('2026-06-04')).toEqual([]);
    expect(since('2026-06-20')).toEqual([]);
    const may = since('2026-05-15');
    expect(may.length).toBeGreaterThan(0);
    expect(may).not.toContain('f-haimovich-leaving');
    for (const id of may) expect(story.facts.find((f) => f.id === id)?.date.startsWith('2026-06')).toBe(true);
  });

  it('counts a fact from the day it became public: late 2021, reported 6 Aug 2025, is new to an early-2025 page', () => {
    const early = since('2025-03-01');
    for (const id of ['f-sariel-nadella-meeting', 'f-plan-70-percent', 'f-system-live', 'f-microsoft-knew-plan']) expect(early, id).toContain(id);
    // ...and not to a page published after the report.
    expect(since('2025-08-07')).not.toContain('f-sariel-nadella-meeting');
    expect(since('2025-08-07')).toContain('f-microsoft-knew-plan');
    expect(since('2025-08-16')).not.toContain('f-microsoft-knew-plan');
  });
});
