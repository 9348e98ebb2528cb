/**
 * Issue 12 in real browsers: one page per language added in the second round, and one page of number traps,
 * with exactly the expected names and ranges read back from `CSS.highlights` (in document order).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, pageErrors, settle, waitForMarks, type MarkInfo, type Session } from './harness';

type Expected = Record<string, string[]>;

const PAGES: Record<string, Expected> = {
  'it.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Microsoft'],
    'backstory-unit-8200': ['Unità 8200'],
  },
  'pt.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Microsoft'],
    'backstory-unit-8200': ['Unidade 8200'],
  },
  'nl.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Microsoft'],
    'backstory-unit-8200': ['eenheid 8200'],
  },
  'tr.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['MİCROSOFT', 'Microsoft'],
    'backstory-unit-8200': ['8200 Birimi'],
  },
  'ru.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Майкрософт', 'Майкрософт'],
    'backstory-unit-8200': ['подразделение 8200', 'подразделения 8200'],
  },
  'fa.html': {
    'backstory-azure': ['آژور'],
    'backstory-microsoft': ['مایکروسافت', 'مايكروسافت'],
    'backstory-unit-8200': ['یگان ۸۲۰۰', 'یگان ۸۲۰۰'],
  },
  'zh.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['微软', '微软', '微軟'],
    'backstory-unit-8200': ['8200部队', '8200部队'],
  },
  'ko.html': {
    'backstory-azure': ['애저'],
    'backstory-microsoft': ['마이크로소프트', '마이크로소프트'],
    'backstory-unit-8200': ['8200부대', '8200부대', '8200 부대'],
  },
  // Apartment numbers, sizes, prices per unit, postcodes, money and counts stay unmarked; the short form
  // after the full name and the paraphrase "the intelligence unit, known as 8200" are marked.
  'numbers.html': {
    'backstory-unit-8200': ['Unit 8200', '8200', '8200'],
  },
};

const asRecord = (marks: MarkInfo[]): Expected => Object.fromEntries(marks.map((m) => [m.name, m.texts]));
const total = (e: Expected) => Object.values(e).reduce((n, t) => n + t.length, 0);

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(Object.entries(PAGES))('marks exactly the expected names on %s', async (file, expected) => {
    const page = await session.open('www.theguardian.com', `/fixtures/pages/${file}`);
    await waitForMarks(page, total(expected));
    expect(asRecord(await settle(page))).toEqual(expected);
    expect(pageErrors.get(page)).toEqual([]);
    await page.close();
  });
});
