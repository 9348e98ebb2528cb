/**
 * The local context of a hit: its sentence within the text block, at most `MAX` characters either side.
 * Ambiguous forms are judged from here and never from words elsewhere on the page (DESIGN.md, Detection).
 */

/** Sentence ends in the supported scripts (Latin, Arabic ؟ ۔, CJK 。！？), and line breaks. */
const END = /[.!?;\u061F\u06D4\u3002\uFF01\uFF1F\n]/;
const MAX = 240;

/**
 * [from, to) of the sentence around [start, end), at most `max` characters either side. A full stop counts as an end only when followed by
 * space or the end of the text, so "Microsoft Corp." or "8.2" do not split a sentence.
 */
export function sentenceAround(text: string, start: number, end: number, max = MAX): [number, number] {
  let from = start;
  while (from > 0 && start - from < max && !isEnd(text, from - 1)) from--;
  let to = end;
  while (to < text.length && to - end < max && !isEnd(text, to)) to++;
  return [from, Math.min(text.length, to + 1)];
}

function isEnd(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  if (!END.test(ch)) return false;
  if (ch !== '.') return true;
  const next = text[i + 1];
  return next === undefined || /\s/.test(next);
}
