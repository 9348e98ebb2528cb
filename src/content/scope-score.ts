/**
 * Scope v2: finds the article on any page from signals that hold on sites never seen (issue 13),
 * after Mozilla Readability's scoring: every block of running text scores its container and the
 * container's ancestors (more for longer, comma-rich text), each candidate's score is scaled by its
 * link density, the best candidate is widened to a parent or siblings that hold more of the same
 * text, and inside the result the blocks that are mostly links, repeated teaser structures or
 * chrome-named boxes without much of the text are left out. Class and id words are one signal
 * among others (scope-words.ts), in several languages.
 *
 * One pass over the element tree (a TreeWalker, no `textContent` copies, no layout), which the
 * scanner cuts into slices like its own walk (TreeReader), then passes over plain arrays indexed by
 * document order that read the DOM again only for the few candidates: linear in the page's size.
 */
import { attr, hasAttr, hasAttrs, HUGE_NODE, isConnectedOf, parentNodeOf, tagNameOf, textOf } from './dom-safe';
import { articleMeta, fold, inBody, type ArticleMeta } from './scope-meta';
import { classOf, closingLine, embeddedStory, finePrint, proseFrom, secondHeadline } from './scope-boxes';
import { captionWords, classWeight, wordSet } from './scope-words';

/** Subtrees whose text is never read (not content, or controls); the scan skips these too (scope.ts). */
export const IGNORED_TAGS =
  'SCRIPT STYLE NOSCRIPT TEMPLATE TEXTAREA SELECT OPTION BUTTON INPUT SVG svg MATH math IFRAME OBJECT EMBED CANVAS VIDEO AUDIO HEAD TITLE META LINK DIALOG BACKSTORY-CARD';
const IGNORED = wordSet(IGNORED_TAGS);

/** Landmarks of chrome: their text neither scores nor is ever chosen (and the scan skips them). */
export const CHROME_TAG_NAMES = 'NAV ASIDE FOOTER MENU';
const CHROME_TAGS = wordSet(CHROME_TAG_NAMES);
export const CHROME_ROLES = wordSet('navigation banner contentinfo complementary search menu menubar dialog alertdialog toolbar tablist');

/** Tags of blocks of text both for the tree's walk (BLOCKS) and for the scan's text joins (scope.ts BLOCK_TAGS). */
export const SHARED_BLOCKS = 'P DIV SECTION ARTICLE MAIN TD TH LI DD DT BLOCKQUOTE H1 H2 H3 H4 H5 H6 FIGCAPTION HEADER FORM TABLE TBODY TR UL OL DL BODY ADDRESS DETAILS SUMMARY';
/** Elements that hold a block of text of their own (paragraph-like units). */
const BLOCKS = wordSet(`${SHARED_BLOCKS} PRE CENTER FONT`);

/** Boxes that chrome words name chrome (scope.ts: inline elements are not). */
export const NAMED_BOXES = 'DIV SECTION UL OL LI TABLE HEADER P FIGURE SPAN';
/** Containers that may be left out of an article as a whole. */
const CONTAINERS = wordSet(`${NAMED_BOXES} DL FIGCAPTION ARTICLE ASIDE FORM`);

/** A block this short that is nearly all link text is a link line (a related story, a source, a promotion), not prose. */
const LINK_LINE_CHARS = 300;
const LINK_LINE_DENSITY = 0.7;
/** Captions are left out while all of them together hold less than this share of a root's text. */
const CAPTION_SHARE = 0.25;

/** Readability's starting score per tag: containers of prose up, lists and headings down (others 0). */
const TAG_SCORES = new Map<string, number>();
for (const [score, tags] of [[5, 'DIV ARTICLE MAIN SECTION'], [3, 'PRE TD BLOCKQUOTE'], [-3, 'ADDRESS OL UL DL DD DT LI FORM'], [-5, 'H1 H2 H3 H4 H5 H6 TH']] as const) {
  for (const tag of tags.split(' ')) TAG_SCORES.set(tag, score);
}

const NON_SPACE = /\S/;
/** `display: none` as a declaration of its own (not "--x-display: none" or "font-display: none"). */
const DISPLAY_NONE = /(?:^|;)\s*display\s*:\s*none/i;
/** Stands for an inline display:none in place of the element's role (no ARIA role has this name). */
const HIDDEN = ' hidden';
const COMMAS = /[,，、،;；]/g;
/** Shortest block that counts as running text (Readability: 25 characters). */
const MIN_PARAGRAPH = 25;

