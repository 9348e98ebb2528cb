import { MARK_CHARS } from './text';
import type { Edge } from './text';

/*
 * Boundary checks at each regex hit. They run only on hits (rare), so they may use Unicode property
 * regexes on a few characters around the hit without costing the page scan anything.
 */

/**
 * A letter or digit that continues a Latin word; CJK does not, so "MicrosoftがAzureを" has boundaries. Tested
 * on one character only, so a lookahead does what a `v`-flag class difference would (which esbuild writes as
 * a string: more bytes in content.js).
 */
const LATIN_JOINED = /(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30FC])[\p{L}\p{M}\p{N}_]/u;
const WORD = /[\p{L}\p{M}\p{N}]/u;
const KATAKANA = /[\p{sc=Katakana}\u30FC]/u;
const DIGIT = /[\p{Nd}]/u;
/** Decimal and thousands separators (incl. Arabic ٫ ٬), ranges and times: "1.8200", "7000-8200". */
const NUMBER_GLUE = /[.,\u066B\u066C:\-\u2010\u2011\u2013/]/;

/** Attached Hebrew prefixes (ו ה ב ל מ ש כ), up to three, after a word boundary: "וביחידה 8200". */
const HEBREW_PREFIX = /(?<![\p{L}\p{M}\p{N}])[ובכלמשה]{0,3}$/u;
/** Attached Arabic proclitics: و/ف, then ب/ك/ل or the article (بال, كال, ال, لل): "والوحدة", "لمايكروسوفت". */
const ARABIC_PREFIX = /(?<![\p{L}\p{M}\p{N}])[وف]?(?:[بك]?ال|لل|[بكل])?$/u;
/** Before "لوحدة" (the ال of الوحدة after ل): the ل preposition itself, maybe after و/ف. */
const ARABIC_LAM = /(?<![\p{L}\p{M}\p{N}])[وف]?ل$/u;

const MARKS = new RegExp(`[${MARK_CHARS}]`, 'g');
/** Chinese and Japanese run words together: a number right after Han or kana text may start the name ("以色列8200部队"). */
const HAN_OR_KANA = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u30FC]/u;
/** Ordinal prefixes: "第8200" (Chinese, Japanese), "제8200부대" (Korean: the army's own numbered units). */
const ORDINAL_BEFORE = /[第제]/u;
const HANGUL = /[\p{sc=Hangul}]/u;
/**
 * Chinese words that end in 微 ("slightly", "subtle", "humble"): in "稍微软一点" (a bit softer) the 微 of
 * 微软 belongs to the word before it, so that 微软 is not Microsoft.
 */
const HAN_ENDING_IN_WEI = /[稍轻輕细細略些卑低衰精式显顯微]/u;
/**
 * A degree adverb before 微软 and the end of the clause after it: "比较微软。" (rather soft) is an adjective;
 * "比较微软和谷歌" (compare Microsoft and Google) is the name.
 */
const DEGREE_BEFORE = /(?:很|较|更|太|最|挺|非常|有点|有些|比较|特别|十分)$/u;
const CLAUSE_END_AFTER = /^(?:[。，！？、；,.!?;]|一点|一些|了|$)/u;
/** Russian case endings after a name, outside its range: "Майкрософта", "Майкрософтом". */
const RUSSIAN_ENDING = /^(?:а|у|ом|е|ы|ой)(?![\p{L}\p{M}\p{N}])/u;

/**
 * Case endings Polish, Czech and Slovak put on a foreign name that ends in a consonant, outside its range:
 * "Microsoftu", "Microsoftem", "Microsoftowi", "Microsoftovi".
 */
const SLAVIC_ENDING = /^(?:u|em|owi|ovi|om)(?![\p{L}\p{M}\p{N}])/u;
const LATIN_CONSONANT = /[b-df-hj-np-tv-xzB-DF-HJ-NP-TV-XZ]/;

/** Up to `n` letters before `start`, without harakat/niqqud, for the prefix checks. */
function lettersBefore(text: string, start: number, n: number): string {
  return text.slice(Math.max(0, start - 3 * n), start).replace(MARKS, '').slice(-n);
}

function charBefore(text: string, index: number): string {
  const cp = index > 0 ? text.codePointAt(index - 1) : undefined;
  if (cp === undefined) return '';
  // A low surrogate: the character starts one unit earlier.
  if (cp >= 0xdc00 && cp <= 0xdfff && index > 1) return String.fromCodePoint(text.codePointAt(index - 2) ?? cp);
  return String.fromCodePoint(cp);
}

