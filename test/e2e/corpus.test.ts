/**
 * Page safety over the whole shared corpus (../shared/corpus/readability, 130 real pages), in
 * Chromium and Firefox, with the page's own JavaScript off and on (issue 4 "Done when", issue 7):
 *
 * - the DOM serialisation (doctype + outerHTML) is byte-identical with and without the extension
 *   (the same page on www.example.org, where the content script does not run, is the baseline);
 * - the extension adds no page error, no `backstory*` element or attribute, no <style>, no sheet;
 * - marks sit in the article: every mark's block of text is in Readability's extraction of the page
 *   (../shared/corpus/readability-expected), except the one hand-checked case in corpus-scope.json
 *   (a gallery caption inside the page's own articleBody, which Readability drops);
 * - every name in the article is marked: per-page counts in corpus-expected-marks.json, checked by hand.
 *
 * With page scripts on, pages may differ between two loads by themselves (timers, random ids,
 * failed network loads). Each page is loaded twice without the extension; a page whose two
 * baselines differ is compared on what is stable between them (numbers masked), and reported.
 * Host names the page's scripts write into the DOM are normalised (the baseline runs on another
 * host); with scripts off nothing is normalised.
 *
 * CORPUS_REPORT=<file> writes every result (marks with their blocks, differences) as JSON.
 * CORPUS_TABS=<n> sets how many tabs work at once per browser (default 4).
 * CORPUS_ONLY=<slug,slug> checks only those pages; CORPUS_PROGRESS=1 prints one line per page.
 * `npm test` checks a sample (see SAMPLE_OFF/SAMPLE_ON); `npm run test:corpus` (CORPUS_FULL=1) all pages.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import expectedMarks from '../fixtures/corpus-expected-marks.json';
import scopeAllowList from '../fixtures/corpus-scope.json';
import { corpusSlugs, expectedArticle, mayName, NAME_PATTERN, normalise } from './corpus-expected';
import { launchCorpus } from './corpus-launch';
import { load, openTab, pool, settleMarks, snapshot, type CorpusMark, type Snapshot } from './corpus-page';
import { BROWSERS, pageErrors, type BrowserName, type Session } from './harness';

const BASE_HOST = 'www.example.org';
const EXT_HOST = 'www.theguardian.com';
const TABS = Number(process.env.CORPUS_TABS ?? 4);
const ONLY = process.env.CORPUS_ONLY?.split(',');
/**
 * How much of the corpus runs. `npm test` runs a sample (below); `npm run test:corpus` sets
 * CORPUS_FULL=1: all 130 pages with scripts off and the scripts-on subset; CORPUS_FULL=2 runs all
 * 130 with scripts on too.
 */
const FULL = Number(process.env.CORPUS_FULL ?? 0);
const ALL_SLUGS = corpusSlugs();
const SLUGS = ALL_SLUGS.filter((slug) => !ONLY || ONLY.includes(slug));

/**
 * With page scripts on, each page is loaded three times; the whole corpus then takes longer than
 * `npm test` can give it on a 2-core machine. These pages run with scripts on (the ones that name
 * us, the heaviest script pages, and one of each kind of oddity).
 */
const SCRIPTS_ON_SUBSET = [
  'engadget', 'nytimes-5', 'nytimes-1', 'cnn', 'msn', 'bbc-1', 'wikipedia', 'wikipedia-2', 'guardian-1', 'wapo-1',
  'theverge', 'seattletimes-1', 'youth', 'qq', 'yahoo-2', 'archive-of-our-own', 'firefox-nightly-blog',
  'js-link-replacement', 'mathjax', 'lifehacker-post-comment-load', 'medium-1', 'rtl-1', 'aclu',
  // Not lazy-image-2: its own scripts rewrite its images differently from load to load; it runs with scripts off.
];

/**
 * The sample `npm test` runs (the whole file took ~13 of the suite's ~15 minutes): with scripts
 * on, the pages that name us and the heaviest script pages; with scripts off, those, the pages
 * with look-alike names, one of each oddity (right-to-left, CJK, MathJax, frames of comments),
 * and every 12th page of the rest, so that any kind of page can still fail the suite.
 */