export interface ScopeDecision {
  /** Roots to walk, in document order; empty if the page has no article and no headline. */
  roots: Element[];
  /** Blocks inside the roots that are left out (link lists, teasers, chrome-named boxes). */
  excluded: Element[];
  /** Chrome-named blocks inside the roots that hold article text, and are read. */
  kept: Element[];
}

/** A page of links or teasers, with no article: only its headline `h` (if any) is read. */
const noArticle = (t: Tree, h: number): ScopeDecision => ({ roots: h >= 0 ? [t.els[h] as Element] : [], excluded: [], kept: [] });

/**
 * Per-element figures, in arrays indexed by document (pre-)order. Plain arrays, filled while the
 * tree is read (TreeReader): an element's figures are final once the walk has left it.
 */
export interface Tree {
  els: Element[];
  /** Tag names as read once by the walk (later passes never ask the DOM again). */
  tags: string[];
  parent: number[];
  /** Last index inside the element's subtree. */
  end: number[];
  /** Text length of the subtree, and of it inside links. */
  len: number[];
  link: number[];
  /** Outermost links in the subtree. */
  links: number[];
  /** Own block text (text joined across inline children). */
  blockLen: number[];
  blockLink: number[];
  commas: number[];
  /** Inside a chrome landmark (never scores, never chosen): 1, else 0. */
  chrome: number[];
  /** Sum of paragraph scores in the subtree. */
  prose: number[];
  /** Candidate score (Readability's content score, before link density). */
  score: number[];
  /** Class/id weight (scope-words.ts), read when first needed; UNREAD until then. */
  weight: number[];
  /** JSON-LD scripts met by the walk (scope-meta.ts reads them only if the page has an article). */
  ld: Element[];
}

const UNREAD = 2;

/** Nodes read between two deadline checks. */
const CHECK_EVERY = 64;

/**
 * The element tree of <body>, read in one walk that can be cut into slices (`read`). The walk
 * steps with a TreeWalker's own firstChild/nextSibling/parentNode, so each node's parent is the
 * element the walk is in (no `parentElement` read per node), and the page cannot redirect the
 * steps by clobbering a form's properties. Each element's tag and attributes are read once.
 *
 * Every figure is summed up as the walk leaves an element (`close`): paragraphs score their
 * ancestors, subtrees add up into their parents. So the read is all of the cost that grows with the
 * page, and it is sliced; what is left for the decision reads only the candidates.
 */
