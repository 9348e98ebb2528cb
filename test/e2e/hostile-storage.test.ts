/**
 * Corrupt storage (DESIGN.md "Settings"): whatever storage.local holds, the content script falls back
 * to defaults, marks the page and breaks nothing. Values are written from an extension page, then a
 * news page is opened fresh.
 *
 * Unreadable storage: `storage.local.get` is made to fail in the background (background-storage.ts);
 * popup and options say so, offer Retry, and nothing is written; after Retry every list is intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakStorageGet, countSettingsWrites, restoreStorageGet, settingsWrites, storedSettings } from './background-storage';
import { BROWSERS, launch, pageErrors, settle, waitForMarks, type Session } from './harness';

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
    await waitForMarks(page, 3);
    // The finished scan (waitForMarks returns as soon as 3 marks show, which may be mid-scan).
    const before = await settle(page);
    for (const [, value] of CORRUPT) await session.inExtension(`await api.storage.local.set({ settings: ${value} }); return true;`);
    await new Promise((r) => setTimeout(r, 800));
    const after = await settle(page);
    expect(after).toEqual(before);
    expect(pageErrors.get(page)).toEqual([]);
    await page.close();
  });

  it('storage.local.get fails in the background: popup and options say so, nothing is written, Retry recovers', async () => {
    // Settings in the current schema, so the one write after Retry changes only what the reader changed.
    const reader = {
      schemaVersion: 2,
      mode: 'first',
      entities: { microsoft: true, azure: true, 'unit-8200': true },
      style: 'underline',
      disabledSites: ['one.example', 'two.example', 'three.example'],
      addedSites: ['https://added.example'],
      clickOnly: false,
    };
    await session.inExtension(`await api.storage.local.set({ settings: ${JSON.stringify(reader)} }); return true;`);
    await countSettingsWrites(session);
    const article = await session.open('www.theguardian.com', DEMO);
    await waitForMarks(article, 3);
    await breakStorageGet(session);
    let popup;
    try {
      await article.bringToFront();
      popup = await session.openExtensionPage('popup.html');
      await popup.waitForSelector('.settings-error', { timeout: 10_000 });
      expect(await popup.$eval('.settings-error', (el) => (el as HTMLElement).innerText)).toContain(
        'Backstory could not read its settings; nothing was changed.',
      );
      // The switch's state is unknown, so there is no switch to press.
      expect(await popup.$('[role="switch"]')).toBeNull();
      await popup.click('.settings-error button');
      await new Promise((r) => setTimeout(r, 500));
      await popup.waitForSelector('.settings-error');
      const options = await session.openExtensionPage('options.html');
      await options.waitForSelector('.settings-error', { timeout: 10_000 });
      expect(await options.$('input[name="mode"]')).toBeNull();
      await options.close();
      // A change sent anyway (a stale page, a content script's "Hide on this site") is refused unwritten.
      for (const change of [{ op: 'setSiteEnabled', site: 'theguardian.com', on: false }, { op: 'reset' }]) {
        const answer = await session.inExtension(
          `return await api.runtime.sendMessage({ type: 'changeSettings', payload: { change: ${JSON.stringify(change)} } });`,
        );
        expect(answer).toEqual({ ok: false, error: 'unreadable', settings: null });
      }
      expect(await settingsWrites(session)).toBe(0);
      expect(await storedSettings(session)).toEqual(reader);
    } finally {
      await restoreStorageGet(session);
    }
    // Storage readable again: Retry shows the real state, and a change keeps every list.
    await popup.bringToFront();
    await popup.click('.settings-error button');
    await popup.waitForSelector('[role="switch"][aria-checked="true"]', { timeout: 10_000 });
    await popup.click('[role="switch"]');
    await popup.waitForSelector('[role="switch"][aria-checked="false"]', { timeout: 10_000 });
    expect(await storedSettings(session)).toEqual({ ...reader, disabledSites: [...reader.disabledSites, 'theguardian.com'] });
    expect(await settingsWrites(session)).toBe(1);
    expect(pageErrors.get(article)).toEqual([]);
    await Promise.all([popup.close(), article.close()]);
    await session.inExtension(`await api.storage.local.clear(); return true;`);
  });
});
