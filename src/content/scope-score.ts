/**
 * Scope v2: finds the article on any page from signals that hold on sites never seen (issue 13),
 * after Mozilla Readability's scoring: every block of running text scores its container and the
 * container's ancestors (more for longer, comma-rich text), each candidate's score is scaled by its
 * link density, the best candidate is widened to a parent or siblings that hold more of the same
 * text, and inside the result the blocks that are mostly links, repeated teaser structures or
 * chrome-named boxes without much of the text are left out. Class and id words are one signal
 * among others (scope-words.ts), in several languages.
 *
 * One pass over the element tree (a TreeWalker, no `textContent` copies, no layout), then passes
 * over plain arrays indexed by document order: linear in the page's size.
 */
import { attr, hasAttr, hasAttrs } from './dom-safe';
import { classWeight } from './scope-words';

/** Subtrees whose text is never read (not content, or controls). */
const IGNORED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'BUTTON', 'INPUT', 'SVG', 'svg', 'MATH',
  'math', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK', 'DIALOG', 'BACKSTORY-CARD',
]);

/** Landmarks of chrome: their text neither scores nor is ever chosen. */
const CHROME_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'MENU']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog', 'alertdialog', 'toolbar', 'tablist']);

/** Elements that hold a block of text of their own (paragraph-like units). */
const BLOCKS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'TD', 'TH', 'LI', 'DD', 'DT', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'FIGCAPTION', 'HEADER', 'FORM', 'TABLE', 'TBODY', 'TR', 'UL', 'OL', 'DL', 'BODY', 'CENTER', 'FONT', 'ADDRESS', 'DETAILS', 'SUMMARY',
]);

/** Containers that may be left out of an article as a whole. */
const CONTAINERS = new Set(['DIV', 'SECTION', 'UL', 'OL', 'DL', 'TABLE', 'HEADER', 'FIGURE', 'ARTICLE', 'LI', 'ASIDE', 'FORM', 'SPAN', 'P']);

/** Readability's starting score per tag: containers of prose up, lists and headings down. */
function tagScore(tag: string): number {
  switch (tag) {
    case 'DIV': case 'ARTICLE': case 'MAIN': case 'SECTION': return 5;
    case 'PRE': case 'TD': case 'BLOCKQUOTE': return 3;
    case 'ADDRESS': case 'OL': case 'UL': case 'DL': case 'DD': case 'DT': case 'LI': case 'FORM': return -3;
    case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': case 'TH': return -5;
    default: return 0;
  }
}

const NON_SPACE = /\S/;
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
  /** 'article': a best candidate; 'none': a page of links or teasers (only its <h1>); 'page': no prose at all. */
  kind: 'article' | 'none' | 'page';
}

/** Per-element figures, in arrays indexed by document (pre-)order. */
interface Tree {
  els: Element[];
  parent: Int32Array;
  /** Last index inside the element's subtree. */
  end: Int32Array;
  /** Text length of the subtree, and of it inside links. */
  len: Float64Array;
  link: Float64Array;
  links: Int32Array;
  /** Own block text (text joined across inline children). */
  blockLen: Float64Array;
  blockLink: Float64Array;
  commas: Float64Array;
  /** Inside a chrome landmark (never scores, never chosen). */
  chrome: Uint8Array;
  /** Sum of paragraph scores in the subtree. */
  prose: Float64Array;
  /** Candidate score (Readability's content score, before link density). */
  score: Float64Array;
}