export class TreeReader {
  readonly #t: Tree = {
    els: [], tags: [], parent: [], end: [], len: [], link: [], links: [], blockLen: [], blockLink: [], commas: [], chrome: [], prose: [], score: [], weight: [], ld: [],
  };
  /** The block each element's text is counted in (itself, or the block it is inline in). */
  readonly #blockOf: number[] = [];
  /** Inside a link (1), else 0. */
  readonly #inLink: number[] = [];
  /** The open elements from <body> down to the walk's position (indices). */
  readonly #open: number[] = [];
  readonly #walker: TreeWalker;
  /** The next node to read, already reached by the walker; null once the walk is over. */
  #node: Node | null;

  constructor(body: Element) {
    this.#walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    this.#add(body, 'BODY', -1, null);
    this.#node = this.#walker.firstChild();
    if (this.#node === null) this.#close();
  }

  /** Reads until `overdue()` (checked every 64 nodes) or the end. True while there is more. */
  read(overdue: () => boolean): boolean {
    const walker = this.#walker;
    const open = this.#open;
    let node = this.#node;
    let count = 0;
    while (node !== null) {
      const p = open[open.length - 1] as number;
      let descended = false;
      if (node.nodeType === 3) {
        // A text node over HUGE_NODE is not read whole: Firefox copies a node's text on every read (50 ms for 5 M
        // characters). Its length is exact; its commas are estimated from its first HUGE_NODE characters.
        const text = node as Text;
        this.#text(text.length > HUGE_NODE ? text.substringData(0, HUGE_NODE) : text.data, p, text.length);
      }
      else descended = this.#element(node as Element, p);
      node = descended ? walker.firstChild() : walker.nextSibling();
      if (descended && node === null) {
        // An element with nothing to read inside: it is done, its sibling is next.
        this.#close();
        node = walker.nextSibling();
      }
      // Subtree done: climb to the next element that has a sibling left.
      while (node === null && open.length > 1) {
        walker.parentNode();
        this.#close();
        node = walker.nextSibling();
      }
      if (node === null) while (open.length > 0) this.#close();
      if (node !== null && (++count & (CHECK_EVERY - 1)) === 0 && overdue()) break;
    }
    this.#node = node;
    return node !== null;
  }

  /**
   * Whether the page moved the walk's next node away from where the walk stands (removed it or its
   * parent while the walk was paused): the rest of the walk would then miss or misplace the
   * page's text, and the caller starts over. Read through the prototype (a form's `parentNode`
   * may be one of its controls).
   */
  lost(): boolean {
    const node = this.#node;
    if (node === null) return false;
    const parent = parentNodeOf(node);
    return parent !== this.#t.els[this.#open[this.#open.length - 1] as number] || !isConnectedOf(node);
  }

  #text(data: string, p: number, length: number): void {
    if (!NON_SPACE.test(data)) return;
    const t = this.#t;
    const b = this.#blockOf[p] as number;
    (t.blockLen[b] as number) += length;
    if (this.#inLink[p] === 1) (t.blockLink[b] as number) += length;
    else if (length > 20) {
      COMMAS.lastIndex = 0;
      let commas = 0;
      while (COMMAS.exec(data) !== null) commas++;
      (t.commas[b] as number) += Math.round((commas * length) / data.length);
    }
  }

  /** Reads one element; true if the walk goes into it (it was added and is now open). */
  #element(el: Element, p: number): boolean {
    let name: string;
    try {
      const tag: unknown = el.tagName;
      // A form's `tagName` may be one of its controls: then its prototype's getter tells.
      name = typeof tag === 'string' ? tag : tagNameOf(el);
    } catch {
      name = 'SCRIPT';
    }
    if (IGNORED.has(name)) {
      if (name === 'SCRIPT' && attr(el, 'type', name) === 'application/ld+json') this.#t.ld.push(el);
      return false;
    }
    let role: string | null = null;
    if (hasAttrs(el, name)) {
      if (hasAttr(el, 'hidden', name) || attr(el, 'aria-hidden', name) === 'true') return false;
      role = attr(el, 'role', name);
      // Hidden by its own style (a toolbar's collapsed panel): its text neither scores nor is chosen,
      // like a landmark's. It is still counted and read: a page's script may show it (slides, "more").
      const style = attr(el, 'style', name);
      if (style !== null && DISPLAY_NONE.test(style)) role = HIDDEN;
    }
    this.#add(el, name, p, role);
    return true;
  }

  #add(el: Element, tag: string, p: number, role: string | null): void {
    const t = this.#t;
    const i = t.els.length;
    t.els.push(el);
    t.tags.push(tag);
    this.#open.push(i);
    t.parent.push(p);
    t.end.push(i);
    this.#blockOf.push(p < 0 || BLOCKS.has(tag) ? i : (this.#blockOf[p] as number));
    t.chrome.push((p >= 0 && t.chrome[p] === 1) || CHROME_TAGS.has(tag) || (role !== null && (CHROME_ROLES.has(role) || role === HIDDEN)) ? 1 : 0);
    const linked = (p >= 0 && this.#inLink[p] === 1) || tag === 'A';
    this.#inLink.push(linked ? 1 : 0);
    // An outermost link counts once, in its own subtree (and so in every ancestor's).
    t.links.push(linked && (p < 0 || this.#inLink[p] === 0) ? 1 : 0);
    t.len.push(0);
    t.link.push(0);
    t.blockLen.push(0);
    t.blockLink.push(0);
    t.commas.push(0);
    t.prose.push(0);
    t.score.push(0);
    t.weight.push(UNREAD);
  }

  /**
   * The walk leaves the innermost open element: its own block text is complete, so a paragraph
   * scores its ancestors (Readability: parent 1, grandparent 1/2, then 1/(3·level)), and its
   * subtree's figures (all final, children close first) add up into its parent.
   */
  #close(): void {
    const t = this.#t;
    const i = this.#open.pop() as number;
    const blockLen = t.blockLen[i] as number;
    (t.len[i] as number) += blockLen;
    (t.link[i] as number) += (t.blockLink[i] as number);
    if (blockLen >= MIN_PARAGRAPH && t.chrome[i] === 0 && this.#blockOf[i] === i && (t.blockLink[i] as number) <= blockLen * 0.5) {
      const s = 1 + Math.min(t.commas[i] as number, 10) + Math.min(Math.floor(blockLen / 100), 3);
      (t.prose[i] as number) += s;
      let a = t.parent[i] as number;
      for (let level = 0; level < 5 && a >= 0; level++, a = t.parent[a] as number) {
        (t.score[a] as number) += s / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      }
    }
    const p = t.parent[i] as number;
    if (p < 0) return;
    (t.len[p] as number) += (t.len[i] as number);
    (t.link[p] as number) += (t.link[i] as number);
    (t.links[p] as number) += (t.links[i] as number);
    (t.prose[p] as number) += (t.prose[i] as number);
    if ((t.end[i] as number) > (t.end[p] as number)) t.end[p] = t.end[i] as number;
  }

  /** The figures, once `read` has returned false. */
  tree(): Tree {
    return this.#t;
  }
}