const SAMPLE_ON = ['engadget', 'nytimes-5', 'bbc-1', 'msn', 'wikipedia-2', 'cnn', 'archive-of-our-own', 'lifehacker-post-comment-load'];
const SAMPLE_OFF = [
  ...SAMPLE_ON, 'lazy-image-2', 'firefox-nightly-blog', 'bug-1255978', 'rtl-1', 'qq', 'mathjax', 'js-link-replacement',
  'nytimes-1', 'medium-1', 'yahoo-2', 'wapo-1', 'guardian-1',
];
const sampled = (js: boolean): string[] => {
  const picked = js ? SAMPLE_ON : SAMPLE_OFF;
  if (js) return ALL_SLUGS.filter((slug) => picked.includes(slug));
  return ALL_SLUGS.filter((slug, i) => picked.includes(slug) || i % 12 === 5);
};
const slugsFor = (js: boolean): string[] => {
  if (ONLY) return SLUGS;
  if (FULL >= 2) return SLUGS;
  if (FULL === 1) return js ? SLUGS.filter((slug) => SCRIPTS_ON_SUBSET.includes(slug)) : SLUGS;
  return sampled(js);
};
const PROGRESS = process.env.CORPUS_PROGRESS === '1';

/** Firefox console messages about resource loading and the page's own invalid MathML (see `compare`). */
const NETWORK_MESSAGE = /^(Cross-Origin Request Blocked|Blocked loading mixed (active|display) content|Loading failed for|The resource at .* was blocked|Content-Security-Policy:|Invalid markup: |(ReferenceError: )?RPM\w+ is not defined$)/;

type Counts = Record<string, number>;
/** Expected marks in the article per page; with page scripts off, some pages differ (see the fixture). */
function expectedCounts(js: boolean): Record<string, Counts> {
  const all: Record<string, Counts> = { ...(expectedMarks.pages as Record<string, Counts>), ...(js ? {} : (expectedMarks.scriptsOff as Record<string, Counts>)) };
  return Object.fromEntries(Object.entries(all).filter(([slug, counts]) => slugsFor(js).includes(slug) && Object.keys(counts).length > 0));
}
const ALLOWED = scopeAllowList.pages as Record<string, { text: string; block: string; why: string }[]>;

interface ScopedMark extends CorpusMark {
  where: 'article' | 'chrome';
}

interface PageResult {
  slug: string;
  /**
   * 'same'; 'same-on-retry' (scripts on: different once, the same on a second load with the
   * extension); 'nondeterministic-same' (the baselines differ but are equal with numbers masked,
   * and so is the extension's); 'nondeterministic' (the baselines differ even then: reported);
   * 'different' (an extension-caused difference).
   */
  dom: 'same' | 'same-on-retry' | 'reordered' | 'nondeterministic-same' | 'nondeterministic' | 'different';
  /** Where the first difference is, with some text either side. */
  diff?: { at: number; baseline: string; extension: string; baseline2?: string };
  errorsAdded: string[];
  errorsBaseline: string[];
  leftovers: string[];
  marks: ScopedMark[];
  missed: string[];
  ms: number;
}

/** Normalise what differs only because the baseline runs on another host. */
function hosts(s: string, js: boolean): string {
  return js ? s.split(EXT_HOST).join('HOST').split(BASE_HOST).join('HOST') : s;
}

const maskNumbers = (s: string) => s.replace(/\d+(\.\d+)?/g, '0');

function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return i;
  return a.length === b.length ? -1 : n;
}

const around = (s: string, at: number) => s.slice(Math.max(0, at - 120), at + 200);

/**
 * Load one page (to its load event, the same way for the baseline and the extension: Firefox adds
 * style sheets and reports failed subresources until then) and read it. `wait`: wait for the marks
 * to settle; without page scripts nothing changes a loaded page, so the baseline is read at once.
 */
async function visit(page: Page, session: Session, host: string, slug: string, js: boolean, wait: boolean): Promise<{ snap: Snapshot; errors: string[] }> {
  await load(page, session.url(host, `/corpus/${slug}.html`));
  // Where the extension runs on a page with hand-checked marks, the first mark is waited for.
  if (wait) await settleMarks(page, undefined, undefined, host === EXT_HOST && slug in expectedCounts(js));
  const snap = await snapshot(page);
  return { snap, errors: [...(pageErrors.get(page) ?? [])] };
}

/** Blocks shorter than this are placed by an element of exactly their text. */
const SHORT = 40;

const ENTITY_OF: Record<string, string> = { microsoft: 'backstory-microsoft', azure: 'backstory-azure', 'unit 8200': 'backstory-unit-8200' };