function readTree(body: Element): Tree {
  const els: Element[] = [];
  const parentList: number[] = [];
  const blockOf: number[] = [];
  const chromeList: number[] = [];
  const inLink: number[] = [];
  // The open elements from <body> down to the walk's position: a node's parent is found by
  // popping to it (identity checks), not by a Map lookup per node.
  const stack: number[] = [];
  const parentIndex = (parent: Element | null): number => {
    while (stack.length > 1 && els[stack[stack.length - 1] as number] !== parent) stack.pop();
    return els[stack[stack.length - 1] as number] === parent ? (stack[stack.length - 1] as number) : -1;
  };
  const textLen: number[] = [];
  const textLink: number[] = [];
  const textCommas: number[] = [];
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const push = (el: Element, p: number): number => {
    const i = els.length;
    els.push(el);
    stack.push(i);
    parentList.push(p);
    const tag = el.tagName;
    blockOf.push(p < 0 || BLOCKS.has(tag) ? i : (blockOf[p] as number));
    const role = hasAttrs(el) ? attr(el, 'role') : null;
    chromeList.push((p >= 0 && chromeList[p] === 1) || CHROME_TAGS.has(tag) || (role !== null && CHROME_ROLES.has(role)) ? 1 : 0);
    inLink.push((p >= 0 && inLink[p] === 1) || tag === 'A' ? 1 : 0);
    textLen.push(0);
    textLink.push(0);
    textCommas.push(0);
    return i;
  };
  push(body, -1);
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      const p = parentIndex(node.parentElement);
      if (p >= 0 && NON_SPACE.test(data)) {
        const b = blockOf[p] as number;
        textLen[b] = (textLen[b] as number) + data.length;
        if (inLink[p] === 1) textLink[b] = (textLink[b] as number) + data.length;
        else if (data.length > 20) {
          COMMAS.lastIndex = 0;
          let commas = 0;
          while (COMMAS.exec(data) !== null) commas++;
          textCommas[b] = (textCommas[b] as number) + commas;
        }
      }
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    let tag = '';
    try {
      tag = el.tagName;
    } catch {
      tag = 'SCRIPT';
    }
    const hidden = hasAttrs(el) && (hasAttr(el, 'hidden') || attr(el, 'aria-hidden') === 'true');
    if (IGNORED.has(tag) || hidden) {
      node = skip(walker, el, body);
      continue;
    }
    const p = parentIndex(el.parentElement);
    push(el, p < 0 ? 0 : p);
    node = walker.nextNode();
  }
  const n = els.length;
  const tree: Tree = {
    els,
    parent: Int32Array.from(parentList),
    end: new Int32Array(n),
    len: Float64Array.from(textLen),
    link: Float64Array.from(textLink),
    links: new Int32Array(n),
    blockLen: Float64Array.from(textLen),
    blockLink: Float64Array.from(textLink),
    commas: Float64Array.from(textCommas),
    chrome: Uint8Array.from(chromeList),
    prose: new Float64Array(n),
    score: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    tree.end[i] = i;
    if (inLink[i] === 1 && (i === 0 || inLink[tree.parent[i] as number] === 0)) tree.links[i] = 1;
  }
  // Paragraphs score their ancestors (Readability: parent 1, grandparent 1/2, then 1/(3·level)).
  for (let i = 0; i < n; i++) {
    const len = tree.blockLen[i] as number;
    if (len < MIN_PARAGRAPH || tree.chrome[i] === 1 || blockOf[i] !== i) continue;
    if ((tree.blockLink[i] as number) > len * 0.5) continue;
    const s = 1 + Math.min(tree.commas[i] as number, 10) + Math.min(Math.floor(len / 100), 3);
    tree.prose[i] = s;
    let a = tree.parent[i] as number;
    for (let level = 0; level < 5 && a >= 0; level++, a = tree.parent[a] as number) {
      tree.score[a] = (tree.score[a] as number) + s / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  // Subtree sums, children before parents (reverse document order).
  for (let i = n - 1; i > 0; i--) {
    const p = tree.parent[i] as number;
    tree.len[p] = (tree.len[p] as number) + (tree.len[i] as number);
    tree.link[p] = (tree.link[p] as number) + (tree.link[i] as number);
    tree.links[p] = (tree.links[p] as number) + (tree.links[i] as number);
    tree.prose[p] = (tree.prose[p] as number) + (tree.prose[i] as number);
    if ((tree.end[i] as number) > (tree.end[p] as number)) tree.end[p] = tree.end[i] as number;
  }
  return tree;
}

function skip(walker: TreeWalker, el: Element, root: Element): Node | null {
  walker.currentNode = el;
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    const parent = walker.parentNode();
    if (!parent || parent === root) return null;
  }
}

