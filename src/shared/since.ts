/**
 * "Since this article": which timeline facts came after the page was published, and how dates read.
 * Pure functions (no DOM, no browser API) shared by the card and the popup.
 */
import type { Fact, IsoDate, Story } from '../data/types';

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first and last calendar day an ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) covers, as `YYYY-MM-DD`. */
export function isoPeriod(date: IsoDate): { start: string; end: string } | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [, year = '', month, day] = m;
  if (month === undefined) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const mm = Number(month);
  if (mm < 1 || mm > 12) return null;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(Number(year), mm, 0)).getUTCDate();
  if (day === undefined) return { start: `${year}-${month}-01`, end: `${year}-${month}-${String(last)}` };
  const dd = Number(day);
  if (dd < 1 || dd > last) return null;
  return { start: date, end: date };
}

/** When a fact became public: its `reportedDate` when the dataset gives one, else the date of the event. */
export const publicDate = (fact: Fact): IsoDate => fact.reportedDate ?? fact.date;

/**
 * The story's timeline facts that became public strictly after `publishedDate`, newest first. A
 * late-2021 meeting first reported on 6 Aug 2025 is new to a page of early 2025: what counts is when a
 * reader could have known it (`publicDate`), not when it happened.
 *
 * A fact with a partial date counts only if its whole period lies after the page: "2025-09" is after
 * a page of 2025-08-07, but "2025" is not after 2025-03-01 (it may have happened before the article).
 * A partial page date is read as its last day for the same reason: we never claim "after" on a guess.
 * Facts with dates that do not parse are left out rather than guessed.
 */
export function developmentsSince(story: Story, publishedDate: string): Fact[] {
  const page = isoPeriod(publishedDate);
  if (!page) return [];
  const byId = new Map(story.facts.map((fact) => [fact.id, fact]));
  const after: { fact: Fact; start: string; order: number }[] = [];
  story.timelineIds.forEach((id, order) => {
    const fact = byId.get(id);
    const period = fact ? isoPeriod(publicDate(fact)) : null;
    if (fact && period && period.start > page.end) after.push({ fact, start: period.start, order });
  });
  // Newest first; on equal start dates the later timeline entry is the newer one.
  after.sort((a, b) => (a.start === b.start ? b.order - a.order : a.start < b.start ? 1 : -1));
  return after.map((item) => item.fact);
}

/**
 * A dataset or page date for display: "7 Aug 2025", "Aug 2025" or "2025" (in `locale`'s wording).
 * Dates are calendar dates, so they are formatted in UTC: a local time zone must not shift the day.
 * Defaults to en-GB because the dataset's text is English and day-month-year reads unambiguously.
 * Returns the input unchanged if it is not an ISO date.
 */
export function formatIsoDate(date: IsoDate, locale = 'en-GB'): string {
  const period = isoPeriod(date);
  if (!period) return date;
  const parts = date.split('-').length;
  const options: Intl.DateTimeFormatOptions =
    parts === 3
      ? { day: 'numeric', month: 'short', year: 'numeric' }
      : parts === 2
        ? { month: 'short', year: 'numeric' }
        : { year: 'numeric' };
  const day = new Date(`${period.start}T00:00:00Z`);
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(day);
  } catch {
    // An invalid locale tag (e.g. from a page's lang attribute) must not break the card.
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' }).format(day);
  }
}

/**
 * A date in the UI's language (card and popup frames: "As of", "Since", the dataset date); English UIs
 * get day-month-year (en-GB), like the dataset's dates.
 */
export function formatUiDate(date: IsoDate, lang: string): string {
  return formatIsoDate(date, lang.toLowerCase().startsWith('en') ? 'en-GB' : lang);
}
