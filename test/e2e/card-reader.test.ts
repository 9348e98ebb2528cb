/**
 * The card as readers meet it (issue 18), in real Chromium and Firefox with the built extension:
 * every control reachable at 400% and 200% zoom, the keyboard from the top of the page into a card and
 * back, the card's own scrolling keys, the wheel with a hover card open, Escape that holds, hide → undo.
 *
 * The extension's card is in a CLOSED shadow root: from the page we see the host element, what
 * `elementFromPoint` hits, and pixels; Chromium's accessibility tree (CDP) sees inside. Geometry inside
 * the card (is the focused control on screen?) is measured on card-layout-page.ts: the same component,
 * stylesheet and positioning code in an open shadow root.
 */
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { Page, SerializedAXNode } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { BROWSERS, launch, markPoint, messageTab, readMarks, settle, waitForMarks, type Session, focusedName } from './harness';
import { ROOT } from './server';

const ARTICLE = '/fixtures/card-article.html';
const HOST = 'www.theguardian.com';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeout = 3000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

/** Whether any part of the card shows, as the page sees it (hits inside a closed root land on the host). */
const cardShown = (page: Page) =>
  page.evaluate(() => {
    for (let y = 4; y < innerHeight; y += 16) {
      for (let x = 4; x < innerWidth; x += 16) {
        const hit = document.elementFromPoint(x, y);
        if (hit && hit !== document.body && hit.parentElement === document.documentElement) return true;
      }
    }
    return false;
  });

// The card's host is the one element Backstory adds, a child of <html> (a plain div no page can own).
const active = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (el && el !== document.body && el.parentElement === document.documentElement) return 'card-host';
    return el?.id || el?.localName || '';
  });
async function shiftTab(page: Page): Promise<void> {
  await page.keyboard.down('Shift');
  await page.keyboard.press('Tab');
  await page.keyboard.up('Shift');
}

const markCount = async (page: Page) => (await readMarks(page)).reduce((n, m) => n + m.texts.length, 0);

