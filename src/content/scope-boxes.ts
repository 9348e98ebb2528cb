/**
 * Boxes inside the article's container that are not the article, told by their shape and place
 * rather than their names (scope-score.ts calls these while it looks through a root):
 * - fine print: a short line set wholly in small or slanted type that closes its section (an
 *   "all figures without guarantee", a source, an affiliate disclosure);
 * - an embedded story: a box that opens with its own heading and its own byline (a fact box that
 *   carries another article);
 * - a second headline's region: a box after the article's text that opens with an <h1> of its own
 *   (a donation or "while you are here" box), and what follows it.
 */
import { attr } from './dom-safe';
import type { Tree } from './scope-score';

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Type that says "fine print": small, or slanted; a <span>/<font> only by a small font size of its own. */
const FINE = new Set(['SMALL', 'EM', 'I', 'SUB']);
/** An inline font size under the text's own: a few points, a few pixels, a keyword, or a fraction. */
const SMALL_SIZE = /font-size\s*:\s*(?:[1-9](?:\.\d+)?pt|(?:[1-9]|1[0-2])(?:\.\d+)?px|x*-?small(?:er)?|0?\.\d+(?:em|rem)|[1-8]\d%)/i;
const FINE_LINE = 80;
const PICTURES = new Set(['IMG', 'PICTURE', 'FIGURE']);
/** The line ends as a sentence or a lead-in does, before any closing bracket or quote. */
const SENTENCE_END = /[.!?:…。！？：][)\]"'”’»\s]*$/;

/** The next sibling element of `i` that holds text, or -1. */
function nextWithText(t: Tree, i: number): number {
  const p = t.parent[i] as number;
  for (let j = (t.end[i] as number) + 1; j <= (t.end[p] as number); j = (t.end[j] as number) + 1) if ((t.len[j] as number) > 0) return j;
  return -1;
}

/** The previous sibling element of `i` that holds text, or -1. */
function previousWithText(t: Tree, i: number): number {
  const p = t.parent[i] as number;
  for (let j = i - 1; j > p; ) {
    while ((t.parent[j] as number) !== p) j = t.parent[j] as number;
    if ((t.len[j] as number) > 0) return j;
    j--;
  }
  return -1;
}

/**
 * A short line wholly in fine print (one inline element holds all of its text) that ends its
 * section: nothing or a heading comes after it. A slanted line followed by text is a run-in
 * heading or an interview's question, part of the article; a line after another such line is
 * the end of a poem.
 */
export function finePrint(t: Tree, i: number): boolean {
  if (!fineLine(t, i)) return false;
  const next = nextWithText(t, i);
  return (next < 0 || HEADINGS.has(t.tags[next] as string)) && !fineLine(t, previousWithText(t, i));
}

/** A short paragraph (no links, no sentence) whose text is all in one inline element of fine print. */
function fineLine(t: Tree, i: number): boolean {
  if (i < 0) return false;
  const len = t.len[i] as number;
  // A paragraph: a box of one short line is as often a picture's credit under a lazy picture the walk cannot see.
  if (t.tags[i] !== 'P' || len === 0 || len > FINE_LINE || (t.link[i] as number) > 0) return false;
  // A picture's credit is its caption (scope-score.ts weighs captions together).
  for (let j = i + 1; j <= (t.end[i] as number); j++) if (PICTURES.has(t.tags[j] as string)) return false;
  // A sentence ("Additional reporting by Jane Doe.") or a lead-in ("More photos:") is the article's own line.
  if (SENTENCE_END.test((t.els[i] as Element).textContent ?? '')) return false;
  // The walk counts inline text in its block: the DOM tells which element holds it (a few nodes, short lines only).
  for (let el = only(t.els[i] as Element); el !== null; el = only(el)) {
    const inner = el.tagName;
    if (FINE.has(inner)) return true;
    if (inner === 'SPAN' || inner === 'FONT') {
      const style = attr(el, 'style', inner);
      if ((style !== null && SMALL_SIZE.test(style)) || (inner === 'FONT' && /^(?:[12]|-\d)$/.test(attr(el, 'size', inner) ?? ''))) return true;
    }
  }
  return false;
}

/** The one child element that holds all of `el`'s text (beside blank text and empty elements), or null. */
function only(el: Element): Element | null {
  let found: Element | null = null;
  for (let c = el.firstChild; c !== null; c = c.nextSibling) {
    if (c.nodeType === 3) {
      if (NON_SPACE.test((c as Text).data)) return null;
    } else if (c.nodeType === 1 && NON_SPACE.test(c.textContent ?? '')) {
      if (found !== null) return null;
      found = c as Element;
    }
  }
  return found;
}

const NON_SPACE = /\S/;

/** The word that opens a byline, in the languages of the pages Backstory reads. */
const BY = new Set(['by', 'von', 'par', 'por', 'di', 'door', 'av', 'af', 'przez']);
/** What follows it: capitalised names and the words that join them ("Jane Doe for The Paper"), no sentence. */
const NAMES = /^\p{Lu}\S*(?:\s+(?:\p{Lu}\S*|and|und|et|y|e|&|for|für|pour|para|per|voor|för))*$/u;

/** The first block with text inside `i` after index `from`. */
function firstText(t: Tree, i: number, from: number): number {
  for (let j = from; j <= (t.end[i] as number); j++) if ((t.blockLen[j] as number) > 0) return j;
  return -1;
}

/**
 * A box that opens with a subheading and then a byline: another article set inside this one. The
 * caller asks only about boxes that are one of a kind in their root (a live blog's entries each
 * open this way, and are its text).
 */
export function embeddedStory(t: Tree, i: number): boolean {
  const head = firstText(t, i, i + 1);
  if (head < 0 || !HEADINGS.has(t.tags[head] as string) || t.tags[head] === 'H1') return false;
  const line = firstText(t, i, (t.end[head] as number) + 1);
  if (line < 0 || (t.blockLen[line] as number) > 80) return false;
  const [by, ...names] = ((t.els[line] as Element).textContent ?? '').trim().split(/\s+/);
  return by !== undefined && BY.has(by.toLowerCase()) && NAMES.test(names.join(' '));
}

/** The box opens with an <h1> (after any pictures): a second headline, a region of its own. */
export function opensWithH1(t: Tree, i: number): boolean {
  const head = firstText(t, i, i + 1);
  return head >= 0 && t.tags[head] === 'H1';
}
