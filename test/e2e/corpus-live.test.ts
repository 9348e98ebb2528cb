/**
 * No stuck highlight after content changes, on real corpus pages (issue 7): once the marks are
 * there, page script removes some of the article's marked paragraphs, rewrites others (new text
 * nodes), edits the text of others in place (same node, name gone) and appends a paragraph with
 * names. Afterwards every highlight range still reads a name, sits in connected nodes, every mark
 * of an untouched block is still there, the new paragraph has its two marks, and nothing else is marked.
 *
 * Diagnosed (issue 11): the "fewer marks than expected" of the last round were the test's own doing,
 * not lost marks. On nytimes-1 the first `<article>` is a teaser with no long paragraph, so nothing was
 * seeded and the new paragraph went to `<body>`, outside the article, where Backstory rightly marks
 * nothing; the expected count also counted marks in blocks nested in rewritten or removed ones.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, settle, waitForMarks, type Session } from './harness';
import { launchCorpus } from './corpus-launch';
import { load, openTab } from './corpus-page';

/**
 * Real pages with their own markup: engadget names Microsoft itself; on the others page script
 * first appends a sentence with names to some of the article's paragraphs (a live site's update).
 */
const PAGES = ['engadget', 'nytimes-1', 'bbc-1', 'wikipedia'];

/**
 * Append a sentence naming Microsoft and Azure to up to 8 long paragraphs of the article: the
 * candidate container with the most long paragraphs (a page may open with teaser `<article>`s).
 */
function seed(page: Page): Promise<number> {
  return page.evaluate(() => {
    const long = (root: Element) => [...root.querySelectorAll('p')].filter((p) => (p.textContent ?? '').length > 120);
    const candidates = [...document.querySelectorAll('[itemprop="articleBody"], article, main, [role="main"]')];
    const root = candidates.reduce<Element>((best, c) => (long(c).length > long(best).length ? c : best), candidates[0] ?? document.body);
    const paragraphs = long(root).slice(0, 8);
    for (const p of paragraphs) p.append(document.createTextNode(' Microsoft said Azure hosted it.'));
    return paragraphs.length * 2;
  });
}

interface Ranges {
  total: number;
  /** Ranges whose text is not a name of its highlight, or whose nodes left the document. */
  bad: string[];
}

/** Every range in CSS.highlights checked against its highlight's name. */
function ranges(page: Page): Promise<Ranges> {
  return page.evaluate(() => {
    const NAME: Record<string, RegExp> = {
      'backstory-microsoft': /^(microsoft|mi[ck]ro[sz]oft)$/i,
      'backstory-azure': /^azure$/i,
      'backstory-unit-8200': /^(unit\s8200|8200)$/i,
    };
    let total = 0;
    const bad: string[] = [];
    for (const [name, highlight] of CSS.highlights as unknown as Iterable<[string, Set<Range>]>) {
      for (const range of highlight) {
        total++;
        const text = range.toString().replace(/\u00ad/g, '');
        const connected = range.startContainer.isConnected && range.endContainer.isConnected;
        if (!connected || !(NAME[name]?.test(text) ?? false)) bad.push(`${name}: "${text}"${connected ? '' : ' (disconnected)'}`);
      }
    }
    return { total, bad };
  });
}

/**
 * Change the page the way a live site does. Returns how many marks should be left: those in
 * blocks not touched, plus the two names of the appended paragraph.
 */
function rewrite(page: Page): Promise<number> {
  return page.evaluate(() => {
    const blocks: Element[] = [];
    for (const [, highlight] of CSS.highlights as unknown as Iterable<[string, Set<Range>]>) {
      for (const range of highlight) {
        const block = range.startContainer.parentElement?.closest('p, li, h1, h2, h3, td, figcaption, blockquote, div');
        if (block && !blocks.includes(block)) blocks.push(block);
      }
    }
    // The new paragraph goes beside a marked block: inside the article, whatever the page's layout.
    const anchor = blocks[blocks.length - 1]?.parentElement ?? document.body;
    const changed = blocks.filter((_, i) => i % 4 !== 3);
    /** A kept block is untouched only if no changed block holds it or sits in it. */
    const untouched = (block: Element) => !changed.some((c) => c.contains(block) || block.contains(c));
    const keptRanges: Array<[Node, number]> = [];
    for (const [, highlight] of CSS.highlights as unknown as Iterable<[string, Set<Range>]>) {
      for (const range of highlight) {
        const block = range.startContainer.parentElement?.closest('p, li, h1, h2, h3, td, figcaption, blockquote, div');
        if (block && blocks.indexOf(block) % 4 === 3 && untouched(block)) keptRanges.push([range.startContainer, range.startOffset]);
      }
    }
    blocks.forEach((block, i) => {
      if (i % 4 === 0) block.remove();
      else if (i % 4 === 1) block.textContent = (block.textContent ?? '').replace(/Microsoft|Azure|Unit\s8200/gi, 'Contoso');
      else if (i % 4 === 2) {
        const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          node.data = node.data.replace(/Microsoft|Azure|Unit\s8200/gi, 'Contoso');
        }
      }
    });
    const added = document.createElement('p');
    added.textContent = 'Later: Microsoft said Azure was not used for that.';
    anchor.append(added);
    (window as unknown as { __live: unknown }).__live = { keptRanges, added };
    return keptRanges.length + 2;
  });
}

describe.each(BROWSERS)('%s', (browser) => {
  let session: Session;
  beforeAll(async () => {
    session = await launchCorpus(browser, true);
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(PAGES)('leaves no stuck highlight on %s after its paragraphs change', async (slug) => {
    const page = await openTab(session);
    await load(page, session.url('www.theguardian.com', `/corpus/${slug}.html`));
    const seeded = slug === 'engadget' ? 1 : await seed(page);
    expect(seeded, 'paragraphs seeded').toBeGreaterThan(0);
    // The scope decides which seeded paragraphs are article text (on wikipedia one of the first eight
    // long paragraphs sits in a box the scope leaves out); what follows is asserted from the marks
    // actually made, so most of the seeded sentences must be marked, not all.
    await waitForMarks(page, Math.ceil(seeded / 2));
    await settle(page, 300);
    const before = await ranges(page);
    expect(before.total, 'seeded names marked').toBeGreaterThanOrEqual(Math.ceil(seeded / 2));
    expect(before.bad).toEqual([]);
    const left = await rewrite(page);
    await settle(page, 300);
    const after = await ranges(page);
    expect(after.bad).toEqual([]);
    const check = await page.evaluate(() => {
      const live = (window as unknown as { __live: { keptRanges: Array<[Node, number]>; added: Element } }).__live;
      const all: Range[] = [];
      for (const [, h] of CSS.highlights as unknown as Iterable<[string, Set<Range>]>) for (const r of h) all.push(r);
      const has = (n: Node, o: number) => all.some((r) => r.startContainer === n && r.startOffset === o);
      return {
        lost: live.keptRanges.filter(([n, o]) => !has(n, o)).map(([n, o]) => (n.textContent ?? '').slice(Math.max(0, o - 30), o + 30)),
        inAdded: all.filter((r) => live.added.contains(r.startContainer)).map((r) => r.toString()),
      };
    });
    expect(check.lost, 'marks of untouched blocks lost').toEqual([]);
    expect(check.inAdded, 'marks of the appended paragraph').toEqual(expect.arrayContaining(['Microsoft', 'Azure']));
    expect(check.inAdded).toHaveLength(2);
    expect(after.total).toBe(left);
    await page.close();
  });
});
