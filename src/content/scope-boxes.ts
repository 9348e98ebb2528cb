/**
 * Boxes inside the article's container that are not the article, told by their shape and place
 * rather than their names (scope-score.ts asks about each box while it looks through a root):
 * - fine print: a short line set wholly in small or slanted type that closes its section (an
 *   "all figures without guarantee", a source, an affiliate disclosure);
 * - a second headline's region: a box after the article's text that opens with an <h1> of its own
 *   (a donation or "while you are here" box); the caller leaves out what follows it too.
 * - an embedded story: a box that opens with a subheading and then a byline, another article set
 *   inside this one (a fact box that carries a second story).
 * Short to ship: content.js has a byte budget.
 */
import { attr, textOf } from './dom-safe';
import type { Tree } from './scope-score';

const HEADING = /^H[1-6]$/;

/** Element `i`'s class attribute (read through dom-safe: a form's may be clobbered). */
export const classOf = (t: Tree, i: number): string | null => attr(t.els[i] as Element, 'class', t.tags[i]);

/** The first block with text in `i`'s subtree from index `from`, or -1. */
function firstText(t: Tree, i: number, from: number): number {
  for (let j = from; j <= (t.end[i] as number); j++) if ((t.blockLen[j] as number) > 0) return j;
  return -1;
}

/** The siblings of `i` before and after it that hold text, nearest first (-1: none). */
function around(t: Tree, i: number): [number, number] {
  const p = t.parent[i] as number;
  let before = -1;
  for (let j = p + 1; j <= (t.end[p] as number); j = (t.end[j] as number) + 1) {
    if (t.len[j] === 0) continue;
    if (j > i) return [before, j];
    if (j < i) before = j;
  }
  return [before, -1];
}

/** The line ends as a sentence or a lead-in does ("Additional reporting by Jane Doe.", "More photos:"), in any script we read: Arabic ؟, Urdu ۔, Devanagari । too. */
const SENTENCE_END = /[.!?:…。！？：؟۔।]\W*$/;

/**
 * A short paragraph, no links, no sentence, whose text is all in one element of small or slanted
 * type. (The walk counts inline text in its block: the DOM tells, for short lines only.)
 */
function fineLine(t: Tree, i: number): boolean {
  const len = t.len[i] as number;
  if (i < 0 || t.tags[i] !== 'P' || len === 0 || len > 80 || (t.link[i] as number) > 0) return false;
  const p = t.els[i] as Element;
  // A paragraph and its <small>, <em> or <i> have no named properties (only a form has): read directly.
  const text = (p.textContent as string).trim();
  return !SENTENCE_END.test(text) && (p.querySelector('small,em,i')?.textContent as string | undefined)?.trim() === text;
}

/**
 * Fine print that ends its section: nothing or a heading comes after it. A slanted line followed
 * by text is a run-in heading or an interview's question; a line after another such line ends a poem.
 */
export function finePrint(t: Tree, i: number): boolean {
  if (!fineLine(t, i)) return false;
  const [before, after] = around(t, i);
  return (after < 0 || HEADING.test(t.tags[after] as string)) && !fineLine(t, before);
}

/**
 * A box of root `r` (paragraph score `total`, headline `h`) that opens with an <h1> that is not the
 * headline, with at most a quarter of the root's text from it on, and no other <h1> in the root
 * (an article whose sections each open with an <h1> is read whole): a second headline's region.
 */
export function secondHeadline(t: Tree, i: number, r: number, h: number, total: number): boolean {
  // No headline known (a short page read whole): an <h1> there is the first, not a second.
  if (h < 0) return false;
  const head = firstText(t, i, i + 1);
  if (head < 0 || head === h || t.tags[head] !== 'H1') return false;
  let h1s = 0;
  for (let j = r; j <= (t.end[r] as number); j++) if (t.tags[j] === 'H1' && j !== h) h1s++;
  return proseFrom(t, i, r) <= total / 4 && h1s === 1;
}