function scope(slug: string, marks: CorpusMark[]): { marks: ScopedMark[]; missed: string[] } {
  if (marks.length === 0 && !mayName(slug)) return { marks: [], missed: [] };
  const { text: article, elements } = expectedArticle(slug);
  const scoped = marks.map((m): ScopedMark => {
    // A long block is placed by its text (or the text around the mark, where Readability dropped
    // a bit of the block); a short one ("Microsoft" in a tag list) only by an element of exactly
    // that text, since a short string is found anywhere.
    const inArticle =
      m.block.length >= SHORT ? article.includes(m.block) || article.includes(m.context) : elements.has(m.block);
    return { ...m, where: inArticle ? 'article' : 'chrome' };
  });
  // Names in the article text without as many marks in the article (a rough guide: see the fixture).
  const inText: Counts = {};
  for (const hit of article.matchAll(NAME_PATTERN)) {
    const key = ENTITY_OF[normalise(hit[0]).toLowerCase()] as string;
    inText[key] = (inText[key] ?? 0) + 1;
  }
  const missed: string[] = [];
  for (const [name, count] of Object.entries(inText)) {
    const marked = scoped.filter((m) => m.where === 'article' && m.name === name).length;
    if (marked < count) missed.push(`${name}: ${count} in the article text, ${marked} marked there`);
  }
  return { marks: scoped, missed };
}

async function check(page: Page, session: Session, slug: string, js: boolean): Promise<PageResult> {
  const started = Date.now();
  // Without page scripts nothing changes a page after it has loaded: its baseline is read at once.
  const a = await visit(page, session, BASE_HOST, slug, js, js);
  const e = await visit(page, session, EXT_HOST, slug, js, true);
  const b = js ? await visit(page, session, BASE_HOST, slug, js, true) : null;

  const A = hosts(a.snap.html, js);
  let E = hosts(e.snap.html, js);
  let dom: PageResult['dom'] = 'same';
  let diff: PageResult['diff'];
  if (js && A !== E && A === hosts(b?.snap.html ?? '', js)) {
    // Some pages' scripts depend on timing (how long the load took): a difference the extension
    // causes shows again on a second try; one that comes from the page's timing need not.
    const again = await visit(page, session, EXT_HOST, slug, js, true);
    if (hosts(again.snap.html, js) === A) {
      dom = 'same-on-retry';
      E = A;
    }
  }
  const tokens = (html: string) => html.split('<').sort().join('<');
  if (js && A !== E && tokens(A) === tokens(E)) {
    // The same elements in another order: the page's own async scripts inserted themselves in
    // another order (nytimes-1: gpt.js, krxd and amazon-adsystem racing). The extension adds nothing.
    dom = 'reordered';
    E = A;
  }
  if (A !== E) {
    const B = b ? hosts(b.snap.html, js) : A;
    if (A === B) dom = 'different';
    else if (maskNumbers(A) === maskNumbers(B)) dom = maskNumbers(A) === maskNumbers(E) ? 'nondeterministic-same' : 'different';
    else dom = 'nondeterministic';
    const at = firstDifference(A, E);
    diff = { at, baseline: around(A, at), extension: around(E, at), ...(b ? { baseline2: around(B, at) } : {}) };
  }
  // Messages name the page's own URL ("Content at https://<host>/... may not load ..."): hosts are
  // normalised in them in both modes.
  // Firefox also reports resource loads (a favicon's failed CORS request, blocked mixed content) as
  // errors; whether one is logged before the page is read depends on network timing, not on
  // scripts, so they are not page errors for this comparison. Nor is Firefox's layout warning about the page's
  // own invalid MathML ("Invalid markup: Incorrect number of children for <mfrac/> tag", mathjax): it is logged
  // whenever the math is laid out again, which any repaint may cause, and was seen once in a loaded full run.
  // Nor is "RPMGetBoolPref is not defined": the script of Firefox's own error page (about:neterror, whose RPM*
  // functions only privileged about: pages have) shown in a frame whose remote address cannot load here
  // (bug-1255978's facebook and krxd frames); whether it is logged before the page is read is network timing
  // (seen once, in CI, in Firefox with scripts off).
  // Script errors are compared exactly.
  const scriptErrors = (list: string[]) => list.filter((m) => !NETWORK_MESSAGE.test(m)).map((m) => hosts(m, true));
  const baselineErrors = new Set([...scriptErrors(a.errors), ...scriptErrors(b?.errors ?? [])]);
  const errorsAdded = [...new Set(scriptErrors(e.errors))].filter((m) => !baselineErrors.has(m));

  const leftovers = [...e.snap.backstoryNodes];
  for (const key of ['styleElements', 'styleSheets', 'adoptedStyleSheets'] as const) {
    if (e.snap[key] !== a.snap[key]) leftovers.push(`${key}: ${a.snap[key]} without, ${e.snap[key]} with the extension`);
  }
  if (a.snap.marks.length) leftovers.push(`${a.snap.marks.length} marks on ${BASE_HOST}, where the content script must not run`);

  const { marks, missed } = scope(slug, e.snap.marks);
  return { slug, dom, diff, errorsAdded, errorsBaseline: [...baselineErrors], leftovers, marks, missed, ms: Date.now() - started };
}

