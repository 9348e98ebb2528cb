/**
 * Where Backstory looks: the article first, never site chrome, form controls, editable regions,
 * code or hidden text. Decisions are made per element while walking, from the tag name and a few
 * attributes, so the walk costs little more than reading the text (see DESIGN.md "Detection").
 */

/** Elements whose text is never a mention (and whose subtrees are skipped whole). */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON', 'INPUT',
  'CODE', 'PRE', 'KBD', 'SAMP', 'VAR', 'SVG', 'svg', 'MATH', 'math', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS',
  'VIDEO', 'AUDIO', 'NAV', 'ASIDE', 'FOOTER', 'FORM', 'DIALOG', 'HEAD', 'TITLE', 'META', 'LINK', 'MENU',
  'BACKSTORY-CARD',
]);

const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog', 'toolbar', 'tablist']);

/**
 * Class and id fragments of containers that hold site chrome even inside an article: related
 * links, share bars, comment threads, newsletter boxes. Taken from the kinds of blocks
 * Readability strips as "unlikely candidates"; matched on whole words of the class/id so that
 * e.g. "article-body-commentary" (a column name) does not hide an article.
 */
const CHROME_CLASS =
  /(?:^|[\s_-])(?:related|recirc|comments?|share|sharing|social|newsletter|promo|sponsored|breadcrumbs?|sidebar|subscribe|disqus|outbrain|taboola|most-?popular|trending|read-?more|more-?stories|tags|topics|keywords|advertisement|advert|masthead)(?:$|[\s_-])/i;

/** Containers whose class/id is checked against CHROME_CLASS; inline elements are not. */
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
 * True if `el` and everything inside it must be skipped. An article's own header holds its
 * headline and is read; a page header holds the site's chrome and is not.
 */
export function skipsSubtree(el: Element, tag: string = el.tagName): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  if (tag === 'HEADER' && el.parentElement?.closest(ARTICLE) == null) return true;
  // Most elements of an article carry no attributes at all: nothing more to read.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.has(role)) return true;
  if (tag === 'A') return el.getAttribute('rel')?.split(/\s+/).includes('tag') === true || chromeClass(el.getAttribute('class'), TAG_LINK_CLASS);
  if (CONTAINER_TAGS.has(tag)) {
    if (chromeClass(el.getAttribute('class'), CHROME_CLASS)) return true;
    const id = el.id;
    if (id && chromeClass(id, CHROME_CLASS)) return true;
  }
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

const ARTICLE_SELECTORS = ['[itemprop="articleBody"]', 'article', 'main, [role="main"]'];

/** Keep only elements not contained in another element of the list. */
function outermost(elements: Element[]): Element[] {
  return elements.filter((el) => !elements.some((other) => other !== el && other.contains(el)));
}

/**
 * How much running text an element holds, measured in paragraphs: a live collection's length is
 * counted natively, where `textContent` would copy every character of the page (seconds on a 5 MB
 * article in the benchmark).
 */
function paragraphs(el: Element): number {
  return el.getElementsByTagName('p').length;
}

/** Pages with hardly any <p> (text in <div>s) are measured in characters instead. */
function textLength(el: Element): number {
  return (el.textContent ?? '').length;
}

/**
 * The roots to scan, most specific first: the article body, else `<article>`, else `<main>`, else
 * `<body>`. A candidate that holds under a fifth of the page's paragraphs is a teaser, not the
 * article, and the next rule is tried. The page's `<h1>` is added when it sits outside the chosen
 * root (many sites put the headline above the article element).
 */
export function findScopeRoots(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return doc.documentElement ? [doc.documentElement] : [];
  let measure = paragraphs;
  let total = paragraphs(body);
  if (total < 3) {
    measure = textLength;
    total = textLength(body);
  }
  for (const selector of ARTICLE_SELECTORS) {
    // An <article> inside the site's navigation (a menu's story teaser) is chrome, not the article.
    const found = outermost([...doc.querySelectorAll(selector)].filter((el) => !insideSkipped(el, body)));
    if (found.length === 0) continue;
    const covered = found.reduce((sum, el) => sum + measure(el), 0);
    if (covered * 5 < total) continue;
    const roots = [...found];
    const h1 = doc.querySelector('h1');
    if (h1 && !roots.some((r) => r.contains(h1)) && !insideSkipped(h1, body)) roots.unshift(h1);
    return roots;
  }
  return [body];
}
