/**
 * What gets marked, read back from `CSS.highlights` in real browsers: exactly the expected names
 * and ranges on English, Arabic, Hebrew and Japanese pages; false friends, chrome, form controls,
 * code, editable and hidden text stay unmarked; live changes are followed.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, pageErrors, readMarks, settle, waitForMarks, type Session } from './harness';
import { asRecord, expectPageMarks, type Expected } from './page-marks';

const PAGES: Record<string, Expected> = {
  'en.html': {
    'backstory-azure': ['Azure', 'Azure'],
    'backstory-microsoft': ['Microsoft', 'Microsoft', 'MICROSOFT', 'Micro\u00ADsoft'],
    'backstory-unit-8200': ['Unit\u00A08200', '8200', 'Unit 8200'],
  },
  'ar.html': {
    'backstory-azure': ['أزور'],
    'backstory-microsoft': ['مايكروسوفت', 'مايكروسوفت', 'ميكروسوفت'],
    'backstory-unit-8200': ['الوحدة 8200', 'وحدة ٨٢٠٠', 'الوحدة 8200'],
  },
  'he.html': {
    'backstory-azure': ["אז'ור"],
    'backstory-microsoft': ['מיקרוסופט', 'מיקרוסופט', 'מיקרוסופט'],
    'backstory-unit-8200': ['יחידה 8200', 'יחידת 8200'],
  },
  'ja.html': {
    'backstory-azure': ['Azure', 'Azure'],
    'backstory-microsoft': ['マイクロソフト', 'Microsoft', 'マイクロソフト', '微软'],
    'backstory-unit-8200': ['8200部隊'],
  },
};


describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(Object.entries(PAGES))('marks exactly the expected names on %s', (file, expected) => expectPageMarks(session, file, expected));

  describe('live pages', () => {
    let page: Page;
    beforeAll(async () => {
      page = await session.open('www.theguardian.com', '/fixtures/pages/live.html');
      await waitForMarks(page, 3);
    });
    afterAll(async () => {
      await page?.close();
    });

    it('marks a paragraph added after load', async () => {
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'added';
        p.textContent = 'Later: Unit 8200 was named in the report.';
        document.getElementById('a')?.append(p);
      });
      await waitForMarks(page, 4);
      expect(asRecord(await settle(page))['backstory-unit-8200']).toEqual(['Unit 8200']);
    });

    it('drops the mark of a rewritten text node and marks the new text', async () => {
      await page.evaluate(() => {
        const text = document.getElementById('rewrite')?.firstChild as Text;
        text.data = 'Google is a search company.';
      });
      const marks = asRecord(await settle(page));
      expect(marks['backstory-azure']).toBeUndefined();
      expect(marks['backstory-microsoft']).toEqual(['Microsoft']);
    });

    it('follows text nodes replaced by a framework and removed paragraphs', async () => {
      await page.evaluate(() => {
        const first = document.getElementById('first') as HTMLElement;
        first.replaceChildren(document.createTextNode('Azure and Microsoft, replaced.'));
        document.getElementById('added')?.remove();
      });
      const marks = asRecord(await settle(page));
      expect(marks).toEqual({ 'backstory-azure': ['Azure'], 'backstory-microsoft': ['Microsoft'] });
      // Every range still reads the name it marks: nothing stale.
      const stale = await page.evaluate(() => {
        const bad: string[] = [];
        CSS.highlights.forEach((h) => h.forEach((r) => {
          const range = r as Range;
          if (!range.startContainer.isConnected || !/Azure|Microsoft|8200/.test(range.toString())) bad.push(range.toString());
        }));
        return bad;
      });
      expect(stale).toEqual([]);
    });
  });
});