const linkDensity = (t: Tree, i: number): number => ((t.len[i] as number) > 0 ? (t.link[i] as number) / (t.len[i] as number) : 0);

/** Class/id weight of element `i` (scope-words.ts), read from the DOM once per decision. */
function weightOf(t: Tree, i: number): number {
  let w = t.weight[i] as number;
  if (w === UNREAD) {
    w = classWeight(t.els[i] as Element, t.tags[i]);
    t.weight[i] = w;
  }
  return w;
}

/** Semantic hints raise a candidate: the article body's microdata, <article>, <main>. */
function hint(el: Element, tag: string): number {
  const attrs = hasAttrs(el, tag);
  if (attrs && attr(el, 'itemprop', tag) === 'articleBody') return 30;
  if (tag === 'ARTICLE' || tag === 'MAIN' || (attrs && attr(el, 'role', tag) === 'main')) return 10;
  return 0;
}

function finalScore(t: Tree, i: number): number {
  const raw = t.score[i] as number;
  if (raw === 0) return 0;
  const tag = t.tags[i] as string;
  return (raw + (TAG_SCORES.get(tag) ?? 0) + 25 * weightOf(t, i) + hint(t.els[i] as Element, tag)) * (1 - linkDensity(t, i));
}

function isAncestor(t: Tree, a: number, i: number): boolean {
  return a <= i && i <= (t.end[a] as number);
}

/**
 * Readability's choice of the top candidate, then its widening to a parent. Returns
 * [widened, core]: the core is the best candidate itself (the text's own container).
 */
function topCandidate(t: Tree): [number, number] {
  // Candidates are outside chrome landmarks, and so are all their ancestors (chrome is inherited
  // downwards): the climbs below need not check.
  const n = t.els.length;
  const best: number[] = [];
  const scores = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    if (t.score[i] === 0 || t.chrome[i]) continue;
    const s = finalScore(t, i);
    scores[i] = s;
    if (best.length < 5 || s > (scores[best[best.length - 1] as number] as number)) {
      best.push(i);
      best.sort((a, b) => (scores[b] as number) - (scores[a] as number));
      if (best.length > 5) best.pop();
    }
  }
  if (best.length === 0) return [-1, -1];
  let top = best[0] as number;
  const core = top;
  const topScore = scores[top] as number;
  if (topScore <= 0) return [-1, -1];
  // Several strong candidates under one ancestor: the ancestor is the article (split bodies).
  const strong = best.slice(1).filter((i) => (scores[i] as number) >= topScore * 0.75);
  if (strong.length >= 2) {
    for (let a = t.parent[top] as number; a > 0; a = t.parent[a] as number) {
      if (strong.filter((i) => isAncestor(t, a, i)).length >= 2) {
        top = a;
        break;
      }
    }
  }
  // Climb while the parent scores about as well (the text is spread over it).
  let last = scores[top] as number;
  for (let a = t.parent[top] as number; a > 0; a = t.parent[a] as number) {
    const s = scores[a] as number;
    if (s === 0) continue;
    if (s < last / 3) break;
    if (s > last) {
      top = a;
      break;
    }
    last = s;
  }
  // An ancestor about as free of links as the article, whose running text before this one is half as
  // much again, and with little after it: the article's intro in a row of its own above the body (what
  // follows an article is more often comments and teasers; a list of summaries before it has links).
  // Not across a table row: its cells are columns side by side (a left column is not an intro).
  const ld = linkDensity(t, top) + 0.1;
  for (let a = t.parent[top] as number; a > 0 && t.tags[a] !== 'TR' && linkDensity(t, a) <= ld; a = t.parent[a] as number) {
    const p = t.prose[top] as number;
    const after = proseFrom(t, (t.end[top] as number) + 1, a);
    if ((t.prose[a] as number) >= 1.5 * p + after && after <= p / 4) top = a;
  }
  // An only child adds nothing of its own: its parent is the article's container.
  while (top > 0 && (t.parent[top] as number) > 0 && (t.els[top] as Element).parentElement?.childElementCount === 1) top = t.parent[top] as number;
  return [top, core];
}

