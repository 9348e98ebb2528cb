// @vitest-environment happy-dom
/**
 * The scope decision read in slices (scope.ts ScopeReading, as the scanner drives it): the same
 * decision as in one go, however finely it is cut; a page that removes the part being read while the
 * read is paused gets a fresh read; a caller that gives up gets null; an article inserted during the
 * decision makes the scanner decide again.
 */
import { describe, expect, it } from 'vitest';
import { entityAliases, otherNames } from '../../src/data/aliases';
import { compileMatcher } from '../../src/detect';
import { Scanner } from '../../src/content/scanner';
import { findScopeRoots, ScopeReading, skipsSubtree } from '../../src/content/scope';
import { SegmentWalker } from '../../src/content/segments';

const prose = (n: number, word = 'text') =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of the ${word}, with a clause, another clause, and a sentence that runs on for a while as prose does.</p>`).join('');
const links = (n: number, label = 'Other story') => `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="/s${i}">${label} ${i}</a></li>`).join('')}</ul>`;

const PAGE =
  `<div class="top">${links(30, 'Section')}</div><h1>The headline</h1>` +
  `<div id="story">${prose(40)}<div class="share">Share on <a href="/f">Facebook</a></div>` +
  `<div class="grid">${links(12, 'Teaser')}</div></div>` +
  `<aside>${links(20, 'Most read')}</aside><div class="x3">Copyright line of the site</div>`;

/** The text the scanner would read with these roots (and the decision's exclusions). */
function scanned(roots: readonly Element[]): string[] {
  const out: string[] = [];
  for (const root of roots) {
    new SegmentWalker(root).next(() => false, (segment) => {
      if (segment.text.trim()) out.push(segment.text.trim());
    });
  }
  return out;
}

/** The scanner's loop (scanner.ts scanAll): read, pause, again; null if the caller gave up. */
async function findScopeRootsInSlices(doc: Document, overdue: () => boolean, pause: () => Promise<boolean>): Promise<Element[] | null> {
  const reading = new ScopeReading(doc);
  while (reading.read(overdue)) if (await pause()) return null;
  return reading.roots();
}

/** Every slice ends after the reader's first deadline check (64 nodes); counts the pauses. */
function slicer(onPause: (n: number) => boolean | void = () => undefined) {
  let pauses = 0;
  return {
    overdue: () => true,
    pause: async () => {
      pauses++;
      await Promise.resolve();
      return onPause(pauses) === true;
    },
    pauses: () => pauses,
  };
}

describe('ScopeReading', () => {
  it('decides as in one go when cut every 64 nodes, and really is cut', async () => {
    document.body.innerHTML = PAGE;
    const whole = scanned(findScopeRoots(document));
    const s = slicer();
    const roots = await findScopeRootsInSlices(document, s.overdue, s.pause);
    expect(roots).not.toBeNull();
    expect(scanned(roots as Element[])).toEqual(whole);
    expect(whole[0]).toBe('The headline');
    expect(whole.some((t) => /Section|Teaser|Most read|Copyright/.test(t))).toBe(false);
    // ~300 elements and text nodes: several slices, not one.
    expect(s.pauses()).toBeGreaterThan(3);
  });

  it('hands over the roots without a pause when the read ends in its first slice (a synchronous scan)', () => {
    document.body.innerHTML = PAGE;
    const reading = new ScopeReading(document);
    expect(reading.read(() => false)).toBe(false);
    expect(scanned(reading.roots())).toEqual(scanned(findScopeRoots(document)));
  });

  it('gives up with null when the caller stops during a pause (the current decision stands)', async () => {
    document.body.innerHTML = PAGE;
    findScopeRoots(document);
    const grid = document.querySelector('.grid') as Element;
    expect(skipsSubtree(grid)).toBe(true);
    const s = slicer((n) => n === 2);
    expect(await findScopeRootsInSlices(document, s.overdue, s.pause)).toBeNull();
    expect(s.pauses()).toBe(2);
    // The exclusions of the last finished decision still apply.
    expect(skipsSubtree(grid)).toBe(true);
  });

  it('reads again when the page removes the part being read while paused, and decides on the page as it is', async () => {
    document.body.innerHTML = `<div id="old">${prose(100, 'old story')}</div>`;
    const s = slicer((n) => {
      // After the first slice the reader stands inside #old: the page replaces it (a single-page app).
      if (n === 1) document.body.innerHTML = `<h1>New</h1><div id="new">${prose(8, 'new story')}</div>`;
    });
    const roots = await findScopeRootsInSlices(document, s.overdue, s.pause);
    const text = scanned(roots as Element[]);
    expect(text.filter((t) => t.includes('new story'))).toHaveLength(8);
    expect(text.some((t) => t.includes('old story'))).toBe(false);
    expect(text[0]).toBe('New');
  });

  it('still ends on a page that keeps replacing itself at every pause (the read is finished in one go)', async () => {
    let round = 0;
    document.body.innerHTML = `<div>${prose(100, 'round 0')}</div>`;
    const s = slicer(() => {
      round++;
      document.body.innerHTML = `<div>${prose(100, `round ${round}`)}</div>`;
    });
    const roots = await findScopeRootsInSlices(document, s.overdue, s.pause);
    expect(roots).not.toBeNull();
    expect(scanned(roots as Element[]).filter((t) => t.includes(`round ${round},`))).toHaveLength(100);
    expect(s.pauses()).toBeLessThan(10);
  });
});

describe('Scanner: the decision and the page at once', () => {
  const matcher = compileMatcher(entityAliases, otherNames);

  it('decides again when an article is inserted while the decision is being read', async () => {
    // A long page of headline links (no article yet): the decision takes many slices.
    document.body.innerHTML = `<div id="front">${links(400, 'Headline')}</div>`;
    const scanner = new Scanner(document, matcher, 0);
    const done = scanner.scanAll(new AbortController().signal);
    // The page inserts its article between two slices of the decision (after the reader went past).
    const article = document.createElement('article');
    article.innerHTML = `<h1>Story</h1>${prose(6)}<p id="name">Microsoft stored the recordings on Azure, the reports said, in detail.</p>`;
    document.body.prepend(article);
    expect(scanner.rescan([], [article], false)).toBe(true);
    await done;
    expect(scanner.scopeRoots().some((r) => r === article || article.contains(r) || r.contains(article))).toBe(true);
    expect(scanner.list().map((m) => m.range.toString())).toContain('Microsoft');
  });

  it('without the insertion the same page has no article (so the test above can fail)', async () => {
    document.body.innerHTML = `<div id="front">${links(400, 'Headline')}</div>`;
    const scanner = new Scanner(document, matcher, 0);
    await scanner.scanAll(new AbortController().signal);
    const article = document.createElement('article');
    article.innerHTML = `<h1>Story</h1>${prose(6)}<p id="name">Microsoft stored the recordings on Azure, the reports said, in detail.</p>`;
    // Inserted after the decision, and rescan not told: the old decision's roots stay.
    document.body.prepend(article);
    expect(scanner.scopeRoots().some((r) => r === article || article.contains(r) || r.contains(article))).toBe(false);
  });
});
