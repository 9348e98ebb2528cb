/**
 * "Not about this story", end to end with the built extension on a default news host, in Chromium and
 * Firefox: the card's button (scripted presses do nothing, a real click does) → the mark is gone in that
 * tab AND in a second tab of the site, the other marks stay, the counts and the keyboard steps skip it →
 * reload: still gone → the popup lists it → Undo → back in both tabs. What the page could see is checked
 * too: nothing in its DOM, storage or events, and the stored entry holds no text or URL of the page.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { cardControlAt, withCardRoot } from './card-root';
import { BROWSERS, markPoint, messageTab, pageErrors, readMarks, settle, waitFor, waitForMarks, type MarkInfo, type Session } from './harness';
import { article } from './hostile-page';
import { useSession } from './session';

const HOST = 'www.theguardian.com';
const SITE = 'theguardian.com';
/** The wrong mark: a Microsoft story that is not this one. The same sentence is on both pages. */
const WRONG = 'Microsoft opened a new office in the town centre this week.';
const STORY = '<p id="p2">Microsoft said its Azure cloud held recordings made by Unit 8200.</p>';
const BODY_A = `<p id="p1">${WRONG}</p>${STORY}`;
// Another page of the site with the same sentence in other surroundings: the key is the sentence, not the URL.
const PAGE_B = article(`<p id="q0">Local news.</p><p id="p1">${WRONG.replace(' ', '  ')}</p>${STORY}`);

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on an extension page. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

const total = (marks: MarkInfo[]) => marks.reduce((n, m) => n + m.texts.length, 0);

/** The ids of the paragraphs holding each Microsoft mark, as the page sees them in `CSS.highlights`. */
const microsoftMarks = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('backstory-microsoft');
    const ranges = h ? ([...h] as Range[]) : [];
    return ranges.map((r) => r.startContainer.parentElement?.id ?? '').sort();
  });

/** Records, in the page's own world, everything a page script could notice. */
const SPY = `<script>
  window.__seen = [];
  new MutationObserver((list) => { for (const m of list) {
    // The card's host (added under <html> when the first card opens) is the one change Backstory makes.
    if (m.type === 'childList' && m.target === document.documentElement) continue;
    window.__seen.push(m.type + ' ' + (m.target.id || m.target.nodeName) + ' ' + (m.attributeName || ''));
  } }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  for (const type of ['message', 'storage', 'toggle', 'beforetoggle', 'hashchange', 'popstate']) {
    addEventListener(type, (e) => window.__seen.push('event ' + e.type), true);
  }
</script>`;