/** Siblings of the top candidate that hold more of the article (Readability's sibling pass). */
function siblings(t: Tree, top: number, meta: ArticleMeta | null): number[] {
  const out = [top];
  const p = t.parent[top] as number;
  if (p < 0) return out;
  const topScore = finalScore(t, top);
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = classOf(t, top);
  for (let i = p + 1; i <= (t.end[p] as number); i = (t.end[i] as number) + 1) {
    if (i === top || t.chrome[i]) continue;
    const len = t.len[i] as number;
    const ld = linkDensity(t, i);
    if (t.tags[i] === 'P') {
      if ((len > 80 && ld < 0.25) || (len > 0 && ld === 0 && (t.prose[i] as number) > 0)) out.push(i);
      continue;
    }
    let s = finalScore(t, i);
    if (topClass && classOf(t, i) === topClass) s += topScore * 0.2;
    // The page's own article text, where it gives it, outweighs the sibling's score.
    if (s >= threshold && ld < 0.3 && weightOf(t, i) >= 0 && (t.prose[i] as number) >= 3 && !(meta?.body && inBody(meta, foldedText(t, i)) === 0)) out.push(i);
  }
  return out;
}

/**
 * Children alike in tag and class, each with a link: a list of teasers. The figures the walk has
 * already counted are checked first; class names are read only for a block that passes them
 * (a paragraph of a hundred inline elements is not a list of links, whatever their classes).
 */
function teaserList(t: Tree, i: number): boolean {
  if (linkDensity(t, i) <= 0.25) return false;
  let withLinks = 0;
  let count = 0;
  for (let c = i + 1; c <= (t.end[i] as number); c = (t.end[c] as number) + 1) {
    count++;
    if ((t.links[c] as number) > 0) withLinks++;
  }
  if (count < 3 || withLinks < count * 0.6 || (t.els[i] as Element).childElementCount < 3) return false;
  const seen = new Map<string, number>();
  let most = 0;
  for (let c = i + 1; c <= (t.end[i] as number); c = (t.end[c] as number) + 1) {
    const tag = t.tags[c] as string;
    const key = `${tag} ${classOf(t, c) ?? ''}`;
    const seenTimes = (seen.get(key) ?? 0) + 1;
    seen.set(key, seenTimes);
    if (seenTimes > most) most = seenTimes;
  }
  return most >= 3 && most >= count * 0.6;
}

/** Element `i`'s text, folded (scope-meta.ts); read from the DOM only where JSON-LD is compared. */
const foldedText = (t: Tree, i: number): string => fold(textOf(t.els[i] as Element));

/** Length of the running text (blocks of prose, not links) in `i`'s subtree. */
function proseLen(t: Tree, i: number): number {
  let sum = 0;
  for (let j = i; j <= (t.end[i] as number); j++) {
    const len = t.blockLen[j] as number;
    if (len >= MIN_PARAGRAPH && (t.blockLink[j] as number) <= len * 0.5) sum += len;
  }
  return sum;
}

/** A short block that names the page's declared author: the byline or the author's box. */
const byline = (meta: ArticleMeta, text: string, len: number): boolean => len < 300 && meta.authors.some((a) => text.includes(a));

const PICTURES = wordSet('IMG PICTURE');

/** The previous sibling element of `i` in the tree, or -1. */
function previous(t: Tree, i: number): number {
  const p = t.parent[i] as number;
  if (p === i - 1) return -1;
  let prev = i - 1;
  while ((t.parent[prev] as number) !== p) prev = t.parent[prev] as number;
  return prev;
}

const SUBHEADS = wordSet('H2 H3 H4 H5 H6');