function charAt(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function numberContinues(text: string, next: number): boolean {
  const ch = text[next] ?? '';
  return DIGIT.test(ch) || (NUMBER_GLUE.test(ch) && DIGIT.test(text[next + 1] ?? ''));
}

function numberContinuesBefore(text: string, start: number): boolean {
  const ch = text[start - 1] ?? '';
  return DIGIT.test(ch) || (NUMBER_GLUE.test(ch) && DIGIT.test(text[start - 2] ?? ''));
}

/**
 * Whether a hit starts a word: nothing of a longer word, handle, hashtag or domain before it.
 * `afterLam`: the hit is an Arabic name whose article lost its alef after a ل prefix, which must be there.
 */
export function startsWord(text: string, start: number, head: Edge, afterLam = false): boolean {
  const before = charBefore(text, start);
  if (!before) return !afterLam;
  switch (head) {
    case 'latin':
      if (before === '@' || before === '#') return false;
      if (before === '.' && WORD.test(charBefore(text, start - 1))) return false;
      return !LATIN_JOINED.test(before);
    case 'digit':
      if (numberContinuesBefore(text, start)) return false;
      if (ORDINAL_BEFORE.test(before)) return false;
      if (HAN_OR_KANA.test(before)) return true;
      // Hebrew attaches prefixes to numbers too: "ב8200"; any other letter makes a model number ("A8200").
      return !WORD.test(before) || HEBREW_PREFIX.test(lettersBefore(text, start, 4));
    case 'arabic':
      return (afterLam ? ARABIC_LAM : ARABIC_PREFIX).test(lettersBefore(text, start, 5));
    case 'hebrew':
      return HEBREW_PREFIX.test(lettersBefore(text, start, 4));
    case 'kana':
      // A katakana name inside a longer katakana word is another word.
      return !KATAKANA.test(before);
    case 'cyrillic':
    case 'alphabet':
      return !WORD.test(before);
    case 'hangul':
      // Korean attaches particles after a word, never letters before it.
      return !HANGUL.test(before);
    case 'cjk':
      return !(text.startsWith('微', start) && HAN_ENDING_IN_WEI.test(before));
    default:
      return true;
  }
}

/**
 * Whether the hit ends a word: "Microsoft’s" ends after "Microsoft", "Microsofty" does not.
 * `name`: the hit is a Latin proper name, which may take the German and Dutch genitive s.
 */
export function endsWord(text: string, end: number, tail: Edge, name = false): boolean {
  const after = charAt(text, end);
  if (!after) return true;
  switch (tail) {
    case 'latin':
      if (after === '.' && WORD.test(charAt(text, end + 1))) return false; // a domain: "Azure.com"
      // The German and Dutch genitive "Microsofts Cloud" is the name; the range stops before the s.
      if (name && after === 's' && !LATIN_JOINED.test(charAt(text, end + 1))) return true;
      if (name && LATIN_CONSONANT.test(text[end - 1] ?? '') && SLAVIC_ENDING.test(text.slice(end, end + 4))) return true;
      return !LATIN_JOINED.test(after);
    case 'cyrillic':
      return !WORD.test(after) || RUSSIAN_ENDING.test(text.slice(end, end + 4));
    case 'digit':
      return !numberContinues(text, end) && !LATIN_JOINED.test(after);
    case 'arabic':
    case 'hebrew':
    case 'alphabet':
      return !WORD.test(after);
    case 'kana':
      return !KATAKANA.test(after);
    default:
      return true;
  }
}

/** Whether a Han hit is the adjective 微软 ("soft") after a degree adverb: "这种材料比较微软。". */
export function isHanAdjective(text: string, start: number, end: number): boolean {
  return text.startsWith('微', start) && DEGREE_BEFORE.test(text.slice(Math.max(0, start - 2), start)) && CLAUSE_END_AFTER.test(text.slice(end, end + 2));
}

/** Characters next to a name that may make it part of a URL or a path: "github.com/Azure/…", "…/Azure". */
const ADDRESS_EDGE = /[/:=?&%~\\]/;
const URL_LIKE = /:\/\/|@|(?<![\p{L}\p{N}])www\.|[\p{L}\p{N}]\.[a-z]{2,}\//u;
const SPACE = /\s/;

/** Whether a Latin hit is part of a URL, a path or an e-mail address (handles and domains are edges). */
export function inAddress(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (!ADDRESS_EDGE.test(before) && !ADDRESS_EDGE.test(after)) return false;
  if (before === '/' && after === '/') return true; // a path segment: "/Azure/"
  let from = start;
  while (from > 0 && start - from < 200 && !SPACE.test(text[from - 1] ?? ' ')) from--;
  let to = end;
  while (to < text.length && to - end < 200 && !SPACE.test(text[to] ?? ' ')) to++;
  return URL_LIKE.test(text.slice(from, to));
}
