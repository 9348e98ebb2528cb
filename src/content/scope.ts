/**
 * Where Backstory looks: the article first, never site chrome, form controls, editable regions,
 * code or hidden text. Decisions are made per element while walking, from the tag name and a few
 * attributes, so the walk costs little more than reading the text (see DESIGN.md "Detection").
 */
import { CHROME_ROLES, CHROME_TAG_NAMES, decide, decideScope, IGNORED_TAGS, NAMED_BOXES, SHARED_BLOCKS, TreeReader, type ScopeDecision } from './scope-score';
import { chromeWords, wordSet } from './scope-words';

/** Elements whose text is never a mention (and whose subtrees are skipped whole). Code, and forms: a date or a form control's label is never where a name is written about. */
const SKIP_TAGS = wordSet(`${IGNORED_TAGS} ${CHROME_TAG_NAMES} CODE PRE KBD SAMP VAR FORM TIME LABEL`);

/** Containers whose class/id words may name them chrome (scope-words.ts); inline elements are not. */
const CONTAINER_TAGS = wordSet(NAMED_BOXES);

/** Elements that start a new block of text: text is joined across inline elements only within one. */
export const BLOCK_TAGS = wordSet(`${SHARED_BLOCKS} ASIDE BR FIELDSET FIGURE FOOTER HR HTML NAV TFOOT THEAD CAPTION LEGEND OPTION HGROUP SEARCH`);

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
  if (tag === 'A') {
    // Class names are matched word by word; camelCase counts as separate words ("topicLink"). The split
    // only adds separators, so a class that matches whole still matches split (bar a keyword in mixed case, "tAgs"): one test does.
    const cls = el.getAttribute('class');
    return el.getAttribute('rel')?.split(/\s+/).includes('tag') === true || (cls !== null && cls.length <= 400 && TAG_LINK_CLASS.test(cls.replace(/([a-z])([A-Z])/g, '$1-$2')));
  }
  // Chrome-named boxes, unless the decision found the article's text in them; boxes the page
  // adds later are judged by their name alone.
  if (CONTAINER_TAGS.has(tag) && !kept.has(el) && chromeWords(el)) return true;
  return false;
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
 * which blocks inside the roots the walk leaves out (skipsSubtree). In one go: the scanner reads
 * in slices (ScopeReading).
 */
export function findScopeRoots(doc: Document): Element[] {
  const body = doc.body;
  if (!body) return doc.documentElement ? [doc.documentElement] : [];
  return adopt(decideScope(body));
}

/** Times the page may move the read's position away before the rest is read in one go. */
const RESTARTS = 2;

/**
 * findScopeRoots with the page's tree read in slices (the scanner's start-up): `read(overdue)`
 * until it returns false, giving the page its turn between calls, then `roots()`. On a very large
 * page the read is most of the decision's cost, and in one piece it kept the page's own tasks
 * waiting for seconds. A page that removes the part being read while the read is paused gets a
 * fresh read (the rest of the old one would miss its text). Not a promise: a read that ends in its
 * first slice hands over its roots in the same task (the benchmark's synchronous scan relies on it).
 */
export class ScopeReading {
  #reader: TreeReader | null;
  /** The <body> being read (a page may replace its <body> while the read is paused). */
  #body: Element | null;
  #restarts = 0;

  readonly #doc: Document;

  constructor(doc: Document) {
    this.#doc = doc;
    this.#body = doc.body;
    this.#reader = this.#body ? new TreeReader(this.#body) : null;
  }

  /** Reads until `overdue()` or the end; true while there is more to read. */
  read(overdue: () => boolean): boolean {
    let reader = this.#reader;
    if (reader === null) return false;
    if (reader.lost()) {
      this.#body = this.#doc.body;
      reader = this.#reader = this.#body ? new TreeReader(this.#body) : null;
      if (reader === null) return false;
      // A page that keeps moving the read away is read to the end at once.
      if (++this.#restarts > RESTARTS) overdue = () => false;
    }
    return reader.read(overdue);
  }

  /** The decision, once `read` returned false; it replaces the current one (see skipsSubtree). */
  roots(): Element[] {
    // The reader is null exactly when the <body> is (both are set together).
    if (this.#reader === null) return this.#doc.documentElement ? [this.#doc.documentElement] : [];
    return adopt(decide(this.#reader.tree(), this.#body as Element));
  }
}

function adopt(decision: ScopeDecision): Element[] {
  excluded = new WeakSet(decision.excluded);
  kept = new WeakSet(decision.kept);
  decidedRoots = decision.roots;
  return decision.roots;
}
