/**
 * Loading a corpus page and reading it back for the corpus test: the page's serialisation, what
 * the extension could have left in it, and every mark with the block of text around it.
 *
 * Everything runs through `page.evaluate` in the page's main world without handing the browser a
 * callback (no `forEach`): with the page's JavaScript blocked, Chromium refuses to run callbacks
 * created there ("The provided callback is no longer runnable"), while plain evaluation still works.
 */
import type { Page } from 'puppeteer-core';
import { pageErrors, waitFor, type Session } from './harness';

/** One mark (a range in `CSS.highlights`) with where it sits. */
export interface CorpusMark {
  /** Highlight name, e.g. "backstory-microsoft". */
  name: string;
  /** The range's text. */
  text: string;
  /** Text of the nearest block ancestor, whitespace-normalised (script/style text left out). */
  block: string;
  /** Up to 60 characters of that block's text either side of the mark. */
  context: string;
  /** The block's element path from <body>: tag#id.class[role], outermost first. */
  path: string;
  /** Whether the range's start container is still in the document. */
  connected: boolean;
}

export interface Snapshot {
  /** Doctype + `document.documentElement.outerHTML`. */
  html: string;
  /** Elements or attributes whose name starts with "backstory" (must be none). */
  backstoryNodes: string[];
  styleElements: number;
  styleSheets: number;
  adoptedStyleSheets: number;
  marks: CorpusMark[];
}

/** Open a tab of its own (a window: rAF and IntersectionObserver run in every one of them). */
export async function openTab(session: Session): Promise<Page> {
  const page = await session.browser.newPage({ type: 'window' });
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(String((error as Error).message ?? error)));
  return page;
}

/**
 * Navigate and wait for the load event. Firefox's BiDi sometimes rejects the navigation command
 * ("Address rejected") for pages whose subresources fail to connect although the document itself
 * loads; then wait for the document ourselves.
 */
export async function load(page: Page, url: string, until: 'load' | 'domcontentloaded' = 'load'): Promise<void> {
  pageErrors.get(page)?.splice(0);
  try {
    await page.goto(url, { waitUntil: until, timeout: 30_000 });
  } catch (error) {
    await waitFor(
      () => page.evaluate((u, wanted) => location.href === u && (document.readyState === 'complete' || (wanted === 'domcontentloaded' && document.readyState === 'interactive')), url, until).catch(() => false),
      20_000,
      `load of ${url} after ${String(error).slice(0, 120)}`,
    );
  }
}

/** Names and range counts in `CSS.highlights`, as a string that changes when the marks change. */
function markState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const [name, highlight] of CSS.highlights as unknown as Iterable<[string, Set<Range>]>) {
      let text = '';
      for (const range of highlight) text += `${range.startOffset}:${range.toString()}|`;
      out.push(`${name}=${highlight.size}:${text}`);
    }
    return out.sort().join('\n');
  });
}

/**
 * Wait until the marks have not changed for `quiet` ms (at most `timeout`). `expectMarks`: the page is known to
 * have marks, so the quiet time starts only once one is painted (on a loaded machine the scan of a large page may
 * not have painted within `quiet` ms of the load: nytimes-5 in Chromium, once, in a full run).
 */
export async function settleMarks(page: Page, quiet = 300, timeout = 8_000, expectMarks = false): Promise<void> {
  const started = Date.now();
  const painted = (state: string) => !expectMarks || /=[1-9]/.test(state);
  let last = await markState(page);
  let since = Date.now();
  while ((Date.now() - since < quiet || !painted(last)) && Date.now() - started < timeout) {
    await new Promise((r) => setTimeout(r, 75));
    const now = await markState(page);
    if (now !== last) {
      last = now;
      since = Date.now();
    }
  }
}

/** Serialisation, leftovers and marks, in one evaluation. */
export function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const BLOCK = new Set([
      'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
      'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HTML', 'LI',
      'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
      'CAPTION', 'LEGEND', 'HGROUP', 'SEARCH', 'DIALOG', 'MENU',
    ]);
    const SILENT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
    const norm = (s: string) => s.replace(/[\s\u00a0\u200b\u00ad\u202f]+/g, ' ').trim();
    const textOf = (el: Element): string => {
      let out = '';
      const walk = (node: Node) => {
        for (let child = node.firstChild; child; child = child.nextSibling) {
          if (child.nodeType === 3) out += (child as Text).data;
          else if (child.nodeType === 1 && !SILENT.has((child as Element).tagName)) walk(child);
        }
      };
      walk(el);
      return out;
    };
    const describe = (el: Element): string => {
      let s = el.tagName.toLowerCase();
      if (el.id) s += `#${el.id}`;
      const cls = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 4);
      if (cls.length) s += `.${cls.join('.')}`;
      const role = el.getAttribute('role');
      if (role) s += `[role=${role}]`;
      const itemprop = el.getAttribute('itemprop');
      if (itemprop) s += `[itemprop=${itemprop}]`;
      return s;
    };

    const doctype = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
    const html = doctype + document.documentElement.outerHTML;

    const backstoryNodes: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      if (el.tagName.toLowerCase().startsWith('backstory')) backstoryNodes.push(el.tagName);
      for (const attr of el.attributes) if (attr.name.toLowerCase().startsWith('backstory') || attr.name.startsWith('data-backstory')) backstoryNodes.push(`${el.tagName}[${attr.name}]`);
    }

    const marks: CorpusMark[] = [];
    for (const [name, highlight] of CSS.highlights as unknown as Iterable<[string, Set<Range>]>) {
      const ranges = [...highlight];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      for (const range of ranges) {
        const start = range.startContainer;
        let block: Element | null = start.nodeType === 1 ? (start as Element) : start.parentElement;
        while (block && !BLOCK.has(block.tagName)) block = block.parentElement;
        const text = range.toString();
        const blockText = block ? norm(textOf(block)) : '';
        const at = blockText.indexOf(norm(text));
        const context = at < 0 ? blockText.slice(0, 120) : blockText.slice(Math.max(0, at - 60), at + norm(text).length + 60);
        const path: string[] = [];
        for (let el = block; el && el !== document.documentElement; el = el.parentElement) path.unshift(describe(el));
        marks.push({ name, text, block: blockText, context, path: path.join(' > '), connected: start.isConnected });
      }
    }
    return {
      html,
      backstoryNodes,
      styleElements: document.querySelectorAll('style').length,
      styleSheets: document.styleSheets.length,
      adoptedStyleSheets: (document as Document & { adoptedStyleSheets?: unknown[] }).adoptedStyleSheets?.length ?? 0,
      marks,
    };
  });
}

/** Run `job` over `items` with `width` workers at a time. */
export async function pool<T>(items: readonly T[], width: number, job: (item: T, worker: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const item = items[next++] as T;
        await job(item, worker);
      }
    }),
  );
}