function collect(node: SerializedAXNode | null, role: string, out: string[] = []): string[] {
  if (!node) return out;
  if (node.role === role) out.push(node.name ?? '');
  for (const child of node.children ?? []) collect(child, role, out);
  return out;
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  let layoutScript = '';
  beforeAll(async () => {
    session = await launch(name);
    const built = await esbuild.build({
      entryPoints: [resolve(ROOT, 'test/e2e/card-layout-page.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      loader: { '.css': 'text' },
      jsx: 'automatic',
      jsxImportSource: 'preact',
      logLevel: 'silent',
    });
    layoutScript = built.outputFiles[0]?.text ?? '';
    session.server.route(
      '/card-layout.html',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card layout</title></head><body><script>${layoutScript.replace(/<\/script/gi, '<\\/script')}</script></body></html>`,
    );
  });
  afterAll(async () => {
    await session?.close();
  });
  // A failed test must not leave its tab open: the commands find their tab by URL.
  afterEach(async () => {
    // (The extension page that session.inExtension keeps stays.)
    for (const p of (await session.browser.pages()).slice(1)) {
      if (/^https:/.test(p.url())) await p.close().catch(() => undefined);
    }
  });

  async function openArticle(): Promise<Page> {
    const page = await session.open(HOST, ARTICLE);
    // The first mark first: on a loaded machine the scan may not have painted within settle's quiet time.
    await waitForMarks(page);
    await settle(page);
    expect(await markCount(page)).toBeGreaterThan(0);
    return page;
  }

  // 400% zoom of a 1280x1024 window is 320x256 CSS px; 200% of 1280x900 is 640x450.
  for (const [width, height, zoom] of [
    [320, 256, '400%'],
    [640, 450, '200%'],
  ] as const) {
    it(`at ${zoom} (${String(width)}x${String(height)}) every control is reachable by Tab, in view and visibly focused`, async () => {
      const page = await session.browser.newPage();
      await page.setViewport({ width, height });
      await page.goto(`${session.url('layout.example', '/card-layout.html')}#entity=unit-8200&published=2025-08-10&at=0.45`);
      await page.waitForFunction(() => (globalThis as { cardReady?: boolean }).cardReady === true);
      await sleep(300);
      const setup = await page.evaluate(() => {
        const root = (globalThis as unknown as { cardRoot: ShadowRoot }).cardRoot;
        // Open every disclosure first, so the controls inside them count too.
        for (const b of root.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]')) b.click();
        const card = root.querySelector<HTMLElement>('[role="dialog"]');
        card?.focus();
        const r = card?.getBoundingClientRect();
        return { scrolls: card ? card.scrollHeight > card.clientHeight : false, top: r?.top ?? -1, bottom: r?.bottom ?? 1e9, left: r?.left ?? -1, right: r?.right ?? 1e9 };
      });
      // The card itself fits the viewport and scrolls (header included).
      expect(setup.top).toBeGreaterThanOrEqual(0);
      expect(setup.bottom).toBeLessThanOrEqual(height);
      expect(setup.left).toBeGreaterThanOrEqual(0);
      expect(setup.right).toBeLessThanOrEqual(width);
      expect(setup.scrolls).toBe(true);
      const total = await page.evaluate(
        () =>
          // Laid out and not folded away in a closed <details> (its summary counts).
          [...(globalThis as unknown as { cardRoot: ShadowRoot }).cardRoot.querySelectorAll('button, a[href], summary')].filter((el) => {
            if (el.getClientRects().length === 0) return false;
            const closed = el.closest('details:not([open])');
            return closed === null || (el.localName === 'summary' && el.parentElement === closed);
          }).length,
      );
      expect(total).toBeGreaterThan(15);
      const seen = new Set<string>();
      for (let i = 0; i < total; i++) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(() => {
          const root = (globalThis as unknown as { cardRoot: ShadowRoot }).cardRoot;
          const el = root.activeElement as HTMLElement | null;
          const card = root.querySelector<HTMLElement>('[role="dialog"]');
          if (!el || !card) return null;
          const all = [...root.querySelectorAll('button, a[href], summary')];
          const r = el.getBoundingClientRect();
          const c = card.getBoundingClientRect();
          const style = getComputedStyle(el);
          return {
            id: all.indexOf(el),
            inView: r.top >= -1 && r.bottom <= innerHeight + 1 && r.left >= -1 && r.right <= innerWidth + 1,
            inCard: r.top >= c.top - 1 && r.bottom <= c.bottom + 1,
            outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
            label: el.getAttribute('aria-label') ?? el.textContent ?? '',
          };
        });
        expect(state, `Tab ${String(i + 1)} stays in the card`).not.toBeNull();
        expect(state?.inView, `${state?.label ?? ''} in view`).toBe(true);
        expect(state?.inCard, `${state?.label ?? ''} inside the card's visible area`).toBe(true);
        expect(state?.outline, `${state?.label ?? ''} has a visible focus ring`).toBe(true);
        seen.add(String(state?.id));
      }
      expect(seen.size).toBe(total);
      await page.screenshot({ path: `/tmp/card-${name}-layout-${String(width)}.png` });
      await page.close();
    });
  }

  it('the focused card scrolls with PageDown, arrow keys and Space; the page does not', async () => {
    const page = await session.browser.newPage();
    await page.setViewport({ width: 320, height: 256 });
    await page.goto(`${session.url('layout.example', '/card-layout.html')}#entity=microsoft&published=2025-08-10&at=0.05`);
    await page.waitForFunction(() => (globalThis as { cardReady?: boolean }).cardReady === true);
    await sleep(300);
    await page.evaluate(() => (globalThis as unknown as { cardRoot: ShadowRoot }).cardRoot.querySelector<HTMLElement>('[role="dialog"]')?.focus());
    const read = () =>
      page.evaluate(() => ({
        card: (globalThis as unknown as { cardRoot: ShadowRoot }).cardRoot.querySelector('[role="dialog"]')?.scrollTop ?? -1,
        page: scrollY,
      }));
    let last = await read();
    for (const key of ['PageDown', 'ArrowDown', ' ', 'End'] as const) {
      await page.keyboard.press(key);
      await sleep(250);
      const now = await read();
      expect(now.card, `${key} scrolls the card`).toBeGreaterThan(last.card);
      expect(now.page, `${key} leaves the page`).toBe(0);
      last = now;
    }
    await page.keyboard.press('PageUp');
    await sleep(250);
    expect((await read()).card).toBeLessThan(last.card);
    await page.close();
  });

  it('keyboard only: from the top of the page to a linked name, into its card, through its facts, and back', async () => {
    const page = await openArticle();
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let i = 0; i < 6 && (await active(page)) !== 'link'; i++) await page.keyboard.press('Tab');
    expect(await active(page)).toBe('link');
    expect(await until(() => cardShown(page))).toBe(true);
    // The next Tab goes into the card, not to the next link.
    await page.keyboard.press('Tab');
    expect(await active(page)).toBe('card-host');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await active(page)).toBe('card-host');
    // Shift+Tab before the first control: back on the link, card still open, and Tab goes back in.
    for (let i = 0; i < 3; i++) await shiftTab(page);
    expect(await active(page)).toBe('link');
    expect(await cardShown(page)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await active(page)).toBe('card-host');
    // Through every control of the card; past the last one focus is back on the link.
    const names: string[] = [];
    let presses = 0;
    while ((await active(page)) === 'card-host' && presses < 80) {
      await page.keyboard.press('Tab');
      presses++;
      if (name === 'chromium' && (await active(page)) === 'card-host') {
        names.push(focusedName(await page.accessibility.snapshot({ interestingOnly: false })) ?? '');
      }
    }
    expect(await active(page)).toBe('link');
    expect(presses).toBeGreaterThan(10);
    expect(await until(async () => !(await cardShown(page)))).toBe(true);
    if (name === 'chromium') {
      const hide = names.indexOf('Hide on this site');
      const firstCitation = names.findIndex((n) => /^\[\d+\] /.test(n));
      expect(hide).toBeGreaterThan(0);
      expect(hide).toBeLessThan(5);
      expect(firstCitation).toBeGreaterThan(hide);
      // Named by publisher and date.
      expect(names.filter((n) => /^Source \d+$/.test(n))).toEqual([]);
      expect(names.some((n) => /^\[\d+\] The Guardian, \d{1,2} \w{3} \d{4}$/.test(n))).toBe(true);
    }
    // And the page goes on: the next Tab leaves the link without reopening the card.
    await page.keyboard.press('Tab');
    expect(await active(page)).not.toBe('card-host');
    await page.close();
  });

  it('in Chromium\'s accessibility tree: headings keep their case, the close button has one name, the story comes first', async () => {
    if (name !== 'chromium') return; // Firefox has no CDP accessibility tree here; the markup is the same.
    const page = await openArticle();
    const prefix = session.url(HOST, ARTICLE);
    expect(await messageTab<boolean>(session, prefix, { type: 'stepMention', payload: { direction: 1 } })).toBe(true);
    await sleep(300);
    const tree = await page.accessibility.snapshot({ interestingOnly: true });
    const headings = collect(tree, 'heading');
    expect(headings).toContain('Key facts');
    expect(headings.filter((h) => h !== h.toLowerCase() && h === h.toUpperCase())).toEqual([]);
    const buttons = collect(tree, 'button');
    expect(buttons).toContain('Close');
    const dialog = JSON.stringify(tree);
    expect(dialog.indexOf('Reporting that Unit 8200 stored')).toBeLessThan(dialog.indexOf('Key facts'));
    expect(dialog).toContain('Alt+Shift+N');
    await page.close();
  });

  it('the card opened by the command takes PageDown, arrows and Space; the page stays put', async () => {
    const page = await openArticle();
    await page.evaluate(() => window.scrollTo(0, 0));
    const prefix = session.url(HOST, ARTICLE);
    expect(await messageTab<boolean>(session, prefix, { type: 'stepMention', payload: { direction: 1 } })).toBe(true);
    expect(await active(page)).toBe('card-host');
    await sleep(400);
    const y = await page.evaluate(() => scrollY);
    let before = await page.screenshot({ encoding: 'base64' });
    for (const key of ['PageDown', 'ArrowDown', ' '] as const) {
      await page.keyboard.press(key);
      await sleep(300);
      const after = await page.screenshot({ encoding: 'base64' });
      expect(await page.evaluate(() => scrollY), `${key}: page not scrolled`).toBe(y);
      expect(after, `${key}: the card scrolled`).not.toBe(before);
      expect(await active(page)).toBe('card-host');
      before = after;
    }
    await page.close();
  });

  it('the wheel scrolls the page with a hover card open under a still pointer, and closes that card', async () => {
    const page = await openArticle();
    const point = await markPoint(page, 'backstory-azure');
    await page.mouse.move(point.x - 30, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    expect(await until(() => cardShown(page))).toBe(true);
    const y0 = await page.evaluate(() => scrollY);
    await page.mouse.wheel({ deltaY: 240 });
    expect(await until(async () => (await page.evaluate(() => scrollY)) > y0)).toBe(true);
    expect(await until(async () => !(await cardShown(page)), 1500)).toBe(true);
    const y1 = await page.evaluate(() => scrollY);
    await page.mouse.wheel({ deltaY: 240 });
    expect(await until(async () => (await page.evaluate(() => scrollY)) > y1)).toBe(true);
    await page.close();
  });

  it('a hover card the pointer went into stays open and takes the wheel', async () => {
    const page = await openArticle();
    const point = await markPoint(page, 'backstory-unit-8200');
    await page.mouse.move(point.x - 30, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    expect(await until(() => cardShown(page))).toBe(true);
    const inside = await page.evaluate(({ x, y }) => {
      for (let dy = 30; dy < 300; dy += 10) {
        const hit = document.elementFromPoint(x + 20, y + dy);
        if (hit && hit !== document.body && hit.parentElement === document.documentElement) return { x: x + 20, y: y + dy + 40 };
      }
      return null;
    }, point);
    expect(inside).not.toBeNull();
    await page.mouse.move(inside?.x ?? 0, inside?.y ?? 0, { steps: 6 });
    await sleep(200);
    const y0 = await page.evaluate(() => scrollY);
    await page.mouse.wheel({ deltaY: 120 });
    await sleep(500);
    expect(await page.evaluate(() => scrollY)).toBe(y0);
    expect(await cardShown(page)).toBe(true);
    await page.close();
  });

  it('after Escape a hover card stays closed while the pointer stays on the name, even moved 2px', async () => {
    const page = await openArticle();
    const point = await markPoint(page, 'backstory-azure');
    await page.mouse.move(point.x - 30, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    expect(await until(() => cardShown(page))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await until(async () => !(await cardShown(page)))).toBe(true);
    await page.mouse.move(point.x + 2, point.y);
    await sleep(800);
    expect(await cardShown(page)).toBe(false);
    // Leaving the name and coming back is a new hover.
    await page.mouse.move(point.x, point.y + 120, { steps: 3 });
    await sleep(100);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    expect(await until(() => cardShown(page))).toBe(true);
    await page.close();
  });

  it('Hide on this site: "Off on theguardian.com — Undo" with focus on Undo; Undo restores the marks and focus', async () => {
    const page = await openArticle();
    const marks = await markCount(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let i = 0; i < 6 && (await active(page)) !== 'link'; i++) await page.keyboard.press('Tab');
    expect(await active(page)).toBe('link');
    expect(await until(() => cardShown(page))).toBe(true);
    await page.keyboard.press('Tab'); // into the card
    // Close, Full summary, Hide on this site.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    if (name === 'chromium') expect(focusedName(await page.accessibility.snapshot({ interestingOnly: false }))).toBe('Hide on this site');
    await page.keyboard.press('Enter');
    // A failed run must not leave the site off for its retry (and the tests after it).
    onTestFailed(() => session.inExtension(`await api.storage.local.clear(); return true;`).then(() => undefined));
    expect(await until(async () => (await markCount(page)) === 0)).toBe(true);
    // The message is where the card was, focus on its Undo.
    expect(await active(page)).toBe('card-host');
    expect(await cardShown(page)).toBe(true);
    if (name === 'chromium') {
      const tree = await page.accessibility.snapshot({ interestingOnly: false });
      expect(focusedName(tree)).toBe('Undo');
      expect(JSON.stringify(tree)).toContain('Off on theguardian.com');
    }
    await page.keyboard.press('Enter');
    expect(await until(async () => (await markCount(page)) === marks, 5000)).toBe(true);
    expect(await active(page)).toBe('link');
    const stored = await session.inExtension<string[]>(`return (await api.storage.local.get('settings')).settings.disabledSites;`);
    expect(stored).toEqual([]);
    await page.close();
  });

  it('"open cards on click only": hovering opens nothing, a click opens the card', async () => {
    await session.inExtension(`const s = (await api.storage.local.get('settings')).settings ?? {}; await api.storage.local.set({ settings: { ...s, clickOnly: true } }); return true;`);
    try {
      const page = await openArticle();
      const point = await markPoint(page, 'backstory-unit-8200');
      await page.mouse.move(point.x - 30, point.y - 40);
      await page.mouse.move(point.x, point.y, { steps: 5 });
      await sleep(900);
      expect(await cardShown(page)).toBe(false);
      await page.mouse.click(point.x, point.y);
      expect(await until(() => cardShown(page))).toBe(true);
      await page.close();
    } finally {
      await session.inExtension(`await api.storage.local.clear(); return true;`);
    }
  });
});