/** The paragraph score of root `r` from element `k` on (k's subtree and all that follows it in the root). */
export function proseFrom(t: Tree, k: number, r: number): number {
  let after = 0;
  for (; k <= (t.end[r] as number); k = (t.end[k] as number) + 1) after += t.prose[k] as number;
  return after;
}

/**
 * A call to comment, which closes a page rather than tells its story, known by a whole word of the
 * reader's "comments" among its first three words, in the languages of the pages Backstory reads
 * ("Comments are closed", "Kommentar verfassen", "11 KOMMENTARE", "Deja un comentario", "Dodaj
 * komentarz", "Commenti", "Kommentit"): the stem and one to five letters more (comments, commentaires,
 * Kommentare, kommentieren, comentários), but not those of the words news opens with ("Commentators",
 * "Commentary", "Kommentatoren", "Comentaristas"), nor the bare stem: French "Comment" is "how". The
 * comment word must lead: "declined to comment" is news. One pattern for all forms, not a list: content.js
 * has a byte budget. (Copyright lines were tried too: article-benchmark counts some news agencies' as
 * the article's text.)
 */
const CLOSING = /^\W*(?:\S+\s+){0,2}[ck]omm?ent(?!a?t|ar(?:y|ie))\S{1,5}\b/i;

/**
 * A capitalised word after the comment word: the line names someone ("Comments from Microsoft were not
 * available.", "Commentaire de Microsoft : …") and is news. A German call with a noun in it stays in
 * too: a line of boilerplate in scope costs less than a name the reader is not shown.
 */
const NAMED = /\W[A-ZÀ-Þ][a-zß-ÿ]/;

/**
 * A short block (`len` characters) of root `r` that opens with such a line (its first block: a
 * "Kommentieren" heading over a login note), with at most a quarter of the root's paragraph score
 * `total` after it: the article has ended (a "Comments" box heading the comments is left out by its
 * name, scope-words.ts).
 */
export function closingLine(t: Tree, i: number, r: number, total: number, len: number): boolean {
  if (!len || len >= 300) return false;
  const text = textOf(t.els[firstText(t, i, i)] as Element);
  // What follows the line's comment word (the text itself when it has none).
  const rest = text.replace(CLOSING, '');
  return rest !== text && !NAMED.test(rest) && proseFrom(t, (t.end[i] as number) + 1, r) <= total / 4;
}

/**
 * A byline: "By" in the languages of the pages Backstory reads, then capitalised names and the words
 * that join them ("By Tom Pyman for MailOnline", "Von Jana Berg und Tim Roth"), and no sentence.
 */
const BYLINE = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa][vf]|[Pp]rzez)(?:\s+(?:and|und|et|y|e|&|f[oü]r|pour|para|per|voor|för)?\s*[\p{Lu}]\S*)+$/u;

/** The subheading `i` opens with (its first block with text, an <h2>-<h6>), or -1. */
function subheading(t: Tree, i: number): number {
  const head = firstText(t, i, i + 1);
  return head >= 0 && /^H[2-6]$/.test(t.tags[head] as string) ? head : -1;
}

/**
 * A box that opens with a subheading and then a short byline: another story set inside this one.
 * Only a box of a kind of its own: a live blog's entries each open this way, and are its text. Its
 * nearest siblings with text tell: one of the same tag with the same class, or opening with the same
 * level of subheading, is another entry of a series (so a live blog whose entries carry classes of their
 * own, "entry-1042", is still read; and only two siblings are looked at, however long the series).
 */
export function embeddedStory(t: Tree, i: number): boolean {
  const head = subheading(t, i);
  if (head < 0) return false;
  const line = firstText(t, i, (t.end[head] as number) + 1);
  if (line < 0 || (t.blockLen[line] as number) > 80 || !BYLINE.test(textOf(t.els[line] as Element))) return false;
  const key = classOf(t, i);
  return !around(t, i).some((c) => {
    if (c < 0 || t.tags[c] !== t.tags[i]) return false;
    const other = subheading(t, c);
    return classOf(t, c) === key || (other >= 0 && t.tags[other] === t.tags[head]);
  });
}