const linkDensity = (t: Tree, i: number): number => ((t.len[i] as number) > 0 ? (t.link[i] as number) / (t.len[i] as number) : 0);

/** Semantic hints raise a candidate: the article body's microdata, <article>, <main>. */
function hint(el: Element, tag: string): number {
  if (hasAttrs(el) && attr(el, 'itemprop') === 'articleBody') return 30;
  if (tag === 'ARTICLE' || tag === 'MAIN' || (hasAttrs(el) && attr(el, 'role') === 'main')) return 10;
  return 0;
}

function finalScore(t: Tree, i: number): number {
  const el = t.els[i] as Element;
  const raw = t.score[i] as number;
  if (raw === 0) return 0;
  return (raw + tagScore(el.tagName) + 25 * classWeight(el) + hint(el, el.tagName)) * (1 - linkDensity(t, i));
}

function isAncestor(t: Tree, a: number, i: number): boolean {
  return a <= i && i <= (t.end[a] as number);
}

/**
 * Readability's choice of the top candidate, then its widening to a parent. Returns
 * [widened, core]: the core is the best candidate itself (the text's own container).
 */
function topCandidate(t: Tree): [number, number] {
  const n = t.els.length;
  const best: number[] = [];
  const scores = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    if (t.score[i] === 0 || t.chrome[i] === 1) continue;
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
    if (t.chrome[a] === 1) break;
    const s = scores[a] as number;
    if (s === 0) continue;
    if (s < last / 3) break;
    if (s > last) {
      top = a;
      break;
    }
    last = s;
  }
  // An only child adds nothing of its own: its parent is the article's container.
  while (top > 0 && (t.parent[top] as number) > 0 && (t.els[top] as Element).parentElement?.childElementCount === 1 && t.chrome[t.parent[top] as number] === 0) top = t.parent[top] as number;
  return [top, core];
}

/** Siblings of the top candidate that hold more of the article (Readability's sibling pass). */
function siblings(t: Tree, top: number): number[] {
  const out = [top];
  const p = t.parent[top] as number;
  if (p < 0) return out;
  const topScore = finalScore(t, top);
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = attr(t.els[top] as Element, 'class');
  for (let i = p + 1; i <= (t.end[p] as number); i = (t.end[i] as number) + 1) {
    if (i === top || t.chrome[i] === 1) continue;
    const el = t.els[i] as Element;
    let s = finalScore(t, i);
    if (topClass && attr(el, 'class') === topClass) s += topScore * 0.2;
    const len = t.len[i] as number;
    const ld = linkDensity(t, i);
    if (el.tagName === 'P') {
      if ((len > 80 && ld < 0.25) || (len > 0 && ld === 0 && (t.prose[i] as number) > 0)) out.push(i);
    } else if (s >= threshold && ld < 0.3 && classWeight(el) >= 0 && (t.prose[i] as number) >= 3) out.push(i);
  }
  return out;
}

