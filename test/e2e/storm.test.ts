/**
 * Inputs that used to take superlinear time (issue 11), with the built extension on a default news
 * host in Chromium and Firefox: every mention must still be marked, exactly. Their cost is measured
 * in `npm run bench` (doubling ratios), never asserted here.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, messageTab, readMarks, settle, waitFor, type MarkInfo, type Session } from './harness';

const HOST = 'www.theguardian.com';

/** A page about the story (its own words: the Israeli military, Gaza, surveillance), so the default
 * "automatic" mode marks every mention, not only the first of each name. */
function shell(body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live: cloud contracts</title></head>
<body><main><article><h1>Live: cloud contracts</h1><p>Updates as they come in on the Israeli military's cloud contracts and the surveillance of Gaza.</p>${body}</article></main>${script}</body></html>`;
}

/**
 * 20,000 paragraphs appended one by one in one task after load; every 50th (2%) names Microsoft and
 * Azure. Before the fix the changed-block collection compared every pair of blocks (25 s here).
 */
const STORM = shell(
  '',
  `<script>addEventListener('load', () => setTimeout(() => {
    const article = document.querySelector('article');
    for (let i = 0; i < 20000; i++) {
      const p = document.createElement('p');
      p.textContent = i % 50 === 7
        ? 'Update ' + i + ': Microsoft and Azure were named in the filing.'
        : 'Update ' + i + ': the hearing continued with more questions from the committee.';
      article.appendChild(p);
    }
    window.__appended = true;
  }, 50));</script>`,
);

/**
 * One paragraph of 3,000 names, each followed by a zero-width space, ~200,000 characters: one block
 * longer than the matcher's window, with invisible characters to map back (hits × removed characters before).
 */
const LONG_BLOCK = shell(`<p id="long">${Array.from({ length: 3000 }, (_, i) => `item ${i} Microsoft\u200B said and Azure\u200B cloud ran it; `).join('')}</p>`);

const count = (marks: MarkInfo[], name: string) => marks.find((m) => m.name === name)?.texts.length ?? 0;

async function settled(page: Page, expected: number, timeout: number): Promise<MarkInfo[]> {
  const started = Date.now();
  let marks = await readMarks(page);
  while (Date.now() - started < timeout) {
    marks = await settle(page, 500, timeout);
    const total = count(marks, 'backstory-microsoft') + count(marks, 'backstory-azure');
    if (total >= expected) return marks;
  }
  return marks;
}

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('marks every mention of a 20,000-paragraph append storm', async () => {
    session.server.route('/storm/append.html', STORM);
    const page = await session.open(HOST, '/storm/append.html');
    await page.waitForFunction(() => (window as unknown as { __appended?: boolean }).__appended === true, { timeout: 60_000 });
    // 800 marks: more than the painter registers at once (REGISTER_ALL, highlights.ts), so the content
    // script's counts (the badge's and the popup's) hold them all, and CSS.highlights those near the viewport.
    const counts = () => messageTab<Record<string, number>>(session, session.url(HOST, '/storm/append.html'), { type: 'getCounts', payload: {} });
    // The first message opens the extension page that sends it, in front; the page comes back to the
    // front, as a tab in the background gets no animation frames (the live rescan runs in one).
    await counts().catch(() => undefined);
    await page.bringToFront();
    await waitFor(async () => { const c = await counts().catch(() => null); return (c?.microsoft ?? 0) + (c?.azure ?? 0) >= 800; }, 60_000, '800 marks counted').catch(() => undefined);
    expect(await counts()).toEqual({ microsoft: 400, azure: 400, 'unit-8200': 0 });
    // Every registered range, at the top and at the end of the page, is a name in a paragraph the page
    // wrote one into, and each such paragraph in view has both.
    const registered = () =>
      page.evaluate(() => {
        const hits = new Map<Text, number>();
        CSS.highlights.forEach((highlight) =>
          highlight.forEach((range) => {
            const node = (range as Range).startContainer as Text;
            if ((range as Range).toString() === ['Microsoft', 'Azure'][hits.get(node) ?? 0]) hits.set(node, (hits.get(node) ?? 0) + 1);
            else hits.set(node, -100);
          }),
        );
        const wrong = [...hits.entries()].filter(([node, n]) => n !== 2 || !/^Update \d+: Microsoft and Azure/.test(node.data)).length;
        const inView = [...document.querySelectorAll('p')].filter((p) => {
          const b = p.getBoundingClientRect();
          return b.bottom > 0 && b.top < innerHeight && /^Update \d+: Microsoft/.test(p.textContent ?? '');
        });
        const unmarked = inView.filter((p) => hits.get(p.firstChild as Text) !== 2).length;
        return { marked: hits.size, wrong, inView: inView.length, unmarked };
      });
    const top = await registered();
    // A page script's jump to the last paragraph with a name, 20,000 paragraphs down.
    await page.evaluate(() => [...document.querySelectorAll('p')].filter((p) => /Microsoft/.test(p.textContent ?? '')).pop()?.scrollIntoView({ block: 'center' }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const end = await registered();
    for (const at of [top, end]) {
      expect(at.wrong).toBe(0);
      expect(at.unmarked).toBe(0);
      expect(at.marked).toBeGreaterThan(0);
    }
    expect(end.inView).toBeGreaterThan(0);
    await page.close();
  }, 180_000);

  it('marks every name in one 200,000-character block full of zero-width spaces, with exact ranges', async () => {
    session.server.route('/storm/long.html', LONG_BLOCK);
    const page = await session.open(HOST, '/storm/long.html');
    const marks = await settled(page, 6000, 60_000);
    expect(count(marks, 'backstory-microsoft')).toBe(3000);
    expect(count(marks, 'backstory-azure')).toBe(3000);
    expect(new Set(marks.flatMap((m) => m.texts))).toEqual(new Set(['Microsoft', 'Azure']));
    // Each range sits where the page wrote the name: "item N " before each Microsoft.
    const misplaced = await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('backstory-microsoft') ?? [])] as Range[];
      ranges.sort((a, b) => a.startOffset - b.startOffset);
      return ranges.filter((r, i) => !r.startContainer.textContent?.slice(0, r.startOffset).endsWith(`item ${i} `)).length;
    });
    expect(misplaced).toBe(0);
    await page.close();
  }, 180_000);
});
