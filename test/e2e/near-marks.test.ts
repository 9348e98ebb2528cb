/**
 * A page with more marks than the painter registers at once (REGISTER_ALL, highlights.ts), with the built
 * extension on a default news host, in Chromium and Firefox: only the marks near the viewport are in
 * `CSS.highlights`, and every mark in view is registered in the frame that shows it, under real wheel
 * scrolling, keys that jump (End, Home, Page Down), a page script's jump and the "show" command. Counts,
 * commands and the card still cover every mark, and the page still cannot steer a registered copy.
 *
 * "In the frame that shows it": a probe in the page's animation-frame callbacks, which run after the
 * frame's scroll events and before it is painted, lists every named paragraph inside the viewport whose
 * name is not registered.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, messageTab, pageErrors, waitFor, type Session } from './harness';

const HOST = 'www.theguardian.com';
const PATH = '/near/long.html';
/** Named paragraphs: 600 marks (Microsoft and Azure in each), three times REGISTER_ALL. */
const NAMED = 300;
/** More named paragraphs, first, inside an element scroller 300 px tall (~4,000 px of content). */
const BOXED = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** About the story (so every mention is marked), ~30,000 px tall: each named paragraph between two without a name. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live: cloud contracts</title>
<style>body{margin:0;font:18px/1.6 Georgia,serif} main{max-width:640px;margin:40px auto;padding:0 24px}</style></head>
<body><main><article><h1>Live: cloud contracts</h1>
<p>Updates as they come in on the Israeli military's cloud contracts and the surveillance of Gaza.</p>
<div id="box" style="height:300px;overflow:auto;border:1px solid">${Array.from(
  { length: BOXED },
  (_, i) => `<p class="n" id="s${i}">Microsoft said Azure ran the system, boxed ${i}.</p><p>The committee adjourned.</p>`,
).join('')}</div>
${Array.from(
  { length: NAMED },
  (_, i) => `<p>Entry ${i}: the hearing went on with more questions.</p><p class="n" id="n${i}">Microsoft said Azure ran the system, update ${i}.</p><p>The committee adjourned for the day.</p>`,
).join('\n')}
<p id="g">Google said nothing about the contract at all that day.</p>
</article></main></body></html>`;

/** What is registered now: how many Microsoft copies, named paragraphs in view without one, and copies far from the viewport. */
const snapshot = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('backstory-microsoft');
    const ranges = h ? ([...h] as Range[]) : [];
    const registered = new Set(ranges.map((r) => r.startContainer));
    const missing: string[] = [];
    for (const el of document.querySelectorAll('p.n')) {
      const b = el.getBoundingClientRect();
      if (b.bottom > 0 && b.top < innerHeight && !registered.has(el.firstChild as Node)) missing.push(el.id);
    }
    // The painter's margin is one viewport on each side; a little more for the paragraph's own height.
    const far = ranges.filter((r) => {
      const b = r.getBoundingClientRect();
      return b.top > 2.2 * innerHeight || b.bottom < -1.2 * innerHeight;
    }).length;
    return { registered: ranges.length, texts: [...new Set(ranges.map((r) => r.toString()))], missing, far };
  });

/** Start the per-frame probe (see the header). */
const startProbe = (page: Page) =>
  page.evaluate(() => {
    const probe = { frames: 0, misses: [] as string[], tops: new Set<number>(), stop: false };
    (window as unknown as { __probe: typeof probe }).__probe = probe;
    const tick = () => {
      if (probe.stop) return;
      probe.frames++;
      probe.tops.add(Math.round(scrollY));
      const h = CSS.highlights.get('backstory-microsoft');
      const registered = new Set<Node>();
      if (h) for (const r of h as unknown as Iterable<Range>) registered.add(r.startContainer);
      for (const el of document.querySelectorAll('p.n')) {
        const b = el.getBoundingClientRect();
        if (b.bottom > 0 && b.top < innerHeight && !registered.has(el.firstChild as Node)) probe.misses.push(`${el.id} at scrollY ${Math.round(scrollY)}`);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

const stopProbe = (page: Page) =>
  page.evaluate(() => {
    const probe = (window as unknown as { __probe: { frames: number; misses: string[]; tops: Set<number>; stop: boolean } }).__probe;
    probe.stop = true;
    return { frames: probe.frames, misses: probe.misses.slice(0, 10), missCount: probe.misses.length, positions: probe.tops.size };
  });

/** Two animation frames: the observer's answer for the last one has come. */
const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

describe.each(BROWSERS)('%s', (name) => {
  let session: Session;
  let page: Page;
  const counts = () => messageTab<Record<string, number>>(session, session.url(HOST, PATH), { type: 'getCounts', payload: {} });

  beforeAll(async () => {
    session = await launch(name);
    session.server.route(PATH, PAGE);
    page = await session.open(HOST, PATH);
    // The first message opens the extension page that sends it, in front: a tab in the background gets
    // no animation frames, so the page comes back to the front (later messages leave it there).
    // (The content script may not answer yet: asked again below.)
    await counts().catch(() => undefined);
    await page.bringToFront();
    await waitFor(async () => (await counts().catch(() => null))?.microsoft === NAMED + BOXED, 30_000, `${NAMED + BOXED} Microsoft marks counted`);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });

  it('registers only the marks near the viewport, while the counts hold every mark', async () => {
    expect(await counts()).toEqual({ microsoft: NAMED + BOXED, azure: NAMED + BOXED, 'unit-8200': 0 });
    await frames(page);
    const now = await snapshot(page);
    expect(now.missing).toEqual([]);
    expect(now.far).toBe(0);
    expect(now.texts).toEqual(['Microsoft']);
    expect(now.registered).toBeGreaterThan(0);
    // ~30,000 px of page, ~3 viewports registered: a small share.
    expect(now.registered).toBeLessThan(NAMED / 4);
  });

  it('under real wheel scrolling and jumping keys, every mark in view is registered in the frame that shows it', async () => {
    // From the top, the scroller at its start (a retry starts where the last attempt left them).
    await page.evaluate(() => {
      scrollTo(0, 0);
      (document.getElementById('box') as HTMLElement).scrollTop = 0;
    });
    await frames(page);
    await frames(page);
    await startProbe(page);
    // The element scroller first: wheel over it, then a script's jump to its end.
    const box = await page.evaluate(() => {
      const r = (document.getElementById('box') as HTMLElement).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.move(box.x, box.y);
    for (let i = 0; i < 10; i++) {
      await page.mouse.wheel({ deltaY: 200 });
      await sleep(20);
    }
    await page.evaluate(() => {
      const el = document.getElementById('box') as HTMLElement;
      el.scrollTop = el.scrollHeight;
    });
    await frames(page);
    const inBox = await page.evaluate(() => (document.getElementById('box') as HTMLElement).scrollTop);
    expect(inBox).toBeGreaterThan(3000);
    await page.mouse.move(8, 450);
    for (let i = 0; i < 30; i++) {
      await page.mouse.wheel({ deltaY: 450 });
      await sleep(20);
    }
    await sleep(300);
    // Keys go to the page: the focus on its body, by a click in the empty margin.
    await page.mouse.click(8, 450);
    for (const key of ['End', 'Home', 'PageDown', 'PageDown', 'End'] as const) {
      await page.keyboard.press(key);
      await sleep(400);
    }
    // A page script's jump to the middle.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
    await frames(page);
    const probe = await stopProbe(page);
    expect(probe.misses, `${probe.missCount} misses in ${probe.frames} frames`).toEqual([]);
    expect(probe.frames).toBeGreaterThan(20);
    // It did scroll, far: many positions, and the marks registered now are those of the middle.
    expect(probe.positions).toBeGreaterThan(10);
    const now = await snapshot(page);
    expect(now.far).toBe(0);
    expect(now.missing).toEqual([]);
    expect(pageErrors.get(page)).toEqual([]);
  }, 60_000);

  it('the "show" command scrolls to a far mark, registered in the frame it appears, and a hover on it opens the card', async () => {
    await page.evaluate(() => scrollTo(0, 0));
    await frames(page);
    await startProbe(page);
    const shown = await messageTab<boolean>(session, session.url(HOST, PATH), { type: 'showMention', payload: { entityId: 'microsoft', index: BOXED + 250 } });
    expect(shown).toBe(true);
    await frames(page);
    const probe = await stopProbe(page);
    expect(probe.misses).toEqual([]);
    const selected = await page.evaluate(() => {
      const s = document.getSelection();
      const node = s && s.rangeCount ? s.getRangeAt(0).startContainer : null;
      return { text: s?.toString(), id: node?.parentElement?.id };
    });
    expect(selected).toEqual({ text: 'Microsoft', id: 'n250' });
    await page.keyboard.press('Escape');
    await page.mouse.click(8, 8);
    // A real hover over that name: found through the registry (highlightsFromPoint) or the caret.
    const box = await page.evaluate(() => {
      const node = document.getElementById('n250')?.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 9);
      const r = range.getClientRects()[0] as DOMRect;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, bottom: r.bottom };
    });
    await page.mouse.move(box.x - 60, box.y);
    await page.mouse.move(box.x, box.y, { steps: 4 });
    await waitFor(
      () =>
        page.evaluate((y) => {
          const el = document.elementFromPoint(innerWidth / 2, Math.min(innerHeight - 5, y + 60));
          return el !== null && el.parentElement?.localName === 'html' && el.localName !== 'body';
        }, box.bottom),
      4000,
      'the card over the hovered mark',
    );
    await page.keyboard.press('Escape');
    await page.mouse.move(8, 8);
  }, 30_000);

  it('a registered copy moved onto other text, or the registry cleared, opens no card there and is repaired', async () => {
    const google = await page.evaluate(() => {
      const g = document.getElementById('g') as HTMLElement;
      g.scrollIntoView({ block: 'center' });
      const r = g.getBoundingClientRect();
      return { x: r.left + 25, y: r.top + r.height / 2 };
    });
    await frames(page);
    await frames(page);
    const before = await snapshot(page);
    expect(before.registered).toBeGreaterThan(0);
    for (const attack of [
      `(() => { const r = [...CSS.highlights.get('backstory-microsoft')].pop(); const t = document.getElementById('g').firstChild; r.setStart(t, 0); r.setEnd(t, 6); })()`,
      `CSS.highlights.clear()`,
    ]) {
      await page.evaluate(attack);
      await page.mouse.move(google.x - 20, google.y);
      await page.mouse.move(google.x, google.y, { steps: 3 });
      await sleep(900);
      const opened = await page.evaluate((y) => {
        const el = document.elementFromPoint(innerWidth / 2, y + 60);
        return el !== null && el.parentElement?.localName === 'html' && el.localName !== 'body';
      }, google.y);
      expect(opened, attack).toBe(false);
      // Repaired at the next use (the pointer's hit test above was one).
      await waitFor(async () => {
        const now = await snapshot(page);
        return now.registered === before.registered && now.texts.join() === 'Microsoft' && now.missing.length === 0;
      }, 3000, `repair after ${attack}`);
      await page.mouse.move(8, 8);
    }
    expect(pageErrors.get(page)).toEqual([]);
  }, 30_000);
});
