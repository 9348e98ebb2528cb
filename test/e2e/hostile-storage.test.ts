/**
 * Corrupt storage (DESIGN.md "Settings"): whatever storage.local holds, the content script falls back
 * to defaults, marks the page and breaks nothing. Values are written from an extension page, then a
 * news page is opened fresh.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, pageErrors, waitForMarks, type Session } from './harness';

const DEMO = '/fixtures/demo/microsoft-unit-8200.html';
const CORRUPT: [string, string][] = [
  ['a string', `'garbage'`],
  ['mode a number', `{ mode: 42 }`],
  ['disabledSites a string', `{ disabledSites: 'x' }`],
  ['an array', `[{ mode: 'off' }]`],
  ['null', `null`],
  ['nested junk', `{ schemaVersion: -5, entities: [true], style: { a: 1 }, disabledSites: [1, null, {}], addedSites: 'https://x', ['__proto__']: { mode: 'off' } }`],
  ['huge list', `{ disabledSites: Array.from({ length: 5000 }, (_, i) => 'site' + i + '.example.com') }`],
  ['future version', `{ schemaVersion: 1e9, mode: 'sideways' }`],
];

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.inExtension(`await api.storage.local.clear(); return true;`).catch(() => undefined);
    await session?.close();
  });

  for (const [label, value] of CORRUPT) {
    it(`settings = ${label}: defaults, marks, no page error`, async () => {
      await session.inExtension(`await api.storage.local.set({ settings: ${value} }); return true;`);
      const page = await session.open('www.theguardian.com', DEMO);
      const marks = await waitForMarks(page, 3);
      expect(marks.map((m) => m.name)).toEqual(['backstory-azure', 'backstory-microsoft', 'backstory-unit-8200']);
      expect(pageErrors.get(page)).toEqual([]);
      await page.close();
    });
  }

  it(`corrupt values written while a page is open: it keeps its marks (${'live'})`, async () => {
    await session.inExtension(`await api.storage.local.clear(); return true;`);
    const page = await session.open('www.theguardian.com', DEMO);
    const before = await waitForMarks(page, 3);
    for (const [, value] of CORRUPT) await session.inExtension(`await api.storage.local.set({ settings: ${value} }); return true;`);
    await new Promise((r) => setTimeout(r, 800));
    const after = await waitForMarks(page, 3);
    expect(after).toEqual(before);
    expect(pageErrors.get(page)).toEqual([]);
    await page.close();
  });
});
