/**
 * The card in real Chromium and Firefox with the built extension: hover, Escape, the keyboard command,
 * touch on a linked name, untrusted events, a strict page CSP, right to left, light and dark, axe.
 *
 * The card's shadow root is closed, so from the page we observe it the way a page would: the one host
 * element, and what `elementFromPoint` hits (a closed root retargets hits to its host). Chromium's
 * accessibility tree (CDP) does see inside, and is used for the dialog's name and links; Firefox has
 * no CDP, so there the same component is audited in a page of its own (see card-axe-page.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import type { Page, SerializedAXNode } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, markPoint, messageTab, pageErrors, readMarks, settle, waitForMarks, type Session } from './harness';
import { ROOT } from './server';

const ARTICLE = '/fixtures/card-article.html';
const HOST = 'www.theguardian.com';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Point = { x: number; y: number };

/** The mark's first line box, scrolled into view. */
async function markBox(page: Page, name: string, n = 0): Promise<{ x: number; y: number; left: number; right: number; bottom: number }> {
  await markPoint(page, name, n);
  return page.evaluate(
    (highlight, index) => {
      const ranges = [...(CSS.highlights.get(highlight) ?? [])] as Range[];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[index];
      const r = range?.getClientRects()[0];
      if (!range || !r) throw new Error('no rect');
      // Edges from the whole range: in RTL text "الوحدة 8200" is two bidi runs, each its own rect.
      const all = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: all.left, right: all.right, bottom: all.bottom };
    },
    name,
    n,
  );
}

/** The card's host: a plain div under <html> (no page can own a built-in element, see card-host.ts). */
const HOST_SELECTOR = ':root > div';
const hostCount = (page: Page) => page.evaluate((sel) => document.querySelectorAll(sel).length, HOST_SELECTOR);

/** Whether the card covers the point, as the page sees it (hits inside a closed root land on the host). */
const cardAt = (page: Page, p: Point) =>
  page.evaluate(({ x, y }) => { const el = document.elementFromPoint(x, y); return el?.localName === 'div' && el.parentElement?.localName === 'html'; }, p);

/** The card's horizontal extent along row `y`, found by hit-testing (the page cannot measure inside). */
async function cardSpan(page: Page, y: number): Promise<{ left: number; right: number } | null> {
  return page.evaluate((row) => {
    let left = -1;
    let right = -1;
    for (let x = 0; x < innerWidth; x += 2) {
      const el = document.elementFromPoint(x, row);
      if (el?.localName === 'div' && el.parentElement?.localName === 'html') {
        if (left < 0) left = x;
        right = x;
      }
    }
    return left < 0 ? null : { left, right };
  }, y);
}

async function waitFor(check: () => Promise<boolean>, timeout = 3000): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    if (await check()) return true;
    await sleep(50);
  }
  return check();
}

/** Hover a mark with the real mouse, from a little below it, and wait for the card under it. */
async function hover(page: Page, name: string, n = 0): Promise<{ box: Awaited<ReturnType<typeof markBox>>; probe: Point }> {
  const box = await markBox(page, name, n);
  await page.mouse.move(box.x - 30, box.y - 40);
  await page.mouse.move(box.x, box.y, { steps: 5 });
  // Below the line (or above it, if flipped): somewhere the card must cover once open.
  const below = { x: box.left + 24, y: box.bottom + 40 };
  const above = { x: box.left + 24, y: box.y - 60 };
  const opened = await waitFor(async () => (await cardAt(page, below)) || (await cardAt(page, above)));
  expect(opened, `card opened for ${name}`).toBe(true);
  return { box, probe: (await cardAt(page, below)) ? below : above };
}

function findAll(node: SerializedAXNode | null, role: string, out: SerializedAXNode[] = []): SerializedAXNode[] {
  if (!node) return out;
  if (node.role === role) out.push(node);
  for (const child of node.children ?? []) findAll(child, role, out);
  return out;
}

