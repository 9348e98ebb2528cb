/**
 * The foundation: the shipped build loads in both browsers, its content script runs on a default
 * news site and nowhere else, and the extension's own pages render.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, pageErrors, readMarks, settle, waitForMarks, type Session } from './harness';

const DEMO = '/fixtures/demo/microsoft-unit-8200.html';

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('marks mentions on a default news site', async () => {
    const page = await session.open('www.theguardian.com', DEMO);
    const marks = await waitForMarks(page, 3);
    expect(marks.map((m) => m.name)).toEqual(
      expect.arrayContaining(['backstory-azure', 'backstory-microsoft', 'backstory-unit-8200']),
    );
    expect(pageErrors.get(page)).toEqual([]);
    await page.close();
  });

  it('does not run on a site outside the default list', async () => {
    const page = await session.open('www.example.org', DEMO);
    const marks = await settle(page, 800);
    expect(marks).toEqual([]);
    expect(await readMarks(page)).toEqual([]);
    await page.close();
  });

  it('renders the popup and the options page', async () => {
    for (const path of ['popup.html', 'options.html']) {
      const page = await session.openExtensionPage(path);
      await page.waitForFunction(() => (document.body?.innerText ?? '').trim().length > 20, { timeout: 10_000 });
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toMatch(/Backstory/);
      await page.close();
    }
  });
});