/**
 * A caption by position, in any language or class naming: a short box that starts with a picture, or
 * a short line right after a picture in a box that holds only the two. A line after a paragraph that
 * holds only a picture is not one by position alone: blogs write their text that way too (the
 * held-out half lost a main-content line to that rule); captions there are found by their words.
 */
function afterPicture(t: Tree, i: number): boolean {
  const len = t.len[i] as number;
  if (len === 0 || len > 200 || linkDensity(t, i) > 0.5) return false;
  // A box that starts with its picture: the rest of its short text is the caption.
  if (PICTURES.has(t.tags[i + 1] as string) && t.tags[i] !== 'P') return true;
  const prev = previous(t, i);
  return prev >= 0 && PICTURES.has(t.tags[prev] as string) && t.len[t.parent[i] as number] === len;
}

/**
 * A subheading with no text after it in the root: it introduces what the page puts after the
 * article (teasers, "More on this:"), not a part of the article. -1 if the root ends otherwise.
 */
function trailingHeading(t: Tree, r: number): number {
  let j = t.end[r] as number;
  while (j > r && (t.blockLen[j] as number) === 0) j--;
  for (let a = j; a > r; a = t.parent[a] as number) {
    if (!SUBHEADS.has(t.tags[a] as string)) continue;
    if ((t.len[a] as number) >= 120) return -1;
    // A heading over a picture is the picture's title.
    for (let k = (t.end[a] as number) + 1; k <= (t.end[r] as number); k++) if (PICTURES.has(t.tags[k] as string)) return -1;
    return a;
  }
  return -1;
}

/** Blocks inside the roots to leave out, and chrome-named blocks to keep. */
function exclusions(t: Tree, roots: number[], core: number, meta: ArticleMeta | null, h = -1): { excluded: Element[]; kept: Element[] } {
  const excluded: Element[] = [];
  const kept: Element[] = [];
  for (const r of roots) {
    const total = Math.max(t.prose[r] as number, 1);
    // Captions (outermost), left out below unless they are much of the text (a gallery, a video page).
    const captions: number[] = [];
    let captionLen = 0;
    // The end of the last block found whole in the declared article text.
    let declared = -1;
    for (let i = r + 1; i <= (t.end[r] as number); ) {
      const tag = t.tags[i] as string;
      if (!CONTAINERS.has(tag)) {
        i++;
        continue;
      }
      const share = (t.prose[i] as number) / total;
      const ld = linkDensity(t, i);
      const len = t.len[i] as number;
      // The best candidate's own container and its ancestors hold the article, whatever their name.
      const holdsCore = core >= 0 && isAncestor(t, i, core);
      let out = false;
      // The block that holds the headline is looked into, not left out whole.
      // Before the best candidate stands the standfirst, which JSON-LD often leaves out of articleBody.
      if (!holdsCore && meta !== null && i > declared && i > core && len >= 15 && len <= 3000 && !(h >= 0 && isAncestor(t, i, h))) {
        const text = foldedText(t, i);
        const found = meta.body ? inBody(meta, text) : 0.5;
        // All of it is the article's declared text: not compared again inside (the other rules still apply).
        // Not in it, after the first block that is: the standfirst before the text is often not declared.
        if (found === 1) declared = t.end[i] as number;
        else out = (found === 0 && declared >= 0) || byline(meta, text, len);
      }
      if (!out && !holdsCore && share < 0.6) {
        if (ld > 0.5 && (t.links[i] as number) >= 2 && tag !== 'P') out = true;
        else if (len > 0 && len < LINK_LINE_CHARS && ld >= LINK_LINE_DENSITY) out = true;
        else if (weightOf(t, i) < 0) out = true;
        else if (share < 0.25 && teaserList(t, i)) out = true;
        else if (embeddedStory(t, i) || closingLine(t, i, r, total, len)) out = true;
        else if (share < 0.25 && secondHeadline(t, i, r, h, total)) {
          // A second headline's region after the article's text: it and all that follows in the root.
          for (let k = i; k <= (t.end[r] as number); k = (t.end[k] as number) + 1) if ((t.len[k] as number) > 0) excluded.push(t.els[k] as Element);
          break;
        }
        else if (tag === 'FIGCAPTION' || captionWords(t.els[i] as Element, tag) || afterPicture(t, i)) {
          captions.push(i);
          captionLen += len;
          i = (t.end[i] as number) + 1;
          continue;
        }
        // After the captions: a photo essay's captions may be set in fine print, and are its text.
        else if (finePrint(t, i)) out = true;
      }
      if (out) {
        excluded.push(t.els[i] as Element);
        // The heading that introduces a list of links left out ("Related", "More on this") goes with it.
        const prev = previous(t, i);
        if (prev > r && ld > 0.5 && SUBHEADS.has(t.tags[prev] as string) && (t.len[prev] as number) < 120) excluded.push(t.els[prev] as Element);
        i = (t.end[i] as number) + 1;
        continue;
      }
      if (weightOf(t, i) < 0) kept.push(t.els[i] as Element);
      i++;
    }
    if (captionLen < CAPTION_SHARE * (t.len[r] as number)) for (const c of captions) excluded.push(t.els[c] as Element);
    const last = trailingHeading(t, r);
    if (last >= 0) excluded.push(t.els[last] as Element);
  }
  return { excluded, kept };
}

