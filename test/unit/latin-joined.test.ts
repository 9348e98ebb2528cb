/**
 * The Latin word-joining class became a lookahead and a `u` class (round 7, content.js size) instead of the
 * `v`-flag difference [[\p{L}\p{M}\p{N}_]--[CJK]]: a Latin name must start a word before exactly the same
 * characters, for every code point and every lone surrogate.
 */
import { describe, expect, it } from 'vitest';
import { endsWord, startsWord } from '../../src/detect/edges';

// The expression edges.ts had (a string: the `v` flag is newer than the TypeScript target).
const REFERENCE = new RegExp('[[\\p{L}\\p{M}\\p{N}_]--[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}\\u30FC]]', 'v');

describe('Latin word edges', () => {
  it('join the same characters as the v-flag class difference, before and after a name', () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (ch === '@' || ch === '#' || ch === '.' || ch === 's') continue; // rules of their own
      const joined = REFERENCE.test(ch);
      if (startsWord(`${ch}Azure`, ch.length, 'latin') === joined) differ.push(`before ${cp.toString(16)}`);
      if (endsWord(`Azure${ch}`, 5, 'latin') === joined) differ.push(`after ${cp.toString(16)}`);
    }
    expect(differ).toEqual([]);
  });

  it('a CJK character is an edge, a Latin letter, a mark or a digit is not', () => {
    expect(['が', '微', 'マ', 'ー', '마'].map((c) => startsWord(`${c}Azure`, c.length, 'latin'))).toEqual([true, true, true, true, true]);
    expect(['x', 'é', '\u0301', '7', '_', 'ж'].map((c) => startsWord(`${c}Azure`, c.length, 'latin'))).toEqual([false, false, false, false, false, false]);
  });
});
