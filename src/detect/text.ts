/**
 * Character classes shared by the alias compiler and the boundary checks.
 * `\b` is ASCII-only even with the `u` flag, so every boundary here is a Unicode property test.
 */

/*
 * Regex literals in src/detect write a property escape inside a class (`[\p{L}]`, the same characters as
 * `\p{L}`): esbuild turns a literal with a bare `\p{…}` into `new RegExp("…")` with every backslash doubled,
 * which cost content.js about 50 bytes gzipped (test/unit/detect-regex-literals.test.ts keeps it so).
 */

/**
 * Invisible formatting characters, dropped before matching (and mapped back for offsets): soft hyphen,
 * zero-width space/joiners, bidi marks, embeddings and isolates (Hebrew and Arabic sites wrap numbers and
 * Latin names in them), word joiner and invisible operators, BOM, Arabic letter mark. Kept to a short
 * class: testing every block for it is part of the cheap gate. The zero-width non-joiner (U+200C) is not
 * here: Persian writes it between a word and its suffix ("مایکروسافت‌ها"), so it is a word edge.
 */
export const FORMAT_CHARS = '\\u00AD\\u200B\\u200D-\\u200F\\u202A-\\u202E\\u2060-\\u2069\\uFEFF\\u061C';

/**
 * Arabic harakat and tatweel, Hebrew niqqud and cantillation (U+05BE maqaf, U+05C0, U+05C3, U+05C6 are
 * punctuation and are not here). Allowed after every letter of an Arabic or Hebrew name instead of being
 * stripped, so that only Arabic and Hebrew names pay for them, and the range keeps the name's vowels.
 */
export const ARABIC_MARKS = '\\u0610-\\u061A\\u0640\\u064B-\\u065F\\u0670\\u06D6-\\u06DC\\u06DF-\\u06E4\\u06E7\\u06E8\\u06EA-\\u06ED';
export const HEBREW_MARKS = '\\u0591-\\u05BD\\u05BF\\u05C1\\u05C2\\u05C4\\u05C5\\u05C7';
export const MARK_CHARS = ARABIC_MARKS + HEBREW_MARKS;
/** The same marks as two coarse ranges: cheap enough for the gate, which needs a superset only. */
export const MARK_RANGES = '\\u0591-\\u05C7\\u0610-\\u061A\\u0640\\u064B-\\u065F\\u0670\\u06D6-\\u06ED';

/** Between a number and a word: "Unit 8200", "Unit-8200", "Unit8200", "יחידה־8200", "8200部隊". */
export const NUMBER_JOINER = '[\\s\\-\\u2010\\u2011\\u05BE]*';

/** Apostrophe-like marks that spell the same name (Hebrew geresh in אז'ור, typographic apostrophe). */
export const APOSTROPHES = "'\u2019\u05F3\u02BC";

/** Zeros of the digit scripts a number may be written in: ASCII, Arabic-Indic (٨٢٠٠), Persian (۸۲۰۰). */
const ZEROS = [0x30, 0x660, 0x6f0] as const;

/** `digits` (ASCII) rewritten in every digit script, ASCII first. */
export function digitVariants(digits: string): string[] {
  return ZEROS.map((zero) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(zero + Number(d))));
}

/** Eastern Arabic and Persian digits to ASCII, so aliases can be written in either. */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
}

/** Which boundary rule applies at one end of an alias. */
export type Edge = 'latin' | 'digit' | 'arabic' | 'hebrew' | 'cyrillic' | 'kana' | 'hangul' | 'cjk' | 'alphabet' | 'other';

export function edgeOf(ch: string): Edge {
  if (/[0-9]/.test(ch)) return 'digit';
  if (/[\p{sc=Latin}]/u.test(ch)) return 'latin';
  if (/[\p{sc=Arabic}]/u.test(ch)) return 'arabic';
  if (/[\p{sc=Hebrew}]/u.test(ch)) return 'hebrew';
  if (/[\p{sc=Cyrillic}]/u.test(ch)) return 'cyrillic';
  if (/[\p{sc=Katakana}\u30FC]/u.test(ch)) return 'kana';
  if (/[\p{sc=Hangul}]/u.test(ch)) return 'hangul';
  if (/[\p{sc=Han}\p{sc=Hiragana}]/u.test(ch)) return 'cjk';
  // Other scripts that write spaces between words: a letter or a vowel sign next to a name makes a longer word.
  if (/[\p{sc=Greek}\p{sc=Devanagari}\p{sc=Bengali}\p{sc=Armenian}\p{sc=Georgian}]/u.test(ch)) return 'alphabet';
  return 'other';
}
