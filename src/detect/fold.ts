/*
 * Letters that look like the ones in a name but are other characters: full-width Latin letters and digits
 * (Japanese and Chinese pages write "Ｍｉｃｒｏｓｏｆｔ", "８２００部隊") and Cyrillic or Greek look-alikes inside a
 * Latin word ("Micrоsoft" with a Cyrillic о). A reader sees the name in both, so both are marked: a page
 * that mixes scripts inside a word would otherwise hide a name from Backstory. The fold replaces each such
 * character by one UTF-16 unit, so offsets in the folded text are offsets in the page's text.
 * It cannot make a false mark that plain letters could not: the same rules read the folded text
 * ("azurе" with a Cyrillic е is still a colour).
 */

/** Full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A); full-width punctuation is not folded. */
export const FULL_WIDTH = '\\uFF10-\\uFF19\\uFF21-\\uFF3A\\uFF41-\\uFF5A';
/**
 * Cyrillic and Greek letters next to an ASCII letter: a word that mixes scripts. Led by the Cyrillic or Greek
 * letter, the one before it seen by a lookbehind: an alternative led by [A-Za-z] would be tried at every Latin
 * letter of a page (the matcher's gate over the corpus's text nodes in Firefox: 42 -> 34 ms).
 */
export const MIXED = '[\\u0370-\\u04FF](?:(?<=[A-Za-z].)|[A-Za-z])';

/** A block that has none of these needs no fold (the matcher's gate holds them too). */
const NEEDS_FOLD = new RegExp(`[${FULL_WIDTH}]|${MIXED}`);

/** Cyrillic and Greek letters drawn like a Latin letter (Unicode's confusables, the common ones). */
const TO_LATIN: Record<string, string> = {
  А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', Ј: 'J', К: 'K', М: 'M', О: 'O', Р: 'P', Ѕ: 'S', Т: 'T', Х: 'X', У: 'Y',
  а: 'a', с: 'c', е: 'e', і: 'i', ј: 'j', о: 'o', р: 'p', ѕ: 's', х: 'x', у: 'y', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
  ο: 'o', ι: 'i', ν: 'v', υ: 'u', κ: 'k', ρ: 'p',
};
/** The other way, for a Cyrillic word with Latin look-alikes in it ("Майкрoсофт" with a Latin o). */
const TO_CYRILLIC: Record<string, string> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у',
};

const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const ASCII_LETTER = /[A-Za-z]/g;
const CYRILLIC = /[\p{sc=Cyrillic}]/gu;
const GREEK = /[\p{sc=Greek}]/gu;

/** Whether `text` has a character the fold would change (cheap: one regex). */
export function needsFold(text: string): boolean {
  return NEEDS_FOLD.test(text);
}

/** A code unit at or above U+0370: every Cyrillic or Greek letter is one (or a surrogate of one). */
const ABOVE_LATIN = /[^\0-\u036F]/;
const HAS_ASCII_LETTER = /[A-Za-z]/;

/** One word with its minority script's look-alikes written in the majority script (ties: Latin). */
function foldWord(word: string): string {
  // Nearly every word of a page has only one of the two (the fold runs on whole chunks of a page's text,
  // matcher.ts): two tests without allocation settle it before the counts below, which make arrays.
  if (!HAS_ASCII_LETTER.test(word) || !ABOVE_LATIN.test(word)) return word;
  const latin = word.match(ASCII_LETTER)?.length ?? 0;
  const cyrillic = word.match(CYRILLIC)?.length ?? 0;
  const greek = word.match(GREEK)?.length ?? 0;
  if (latin === 0 || cyrillic + greek === 0) return word;
  const table = cyrillic > latin && greek === 0 ? TO_CYRILLIC : TO_LATIN;
  return Array.from(word, (ch) => table[ch] ?? ch).join('');
}

/**
 * `text` with full-width digits and letters as ASCII and look-alike letters in mixed-script words folded;
 * the same length as `text`, character for character.
 */
export function fold(text: string): string {
  const narrow = text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return narrow.replace(LETTER_RUN, foldWord);
}
