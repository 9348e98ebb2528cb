/**
 * The in-page half of `npm run eval:scope` (scripts/eval-scope.mjs bundles this file and evaluates
 * it in each page). It runs the shipped scope decision and segment walk, and a plain walk over the
 * whole page for comparison. Nothing here is shipped. Exposed as `globalThis.__backstoryScope`.
 */
import { findScopeRoots, skipsSubtree } from '../src/content/scope';
import { SegmentWalker } from '../src/content/segments';

const IGNORED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE']);
const BLOCKISH = /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|BODY|BR|DD|DETAILS|DIV|DL|DT|FIELDSET|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|SECTION|SUMMARY|TABLE|TBODY|TD|TFOOT|TH|THEAD|TR|UL|CAPTION|LEGEND|OPTION|BUTTON|SELECT|TEXTAREA|LABEL)$/;

/** All text of the page, a space between blocks (the referee's view of "everything"). */
function allText(): string {
  const out: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      out.push((node as Text).data);
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (IGNORED.has(tag)) return;
    const block = BLOCKISH.test(tag);
    if (block) out.push(' ');
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
    if (block) out.push(' ');
  };
  if (document.body) visit(document.body);
  return out.join('');
}

/** The text the scanner reads: the scope roots walked by the shipped SegmentWalker. */
function scannedText(roots: Element[], parts: string[] = []): string {
  const out = parts;
  for (const root of roots) {
    new SegmentWalker(root).next(() => false, (segment) => {
      out.push(segment.text);
    });
  }
  return out.join(' ');
}

function run(): { all: string; scanned: string; segments: string[]; roots: string[]; scopeMs: number; walkMs: number } {
  const t0 = performance.now();
  const roots = findScopeRoots(document).sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const t1 = performance.now();
  const segments: string[] = [];
  const scanned = scannedText(roots, segments);
  const t2 = performance.now();
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : ''}`;
  return { all: allText(), scanned, segments, roots: roots.map(describe), scopeMs: t1 - t0, walkMs: t2 - t1 };
}

/** The bench's baseline: a bare TreeWalker(SHOW_TEXT) over <body> reading every text node once. */
function bareWalk(): number {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) n += (node as Text).data.length;
  return n;
}

/**
 * Milliseconds of the scope decision alone, of the walk of the scope it decides, and of a bare
 * walk of the whole page: the fastest of `reps` interleaved runs (on a loaded machine the medians
 * mostly measure the time the tab waited for a core).
 */
function timing(reps: number): { scopeMs: number; walkMs: number; bareMs: number } {
  const scope: number[] = [];
  const walk: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < reps; i++) {
    const b0 = performance.now();
    bareWalk();
    bare.push(performance.now() - b0);
    const t0 = performance.now();
    const roots = findScopeRoots(document);
    const t1 = performance.now();
    scannedText(roots);
    walk.push(performance.now() - t1);
    scope.push(t1 - t0);
  }
  const med = (v: number[]) => Math.min(...v);
  return { scopeMs: med(scope), walkMs: med(walk), bareMs: med(bare) };
}

(globalThis as unknown as { __backstoryScope: unknown }).__backstoryScope = { run, timing };

/** Debugging aid: the ancestors of the text node holding `needle` that the walk skips, and the path. */
function why(needle: string): string[] {
  const roots = findScopeRoots(document);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!(n as Text).data.includes(needle)) continue;
    const out: string[] = [];
    for (let el = n.parentElement; el; el = el.parentElement) {
      out.push(`${roots.includes(el) ? 'ROOT ' : ''}${skipsSubtree(el) ? 'SKIP ' : ''}${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 4).join('.')}` : ''}`);
    }
    return out;
  }
  return ['not found'];
}
(globalThis as unknown as { __backstoryWhy: unknown }).__backstoryWhy = why;
