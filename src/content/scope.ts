/**
 * Where Backstory looks: the article first, never site chrome, form controls, editable regions,
 * code or hidden text. Decisions are made per element while walking, from the tag name and a few
 * attributes, so the walk costs little more than reading the text (see DESIGN.md "Detection").
 */
import { decideScope } from './scope-score';
import { chromeWords } from './scope-words';

/** Elements whose text is never a mention (and whose subtrees are skipped whole). */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON', 'INPUT',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'svg', 'MATH', 'math', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'NAV', 'ASIDE', 'FOOTER', 'FORM', 'DIALOG', 'HEAD', 'TITLE', 'META', 'LINK', 'MENU',
  'BACKSTORY-CARD',
]);

const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog', 'toolbar', 'tablist']);

/** Containers whose class/id words may name them chrome (scope-words.ts); inline elements are not. */
const CONTAINER_TAGS = new Set(['DIV', 'SECTION', 'UL', 'OL', 'LI', 'TABLE', 'HEADER', 'P', 'FIGURE', 'SPAN']);

/** Elements that start a new block of text: text is joined across inline elements only within one. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'HTML', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
  'CAPTION', 'LEGEND', 'OPTION', 'HGROUP', 'SEARCH',
]);

const ARTICLE = 'article, main, [role="main"], [itemprop="articleBody"]';

/**
 * The current scope decision (see findScopeRoots): blocks inside the article left out, and
 * chrome-named blocks kept because they hold the article's text. Replaced by each decision.
 */
let excluded = new WeakSet<Element>();
let kept = new WeakSet<Element>();
let decidedRoots: Element[] = [];

/**
 * True if `el` and everything inside it must be skipped. An article's own header holds its
 * headline and is read; a page header holds the site's chrome and is not.
 */
export function skipsSubtree(el: Element, tag: string = el.tagName): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  if (excluded.has(el)) return true;
  if (tag === 'HEADER' && el.parentElement?.closest(ARTICLE) == null && !decidedRoots.some((r) => r !== el && r.contains(el))) return true;
  // Most elements of an article carry no attributes at all: nothing more to read.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  if (tag === 'A') return el.getAttribute('rel')?.split(/\s+/).includes('tag') === true || chromeClass(el.getAttribute('class'), TAG_LINK_CLASS);
  // Chrome-named boxes, unless the decision found the article's text in them; boxes the page
  // adds later are judged by their name alone.
  if (CONTAINER_TAGS.has(tag) && !kept.has(el) && chromeWords(el)) return true;
  return false;
}

/** Class names are matched word by word; camelCase counts as separate words ("rightSidebar"). */
function chromeClass(value: string | null, pattern: RegExp): boolean {
  if (value === null || value.length > 400) return false;
  return pattern.test(value) || (/[a-z][A-Z]/.test(value) && pattern.test(value.replace(/([a-z])([A-Z])/g, '$1-$2')));
}

/** Links that are tags or topic pages, not prose ("Microsoft" in a review's product or tag box). */
const TAG_LINK_CLASS = /(?:^|[\s_-])(?:tags?|topics?|categor(?:y|ies))(?:$|[\s_-])/i;

/** Any ancestor of `node` (up to `stop`) that would have been skipped by the walk. */
export function insideSkipped(node: Node, stop: Element): boolean {
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el && el !== stop; el = el.parentElement) {
    if (skipsSubtree(el)) return true;
    if ((el as HTMLElement).isContentEditable) return true;
  }
  return false;
}

/**
 * The roots to scan, in document order (see scope-score.ts): the article's container (and the
 * siblings that continue it) with the page's headline before it; only the <h1> (or nothing) on a
 * page that has no article; <body> on a page with no running text at all. The decision also sets
 * which blocks inside the roots the walk leaves out (skipsSubtree).
 */
export function findScopeRoots(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return doc.documentElement ? [doc.documentElement] : [];
  const decision = decideScope(body);
  excluded = new WeakSet(decision.excluded);
  kept = new WeakSet(decision.kept);
  decidedRoots = decision.roots;
  return decision.roots;
}