async function openPopup(session: Session, tab: Page): Promise<Page> {
  // The article must be the most recently used tab when the popup looks for it.
  await tab.bringToFront();
  const popup = await session.browser.newPage();
  await popup.goto(session.extensionUrl('popup.html'), { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => undefined);
  await popup.waitForSelector('.story .headline', { timeout: 10_000 });
  return popup;
}

const everyMention = (s: Session) =>
  s.inExtension(`return await api.runtime.sendMessage({ type: 'changeSettings', payload: { change: { op: 'set', field: 'mode', value: 'all' } } });`);

const storedDismissed = (session: Session) => session.inExtension<unknown>(`return (await api.storage.local.get('dismissed')).dismissed ?? null;`);

/** Open the card on the first Microsoft mark (#p1) and pin it with a real click. */
async function openCardOnWrongMark(session: Session, page: Page): Promise<void> {
  await page.bringToFront();
  const point = await markPoint(page, 'backstory-microsoft', 0);
  await page.mouse.move(point.x - 40, point.y);
  await page.mouse.move(point.x, point.y, { steps: 4 });
  // The first card waits for card.js: keep the pointer alive until the card is there.
  let nudge = 0;
  await waitFor(async () => {
    await page.mouse.move(point.x + (++nudge % 2 ? 1 : -1), point.y);
    return (await cardControlAt(session, page, 'button.not-about').catch(() => null)) !== null;
  }, 10_000, 'card with "Not about this story"');
  await page.mouse.click(point.x, point.y);
}

describe.each(BROWSERS)('%s', (name) => {
  const session = useSession(name);

  it('dismiss in the card → gone in two tabs, stays gone on reload, listed in the popup → Undo brings it back in both', async () => {
    const s = session();
    // A clean start (a retry must not find this test's own dismissal), then every mention, so both
    // Microsoft marks show (the default "automatic" marks only the first one on a page off the story).
    await s.inExtension(`await api.storage.local.clear(); return true;`);
    for (const old of await s.browser.pages()) if (old.url().includes('/dismiss/')) await old.close();
    await everyMention(s);
    s.server.route('/dismiss/a.html', article(BODY_A, SPY));
    s.server.route('/dismiss/b.html', PAGE_B);
    const a = await s.open(HOST, '/dismiss/a.html');
    const b = await s.open(HOST, '/dismiss/b.html');
    await waitForMarks(a, 4);
    await waitForMarks(b, 4);
    expect(await microsoftMarks(a)).toEqual(['p1', 'p2']);
    const before = JSON.stringify(await settle(a));
    // From here on, the page's spy records what it can notice (the parser's own insertions are over).
    await a.evaluate(() => void ((window as unknown as { __seen: string[] }).__seen.length = 0));

    // The page presses the button every way a script can: nothing changes.
    await openCardOnWrongMark(s, a);
    const pressed = await withCardRoot<number>(
      s,
      a,
      `async (root) => {
        const buttons = [...root.querySelectorAll('button.not-about')];
        const init = { bubbles: true, cancelable: true, composed: true };
        for (const el of buttons) {
          el.click();
          el.dispatchEvent(new MouseEvent('click', init));
          el.dispatchEvent(new PointerEvent('pointerdown', init));
          el.dispatchEvent(new PointerEvent('pointerup', init));
          el.focus();
          for (const key of ['Enter', ' ']) {
            el.dispatchEvent(new KeyboardEvent('keydown', { ...init, key }));
            el.dispatchEvent(new KeyboardEvent('keypress', { ...init, key }));
            el.dispatchEvent(new KeyboardEvent('keyup', { ...init, key }));
          }
        }
        await new Promise((r) => setTimeout(r, 300));
        return buttons.length;
      }`,
    );
    await new Promise((r) => setTimeout(r, 700));
    expect(pressed).toBe(1);
    expect(JSON.stringify(await readMarks(a))).toBe(before);
    expect(await storedDismissed(s)).toBeNull();

    // The reader's real click: the mark goes at once here and in the other tab; the others stay.
    const button = await cardControlAt(s, a, 'button.not-about');
    if (!button) throw new Error('no "Not about this story" button');
    await a.mouse.click(button.x, button.y);
    await waitFor(async () => (await microsoftMarks(a)).length === 1, 5000, 'mark gone in tab A');
    expect(await microsoftMarks(a)).toEqual(['p2']);
    expect(total(await readMarks(a))).toBe(3);
    await waitFor(async () => (await microsoftMarks(b)).length === 1, 5000, 'mark gone in tab B');
    expect(await microsoftMarks(b)).toEqual(['p2']);
    expect(total(await readMarks(b))).toBe(3);

    // Stored for the site as entity + hash: no text of the page, no URL.
    const stored = await storedDismissed(s);
    expect(stored).toMatchObject({ version: 1, sites: { [SITE]: [{ entity: 'microsoft', hash: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown }] } });
    const json = JSON.stringify(stored);
    for (const leak of ['office', 'Microsoft', 'dismiss/', 'a.html', 'guardian.com/']) expect(json).not.toContain(leak);

    // The page saw nothing beyond the mark vanishing: no DOM change, no event, nothing in its storage or markup.
    const seen = await a.evaluate(() => ({
      seen: (window as unknown as { __seen: string[] }).__seen,
      html: document.documentElement.outerHTML,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    expect(seen.seen).toEqual([]);
    const hash = (stored as { sites: Record<string, { hash: string }[]> }).sites[SITE]?.[0]?.hash ?? 'none';
    for (const text of [seen.html, seen.local, seen.session]) expect(text).not.toContain(hash);
    expect(seen.local + seen.session).toBe('{}{}');

    // Counts skip it: the badge and the popup's list.
    await waitFor(
      async () =>
        (await s.inExtension<string>(`const tab = (await api.tabs.query({})).find((t) => (t.url ?? '').includes('/dismiss/a.html'));
          return api.action.getBadgeText({ tabId: tab.id });`)) === '3',
      5000,
      'badge 3',
    );
    // Keyboard steps skip it: three steps from the top visit p2's names only.
    for (let i = 0; i < 3; i++) {
      expect(await messageTab<boolean>(s, s.url(HOST, '/dismiss/a.html'), { type: 'stepMention', payload: { direction: 1 } })).toBe(true);
      const where = await a.evaluate(() => document.getSelection()?.anchorNode?.parentElement?.id ?? '');
      expect(where).toBe('p2');
    }

    // Reload: still gone.
    await a.reload({ waitUntil: 'load' });
    await waitForMarks(a, 3);
    await settle(a, 800);
    expect(await microsoftMarks(a)).toEqual(['p2']);
    expect(total(await readMarks(a))).toBe(3);

    // The popup: the count without it, and "Dismissed on this site" with the page's sentence and Undo.
    const popup = await openPopup(s, a);
    await popup.waitForSelector('.dismissed-item[data-entity="microsoft"]', { timeout: 10_000 });
    const counts = await popup.$$eval('.mention', (rows) =>
      Object.fromEntries(rows.map((r) => [r.getAttribute('data-entity'), Number(r.querySelector('.count')?.getAttribute('data-count'))])),
    );
    expect(counts).toEqual({ microsoft: 1, azure: 1, 'unit-8200': 1 });
    const item = await popup.$eval('.dismissed-item', (el) => (el as HTMLElement).innerText);
    expect(item).toContain('Microsoft');
    expect(item).toContain(WRONG);
    expect(await popup.$$eval('.dismissed-item', (els) => els.length)).toBe(1);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('.dismissed-item .undo-dismissed');

    // Undo: back in both tabs, and gone from the popup's list.
    await waitFor(async () => (await microsoftMarks(a)).length === 2, 5000, 'mark back in tab A');
    await waitFor(async () => (await microsoftMarks(b)).length === 2, 5000, 'mark back in tab B');
    expect(total(await readMarks(a))).toBe(4);
    expect(total(await readMarks(b))).toBe(4);
    await popup.waitForSelector('.dismissed-item', { hidden: true, timeout: 5000 });
    expect(await storedDismissed(s)).toEqual({ version: 1, sites: {} });
    expect(pageErrors.get(a)).toEqual([]);
    expect(pageErrors.get(b)).toEqual([]);
    await popup.close();
    await a.close();
    await b.close();
  });

  it('corrupt stored dismissals leave every mark and the settings working; options clears and counts them', async () => {
    const s = session();
    await everyMention(s);
    s.server.route('/dismiss/b.html', PAGE_B);
    for (const junk of ['"garbage"', '{"version":1,"sites":{"theguardian.com":"x"}}', '{"version":1,"sites":{"theguardian.com":[{"entity":"microsoft","hash":7}]}}']) {
      await s.inExtension(`await api.storage.local.set({ dismissed: ${junk} }); return true;`);
      const page = await s.open(HOST, '/dismiss/b.html');
      await waitForMarks(page, 4);
      expect(total(await settle(page))).toBe(4);
      await page.close();
    }
    // A valid entry from elsewhere (another build): options counts it and clears it.
    await s.inExtension(
      `await api.storage.local.set({ dismissed: { version: 1, sites: { 'bbc.com': [{ entity: 'azure', hash: '0123456789abcdef', at: 1 }] } } }); return true;`,
    );
    const options = await s.browser.newPage();
    await options.goto(s.extensionUrl('options.html'), { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => undefined);
    await options.waitForSelector('button.clear-dismissed', { timeout: 10_000 });
    expect(await options.$eval('button.clear-dismissed', (b) => b.textContent)).toBe('Clear all dismissed marks (1)');
    expect(await axeViolations(options)).toEqual([]);
    await options.click('button.clear-dismissed');
    await options.waitForSelector('button.clear-dismissed', { hidden: true, timeout: 5000 });
    expect(await storedDismissed(s)).toEqual({ version: 1, sites: {} });
    // The settings were never touched: still "every mention" from the first test.
    expect(await options.$eval('input[name="mode"][value="all"]', (i) => (i as HTMLInputElement).checked)).toBe(true);
    await options.close();
  });
});