/** Children alike in tag and class, each with a link: a list of teasers. */
function teaserList(t: Tree, i: number): boolean {
  const el = t.els[i] as Element;
  if (el.childElementCount < 3) return false;
  const seen = new Map<string, number>();
  let withLinks = 0;
  let count = 0;
  for (let c = i + 1; c <= (t.end[i] as number); c = (t.end[c] as number) + 1) {
    const child = t.els[c] as Element;
    const key = `${child.tagName} ${attr(child, 'class') ?? ''}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    count++;
    if ((t.links[c] as number) > 0) withLinks++;
  }
  let most = 0;
  for (const v of seen.values()) most = Math.max(most, v);
  return most >= 3 && most >= count * 0.6 && withLinks >= count * 0.6 && linkDensity(t, i) > 0.25;
}

/** Blocks inside the roots to leave out, and chrome-named blocks to keep. */
function exclusions(t: Tree, roots: number[], core: number): { excluded: Element[]; kept: Element[] } {
  const excluded: Element[] = [];
  const kept: Element[] = [];
  for (const r of roots) {
    const total = Math.max(t.prose[r] as number, 1);
    for (let i = r + 1; i <= (t.end[r] as number); ) {
      const el = t.els[i] as Element;
      const tag = el.tagName;
      if (!CONTAINERS.has(tag)) {
        i++;
        continue;
      }
      const share = (t.prose[i] as number) / total;
      const ld = linkDensity(t, i);
      // The best candidate's own container and its ancestors hold the article, whatever their name.
      const holdsCore = core >= 0 && isAncestor(t, i, core);
      let out = false;
      if (!holdsCore && share < 0.6) {
        if (ld > 0.5 && (t.links[i] as number) >= 2 && tag !== 'P') out = true;
        else if (classWeight(el) < 0) out = true;
        else if (share < 0.25 && teaserList(t, i)) out = true;
      }
      if (out) {
        excluded.push(el);
        i = (t.end[i] as number) + 1;
        continue;
      }
      if (classWeight(el) < 0) kept.push(el);
      i++;
    }
  }
  return { excluded, kept };
}

/** The page's headline for this article: the nearest <h1> before it (a logo's <h1> comes first). */
function headline(t: Tree, roots: number[]): number {
  const first = roots[0] as number;
  let found = -1;
  for (let i = 1; i < t.els.length && i < first; i++) {
    if ((t.els[i] as Element).tagName === 'H1' && t.chrome[i] === 0 && (t.len[i] as number) > 0) found = i;
  }
  if (found >= 0) return found;
  // No <h1> before the article: one inside it is read with it; else the page's first.
  for (let i = 1; i < t.els.length; i++) if ((t.els[i] as Element).tagName === 'H1' && t.chrome[i] === 0 && (t.len[i] as number) > 0) return i;
  return -1;
}

/**
 * The headline's own block: its header with the standfirst and byline, as long as that block is
 * short, mostly not links, and not an ancestor of the article (a page-wide header is not).
 */
function headlineBlock(t: Tree, h: number, roots: number[]): number {
  let block = h;
  for (let a = t.parent[h] as number; a > 0; a = t.parent[a] as number) {
    if (roots.some((r) => isAncestor(t, a, r)) || t.chrome[a] === 1) break;
    if ((t.len[a] as number) > 1500 || linkDensity(t, a) > 0.25) break;
    block = a;
  }
  return block;
}

export function decideScope(body: Element): ScopeDecision {
  const t = readTree(body);
  const [top, core] = topCandidate(t);
  if (top < 0) {
    // Not one block of running text, and mostly links: a page of headlines.
    if ((t.links[0] as number) >= 10 && linkDensity(t, 0) > 0.5) {
      const h = headline(t, [t.els.length]);
      return { roots: h >= 0 ? [t.els[h] as Element] : [], excluded: [], kept: [], kind: 'none' };
    }
    const { excluded, kept } = exclusions(t, [0], -1);
    return { roots: [body], excluded, kept, kind: 'page' };
  }
  const roots = siblings(t, top).sort((a, b) => a - b);
  const prose = roots.reduce((sum, r) => sum + (t.prose[r] as number), 0);
  const h = headline(t, roots);
  // A page of links and teasers, with no run of prose: no article; only its headline is read.
  const teasers = teaserList(t, top) && (t.prose[top] as number) < 40 && linkDensity(t, top) > 0.4;
  if ((prose < 3 && linkDensity(t, 0) > 0.4) || teasers) {
    return { roots: h >= 0 ? [t.els[h] as Element] : [], excluded: [], kept: [], kind: 'none' };
  }
  const { excluded, kept } = exclusions(t, roots, core);
  const out = roots.map((r) => t.els[r] as Element);
  if (h >= 0 && !roots.some((r) => isAncestor(t, r, h))) out.unshift(t.els[headlineBlock(t, h, roots)] as Element);
  return { roots: out, excluded, kept, kind: 'article' };
}