async function markOrder(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all: Range[] = [];
    CSS.highlights.forEach((h) => h.forEach((r) => all.push(r as Range)));
    all.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return all.map((r) => `${r.startContainer.parentElement?.id ?? ''}:${r.toString()}`);
  });
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });

  async function openArticle(path = ARTICLE): Promise<Page> {
    const page = await session.open(HOST, path);
    // The first mark first: on a loaded machine the scan may not have painted within settle's quiet time.
    await waitForMarks(page);
    await settle(page);
    expect((await readMarks(page)).length).toBeGreaterThan(0);
    return page;
  }

  it('adds nothing to the page until a card opens, then exactly one host under <html>', async () => {
    const page = await openArticle();
    const before = await page.evaluate(() => ({ html: document.documentElement.children.length, body: document.body.innerHTML }));
    expect(await hostCount(page)).toBe(0);
    await hover(page, 'backstory-unit-8200');
    const after = await page.evaluate(() => ({
      html: document.documentElement.children.length,
      body: document.body.innerHTML,
      parent: document.querySelector(':root > div')?.parentElement?.localName,
      shadow: (document.querySelector(':root > div') as HTMLElement | null)?.shadowRoot ?? null,
    }));
    expect(after.html).toBe(before.html + 1);
    expect(after.body).toBe(before.body);
    expect(after.parent).toBe('html');
    expect(after.shadow).toBeNull(); // closed
    expect(await hostCount(page)).toBe(1);
    expect(pageErrors.get(page)).toEqual([]);
    await page.close();
  });

  it('opens nothing on synthetic (untrusted) page events', async () => {
    const page = await openArticle();
    const box = await markBox(page, 'backstory-microsoft');
    await page.evaluate(({ x, y }) => {
      const target = document.elementFromPoint(x, y) ?? document.body;
      const init = { bubbles: true, composed: true, clientX: x, clientY: y };
      for (const type of ['pointermove', 'pointerover', 'mousemove', 'mouseover', 'pointerdown', 'pointerup', 'click']) {
        const event = type.startsWith('pointer') ? new PointerEvent(type, { ...init, pointerType: 'mouse' }) : new MouseEvent(type, init);
        target.dispatchEvent(event);
      }
      document.getElementById('link')?.focus();
      document.getElementById('link')?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    }, box);
    await sleep(900);
    expect(await hostCount(page)).toBe(0);
    await page.close();
  });

  it('hover opens a card beside the line; the pointer can move into it; Escape closes it', async () => {
    const page = await openArticle();
    const { box, probe } = await hover(page, 'backstory-unit-8200');
    // Not over the hovered line.
    expect(await cardAt(page, { x: box.x, y: box.y })).toBe(false);
    // Travel into the card across the gap, and rest there: it stays.
    await page.mouse.move(probe.x, probe.y, { steps: 6 });
    await sleep(900);
    expect(await cardAt(page, probe)).toBe(true);
    if (name === 'chromium') {
      const tree = await page.accessibility.snapshot({ interestingOnly: true });
      const dialogs = findAll(tree, 'dialog');
      expect(dialogs.map((d) => d.name)).toEqual([expect.stringContaining('Unit 8200')]);
      const links = findAll(dialogs[0] ?? null, 'link');
      expect(links.length).toBeGreaterThan(0);
      expect(findAll(dialogs[0] ?? null, 'heading').map((h) => h.name)).toContain('Unit 8200');
    }
    await page.keyboard.press('Escape');
    expect(await waitFor(async () => !(await cardAt(page, probe)), 1500)).toBe(true);
    await page.close();
  });

  it('a hover card closes after the pointer leaves, not before', async () => {
    const page = await openArticle();
    const { probe } = await hover(page, 'backstory-azure');
    await page.mouse.move(5, 5, { steps: 3 });
    await sleep(120);
    expect(await cardAt(page, probe)).toBe(true); // grace period to reach the card
    expect(await waitFor(async () => !(await cardAt(page, probe)), 2000)).toBe(true);
    await page.close();
  });

  it('the keyboard command reaches every mention in order, selects it and opens its card', async () => {
    const prefix = session.url(HOST, ARTICLE);
    // The command goes to one tab of this address: close any that an earlier test left open.
    for (const old of await session.browser.pages()) if (old.url().startsWith(prefix)) await old.close();
    const page = await openArticle();
    await page.evaluate(() => window.scrollTo(0, 0));
    const order = await markOrder(page);
    expect(order.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    for (let i = 0; i <= order.length; i++) {
      const ok = await messageTab<boolean>(session, prefix, { type: 'stepMention', payload: { direction: 1 } });
      expect(ok).toBe(true);
      const state = await page.evaluate(() => {
        const sel = document.getSelection();
        const range = sel && sel.rangeCount ? sel.getRangeAt(0) : null;
        const rect = range?.getBoundingClientRect();
        return {
          key: range ? `${range.startContainer.parentElement?.id ?? ''}:${range.toString()}` : '',
          focusInCard: document.activeElement?.localName === 'div' && document.activeElement.parentElement?.localName === 'html',
          visible: rect ? rect.top >= 0 && rect.bottom <= innerHeight : false,
        };
      });
      expect(state.focusInCard).toBe(true);
      expect(state.visible).toBe(true);
      seen.push(state.key);
    }
    // In document order, then wrapping round to the first.
    expect(seen).toEqual([...order, order[0]]);
    const back = await messageTab<boolean>(session, prefix, { type: 'stepMention', payload: { direction: -1 } });
    expect(back).toBe(true);
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(order.at(-1)?.split(':')[1]);
    // Escape closes the card; the reader's place (the selection) stays.
    await page.keyboard.press('Escape');
    await sleep(200);
    expect(await page.evaluate(() => { const a = document.activeElement; return a?.localName === 'div' && a.parentElement?.localName === 'html'; })).toBe(false);
    expect(await page.evaluate(() => document.getSelection()?.toString())).toBe(order.at(-1)?.split(':')[1]);
    await page.close();
  });

  it('touch: the first tap on a linked name opens the card, the second follows the link', async () => {
    const page = await openArticle();
    const box = await markBox(page, 'backstory-microsoft', 1);
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('a')?.id, box)).toBe('link');
    await page.touchscreen.tap(box.x, box.y);
    const below = { x: box.left + 24, y: box.bottom + 40 };
    const above = { x: box.left + 24, y: box.y - 60 };
    expect(await waitFor(async () => (await cardAt(page, below)) || (await cardAt(page, above)))).toBe(true);
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.touchscreen.tap(box.x, box.y);
    expect(await waitFor(async () => (await page.evaluate(() => location.hash)) === '#followed')).toBe(true);
    await page.close();
  });

  it('renders the card styled under a strict page CSP (default-src none)', async () => {
    const page = await openArticle('/fixtures/card-csp.html');
    const { probe } = await hover(page, 'backstory-unit-8200');
    // Styled: about 380px wide and placed by floating-ui; unstyled it would be a bare popover box.
    const span = await cardSpan(page, probe.y);
    expect(span).not.toBeNull();
    const width = (span?.right ?? 0) - (span?.left ?? 0);
    expect(width).toBeGreaterThan(340);
    expect(width).toBeLessThan(400);
    await page.screenshot({ path: `/tmp/card-${name}-csp.png` });
    await page.close();
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`screenshot: ${dir}, ${theme}`, async () => {
        const page = await openArticle(dir === 'rtl' ? '/fixtures/card-rtl.html' : ARTICLE);
        if (theme === 'dark') await page.evaluate(() => document.body.classList.add('dark'));
        const { box, probe } = await hover(page, 'backstory-unit-8200');
        await sleep(300); // past the 140 ms fade-in
        await page.screenshot({ path: `/tmp/card-${name}-${dir}-${theme}.png` });
        const span = await cardSpan(page, probe.y);
        // The card starts at the name's reading edge: left on LTR pages, right on RTL pages.
        if (dir === 'ltr') expect(Math.abs((span?.left ?? 0) - box.left)).toBeLessThan(12);
        else expect(Math.abs((span?.right ?? 0) - box.right)).toBeLessThan(12);
        await page.close();
      });
    }
  }

  describe('axe-core on the card component (same markup and CSS, open shadow root)', () => {
    let script = '';
    const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    beforeAll(async () => {
      const built = await esbuild.build({
        entryPoints: [resolve(ROOT, 'test/e2e/card-axe-page.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        loader: { '.css': 'text' },
        jsx: 'automatic',
        jsxImportSource: 'preact',
        logLevel: 'silent',
      });
      script = built.outputFiles[0]?.text ?? '';
    });

    for (const [theme, locale] of [
      ['light', 'en'],
      ['dark', 'en'],
      ['light', 'ar'],
      ['dark', 'he'],
    ] as const) {
      it(`no violations: ${theme}, ${locale}`, async () => {
        const path = `/card-axe-${name}.html`;
        session.server.route(
          path,
          `<!doctype html><html><head><meta charset="utf-8"><title>Card audit</title></head><body><script>${script.replace(/<\/script/gi, '<\\/script')}</script></body></html>`,
        );
        const page = await session.browser.newPage();
        await page.goto(`${session.url('audit.example', path)}#entity=microsoft&theme=${theme}&locale=${locale}&published=2025-08-10`);
        await page.waitForFunction(() => (globalThis as { cardReady?: boolean }).cardReady === true);
        await page.evaluate(axeSource);
        const result = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[]; passes: unknown[] }> } }).axe;
          const r = await axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
            // Page-level rules about the test page itself (landmarks, an h1), not about the card.
            rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
          });
          return { violations: r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target) })), passes: r.passes.length };
        });
        expect(result.violations).toEqual([]);
        expect(result.passes).toBeGreaterThan(10);
        await page.screenshot({ path: `/tmp/card-${name}-axe-${theme}-${locale}.png` });
        await page.close();
      });
    }
  });
});