/** The page's headline for this article: the nearest <h1> before it (a logo's <h1> comes first); else the first after it. */
function headline(t: Tree, roots: number[]): number {
  const first = roots[0] as number;
  let found = -1;
  for (let i = 1; i < t.els.length; i++) {
    if (t.tags[i] !== 'H1' || t.chrome[i] || t.len[i] === 0) continue;
    // No <h1> before the article: one inside it is read with it; else the page's first.
    if (i >= first) return found < 0 ? i : found;
    found = i;
  }
  return found;
}

/**
 * The headline's own block: its header with the standfirst and byline, as long as that block is
 * short, mostly not links, and not an ancestor of the article (a page-wide header is not).
 */
function headlineBlock(t: Tree, h: number, roots: number[]): number {
  let block = h;
  for (let a = t.parent[h] as number; a > 0; a = t.parent[a] as number) {
    if (roots.some((r) => isAncestor(t, a, r))) break;
    if ((t.len[a] as number) > 1500 || linkDensity(t, a) > 0.25) break;
    block = a;
  }
  return block;
}

/** The decision in one go (tests, the benchmark, the evaluation); the scanner reads in slices. */
export function decideScope(body: Element): ScopeDecision {
  const reader = new TreeReader(body);
  reader.read(() => false);
  return decide(reader.tree(), body);
}

/** The decision from a tree read to its end. */
export function decide(t: Tree, body: Element): ScopeDecision {
  const [top, core] = topCandidate(t);
  if (top < 0) {
    // Not one block of running text, and mostly links: a page of headlines.
    if ((t.links[0] as number) >= 10 && linkDensity(t, 0) > 0.5) {
      return noArticle(t, headline(t, [t.els.length]));
    }
    const { excluded, kept } = exclusions(t, [0], -1, null);
    return { roots: [body], excluded, kept };
  }
  const meta = articleMeta(body.ownerDocument, t.ld);
  // A declared article text much shorter than the running text around the best candidate is a teaser.
  if (meta !== null && meta.body.length < 0.4 * proseLen(t, top)) meta.body = '';
  const roots = siblings(t, top, meta).sort((a, b) => a - b);
  const prose = roots.reduce((sum, r) => sum + (t.prose[r] as number), 0);
  const h = headline(t, roots);
  // A page of links and teasers, with no run of prose: no article; only its headline is read.
  const teasers = teaserList(t, top) && (t.prose[top] as number) < 40 && linkDensity(t, top) > 0.4;
  if ((prose < 3 && linkDensity(t, 0) > 0.4) || teasers) return noArticle(t, h);
  const { excluded, kept } = exclusions(t, roots, core, meta, h);
  const out = roots.map((r) => t.els[r] as Element);
  if (h >= 0 && !roots.some((r) => isAncestor(t, r, h))) {
    const block = headlineBlock(t, h, roots);
    out.unshift(t.els[block] as Element);
    // The byline beside the headline (the headline itself is read).
    if (meta !== null && meta.authors.length > 0) {
      for (let i = block + 1; i <= (t.end[block] as number); i++) {
        if (!isAncestor(t, i, h) && !isAncestor(t, h, i) && CONTAINERS.has(t.tags[i] as string) && byline(meta, foldedText(t, i), t.len[i] as number)) {
          excluded.push(t.els[i] as Element);
          i = t.end[i] as number;
        }
      }
    }
  }
  return { roots: out, excluded, kept };
}