const counts = (marks: CorpusMark[]): Counts => {
  const out: Counts = {};
  for (const m of marks) out[m.name] = (out[m.name] ?? 0) + 1;
  return out;
};

const report: Record<string, unknown> = {};
afterAll(() => {
  if (process.env.CORPUS_REPORT) writeFileSync(process.env.CORPUS_REPORT, JSON.stringify(report, null, 1));
});

describe.each(BROWSERS)('%s', (browser: BrowserName) => {
  describe.each([
    ['off', false],
    ['on', true],
  ] as const)('page scripts %s', (mode, js) => {
    let session: Session;
    const results: PageResult[] = [];
    let seconds = 0;

    beforeAll(async () => {
      const started = Date.now();
      session = await launchCorpus(browser, js);
      const tabs = await Promise.all(Array.from({ length: TABS }, () => openTab(session)));
      await pool(slugsFor(js), TABS, async (slug, worker) => {
        const result = await check(tabs[worker] as Page, session, slug, js);
        results.push(result);
        if (PROGRESS) process.stderr.write(`${browser} ${mode} ${slug} ${result.ms} ms ${result.dom} ${result.marks.length} marks\n`);
      });
      results.sort((x, y) => x.slug.localeCompare(y.slug));
      seconds = (Date.now() - started) / 1000;
      report[`${browser} scripts ${mode}`] = { seconds, results };
      const marks = results.reduce((n, r) => n + r.marks.length, 0);
      const nondeterministic = results.filter((r) => r.dom.startsWith('nondeterministic')).map((r) => r.slug);
      const retried = results.filter((r) => r.dom === 'same-on-retry' || r.dom === 'reordered').map((r) => `${r.slug} ${r.dom}`);
      console.log(
        `corpus ${browser} scripts ${mode}: ${results.length} pages in ${seconds.toFixed(1)} s, ${marks} marks, ` +
          `DOM different on ${results.filter((r) => r.dom === 'different').length}, ` +
          `nondeterministic by themselves: ${nondeterministic.length} (${nondeterministic.join(', ')}), ` +
          `same only on a second try: ${retried.length} (${retried.join(', ')})`,
      );
    }, 900_000);

    afterAll(async () => {
      await session?.close();
    });

    it('checks every page of the corpus', () => {
      expect(results.map((r) => r.slug)).toEqual(slugsFor(js));
      if (!ONLY) expect(SLUGS.length).toBe(130);
      if (!ONLY && FULL === 1 && js) expect(results.length).toBe(SCRIPTS_ON_SUBSET.length);
      if (!ONLY && FULL === 0) expect(results.length).toBe(js ? SAMPLE_ON.length : sampled(false).length);
    });

    it('leaves the DOM serialisation byte-identical', () => {
      const different = results.filter((r) => r.dom === 'different').map((r) => ({ slug: r.slug, ...r.diff }));
      expect(different).toEqual([]);
    });

    it('adds no page error', () => {
      expect(results.filter((r) => r.errorsAdded.length).map((r) => ({ slug: r.slug, added: r.errorsAdded }))).toEqual([]);
    });

    it('adds no element, attribute, style or sheet of its own', () => {
      expect(results.filter((r) => r.leftovers.length).map((r) => ({ slug: r.slug, leftovers: r.leftovers }))).toEqual([]);
    });

    it('marks nothing in site chrome', () => {
      const chrome = results.flatMap((r) =>
        r.marks
          .filter((m) => m.where === 'chrome')
          .filter((m) => !(ALLOWED[r.slug] ?? []).some((a) => a.text === m.text && m.block.includes(a.block)))
          .map((m) => ({ slug: r.slug, name: m.name, text: m.text, context: m.context, path: m.path })),
      );
      expect(chrome).toEqual([]);
    });

    it('marks every name in the article, and only those (hand-checked counts)', () => {
      const actual = Object.fromEntries(
        results.filter((r) => r.marks.some((m) => m.where === 'article')).map((r) => [r.slug, counts(r.marks.filter((m) => m.where === 'article'))]),
      );
      expect(actual).toEqual(expectedCounts(js));
    });

    it('keeps every range on live text', () => {
      expect(results.flatMap((r) => r.marks.filter((m) => !m.connected).map((m) => `${r.slug}: ${m.text}`))).toEqual([]);
    });
  });
});
