/**
 * Concurrent settings changes from every context at once, in the built extension (Chromium and
 * Firefox): the popup turns its site off, the options page changes the mode, a name and a site
 * list, and two news tabs press their card's "Hide on this site" (real key presses), all in the
 * same moment. Every change must be in storage afterwards and every tab must follow: nothing the
 * reader chose is lost. Before the one writer, each context read, changed and wrote the whole
 * settings object itself, so the later write erased the earlier ones.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedSettings } from './background-storage';
import { BROWSERS, launch, messageTab, readMarks, settle, waitFor, waitForMarks, type Session, focusedName } from './harness';

const DEMO = '/fixtures/demo/microsoft-unit-8200.html';
/** The options page's list of sites turned off. */
const DISABLED = 'section[aria-labelledby="disabled-sites"] .site-list';

interface Stored {
  mode: string;
  entities: Record<string, boolean>;
  disabledSites: string[];
}

const total = (marks: { texts: string[] }[]) => marks.reduce((n, m) => n + m.texts.length, 0);

/**
 * Put keyboard focus on the card's "Hide on this site" button in `page`, with real key presses:
 * open the card of the first Unit 8200 mention with focus in it (what the popup's "Show" does),
 * then Tab past Close and "Full summary" (the card puts its actions before the story's details).
 * Chromium also checks the focused control's accessible name.
 */
async function focusHideButton(session: Session, page: Page, prefix: string): Promise<void> {
  const show = () => messageTab<boolean>(session, prefix, { type: 'showMention', payload: { entityId: 'unit-8200', index: 0 } });
  const inCard = () => page.evaluate(() => document.activeElement === (globalThis as { __cardHost?: Element }).__cardHost);
  await page.bringToFront();
  expect(await show()).toBe(true);
  await waitFor(
    () => page.evaluate(() => document.activeElement !== document.body && document.activeElement?.parentElement === document.documentElement),
    10_000,
    'card focus',
  );
  await page.evaluate(() => {
    (globalThis as { __cardHost?: Element | null }).__cardHost = document.activeElement;
  });
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  expect(await inCard()).toBe(true);
  if (session.name === 'chromium') {
    expect(focusedName(await page.accessibility.snapshot({ interestingOnly: false }))).toBe('Hide on this site');
  }
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.inExtension(`await api.storage.local.clear(); return true;`).catch(() => undefined);
    await session?.close();
  });

  // Many real steps (three news tabs, two cards walked with Tab, popup, options): longer than one page's test.
  it('popup, options and two tabs change settings at the same moment: every change is kept', { timeout: 150_000 }, async () => {
    // A fresh query per attempt, so a retry never reaches a tab left over from the first attempt.
    const run = `?run=${Date.now()}`;
    await session.inExtension(`await api.storage.local.set({ settings: {
      schemaVersion: 1, mode: 'all', entities: { microsoft: true, azure: true, 'unit-8200': true }, style: 'underline',
      disabledSites: ['one.example', 'two.example'], addedSites: [] } }); return true;`);
    const guardian = await session.open('www.theguardian.com', DEMO + run);
    const bbc = await session.open('www.bbc.com', DEMO + run);
    const aljazeera = await session.open('www.aljazeera.com', DEMO + run);
    for (const page of [guardian, bbc, aljazeera]) {
      await waitForMarks(page);
      expect(total(await settle(page))).toBeGreaterThan(0);
    }

    await focusHideButton(session, bbc, session.url('www.bbc.com', DEMO + run));
    await focusHideButton(session, aljazeera, session.url('www.aljazeera.com', DEMO + run));
    await guardian.bringToFront();
    const popup = await session.openExtensionPage('popup.html');
    await popup.waitForSelector('[role="switch"][aria-checked="true"]', { timeout: 10_000 });
    const options = await session.openExtensionPage('options.html');
    await options.waitForSelector(`${DISABLED} button`, { timeout: 10_000 });

    // All at once. The popup and options controls are clicked from their own pages' scripts (their
    // handlers do not check isTrusted; Chromium does not deliver automation input to background tabs),
    // the cards' buttons by real key presses, each tab brought forward in turn.
    const pressHide = async () => {
      for (const tab of [bbc, aljazeera]) {
        await tab.bringToFront();
        await tab.keyboard.press('Enter');
      }
    };
    await Promise.all([
      popup.evaluate(() => document.querySelector<HTMLElement>('[role="switch"]')?.click()),
      options.evaluate((list) => {
        for (const selector of ['input[name="mode"][value="first"]', 'input[name="entity-azure"]', `${list} li:first-child button`]) {
          document.querySelector<HTMLElement>(selector)?.click();
        }
      }, DISABLED),
      pressHide(),
    ]);
    const expected = ['aljazeera.com', 'bbc.com', 'theguardian.com', 'two.example'];
    let stored: Stored | null = null;
    await waitFor(
      async () => {
        stored = await storedSettings<Stored>(session);
        return stored !== null && [...stored.disabledSites].sort().join() === expected.join() && stored.mode === 'first' && !stored.entities.azure;
      },
      15_000,
      'every change in storage',
    ).catch(() => undefined);
    expect(stored).toMatchObject({ mode: 'first', entities: { microsoft: true, azure: false, 'unit-8200': true } });
    expect([...(stored as Stored | null)?.disabledSites ?? []].sort()).toEqual(expected);

    // Every tab follows what was stored; the views agree with it.
    for (const page of [guardian, bbc, aljazeera]) {
      await waitFor(async () => total(await readMarks(page)) === 0, 10_000, 'marks gone');
    }
    await popup.waitForSelector('[role="switch"][aria-checked="false"]', { timeout: 10_000 });
    await options.waitForSelector('input[name="mode"][value="first"]:checked', { timeout: 10_000 });
    const listed = await options.$$eval(`${DISABLED} .site-name`, (els) => els.map((e) => e.textContent ?? ''));
    expect(listed.sort()).toEqual(expected);
    await Promise.all([popup.close(), options.close(), guardian.close(), bbc.close(), aljazeera.close()]);
  });
});
