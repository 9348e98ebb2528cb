/**
 * fold.ts's fast path (a word without both an ASCII letter and a letter at or above U+0370 is returned
 * as it is) and the probe's chunk test that skips a second `names` test when nothing was removed
 * (matcher.ts): both must give what the code before them gave, character for character.
 */
import { describe, expect, it } from 'vitest';
import { prng as random } from './prng';
import { entityAliases, otherNames } from '../../src/data/aliases';
import { compileMatcher } from '../../src/detect';
import { fold, needsFold } from '../../src/detect/fold';

/** fold.ts before the fast path, kept here as the reference. */
function referenceFold(text: string): string {
  const TO_LATIN: Record<string, string> = {
    А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', І: 'I', Ј: 'J', К: 'K', М: 'M', О: 'O', Р: 'P', Ѕ: 'S', Т: 'T', Х: 'X', У: 'Y',
    а: 'a', с: 'c', е: 'e', і: 'i', ј: 'j', о: 'o', р: 'p', ѕ: 's', х: 'x', у: 'y', ԁ: 'd', һ: 'h', ԛ: 'q', ԝ: 'w',
    Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
    ο: 'o', ι: 'i', ν: 'v', υ: 'u', κ: 'k', ρ: 'p',
  };
  const TO_CYRILLIC: Record<string, string> = {
    A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
    a: 'а', c: 'с', e: 'е', o: 'о', p: 'р', x: 'х', y: 'у',
  };
  const foldWord = (word: string): string => {
    const latin = word.match(/[A-Za-z]/g)?.length ?? 0;
    const cyrillic = word.match(/\p{sc=Cyrillic}/gu)?.length ?? 0;
    const greek = word.match(/\p{sc=Greek}/gu)?.length ?? 0;
    if (latin === 0 || cyrillic + greek === 0) return word;
    const table = cyrillic > latin && greek === 0 ? TO_CYRILLIC : TO_LATIN;
    return Array.from(word, (ch) => table[ch] ?? ch).join('');
  };
  const narrow = text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return narrow.replace(/[\p{L}\p{M}]+/gu, foldWord);
}


// Every kind of character the fold tells apart: ASCII letters, Cyrillic and Greek (look-alikes and not,
// the extended blocks, an astral Greek numeral), Latin-1 and combining marks below U+0370, full-width,
// Arabic, Hebrew, CJK, digits, spaces and punctuation.
const POOL = [
  ...'MicrosftAzureUnitxyz', ...'оеасрхуМАЕОРСТКМ', ...'ѕіјԁһԛԝ', ...'ΑΒΕΟοινυκρλπΩ', '\u1F00', '\u2126', '\uD800\uDD40',
  ...'éüßñ', '\u0301', '\u0308', ...'ＭｉｃＡ８２０', ...'مايكروسوفت', ...'מיקרוסופט', ...'微软部隊', ...'8200', ' ', ' ', '-', '.', '\u00AD',
];

describe('fold', () => {
  it('gives what the fold before its fast path gave, on 20,000 random texts of mixed scripts', () => {
    const next = random(16);
    let folded = 0;
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      const length = 1 + Math.floor(next() * 24);
      for (let k = 0; k < length; k++) text += POOL[Math.floor(next() * POOL.length)];
      const expected = referenceFold(text);
      if (expected !== text) folded++;
      expect(fold(text), JSON.stringify(text)).toBe(expected);
    }
    // The texts exercise both outcomes: words folded and words left alone.
    expect(folded).toBeGreaterThan(2_000);
    expect(folded).toBeLessThan(20_000);
  });

  it('folds look-alike names and leaves single-script words alone', () => {
    expect(fold('Micrоsoft Аzure')).toBe('Microsoft Azure');
    expect(fold('Майкрoсофт')).toBe('Майкрософт');
    expect(fold('Ｍｉｃｒｏｓｏｆｔ ８２００')).toBe('Microsoft 8200');
    expect(fold('Москва and Αθήνα, café')).toBe('Москва and Αθήνα, café');
  });
});

describe("the probe's chunks after a look-alike letter", () => {
  const matcher = compileMatcher(entityAliases, otherNames);
  const filler = (chars: number) => 'the committee heard more questions about the contract. '.repeat(Math.ceil(chars / 55)).slice(0, chars);

  it('finds a look-alike name chunks after the first, and nothing in the same text without it', () => {
    // "xПx" puts the probe on its chunk path (a fold letter, no invisible character): each later chunk is
    // tested without the second `names` test, and folded.
    const lead = ['Pass xПx here. '];
    expect(needsFold(lead[0] as string)).toBe(true);
    for (const name of ['Micrоsoft', 'Ａｚｕｒｅ', 'Unit ８２００']) {
      const probe = matcher.probe();
      const pieces = [...lead, ...filler(9_000).split(/(?<= )/), name, ' said.'];
      let may = false;
      for (const piece of pieces) if (!may) may = probe.add(piece);
      expect(may || probe.end(), name).toBe(true);
    }
    const plain = matcher.probe();
    expect([...lead, ...filler(9_000).split(/(?<= )/)].some((p) => plain.add(p)) || plain.end()).toBe(false);
  });

  it('sees a name split into three pieces anywhere after a chunk, also when it starts inside that chunk', () => {
    // An invisible character sends the probe into a chunk; once the chunk (4,096 characters) is tested the
    // probe goes back to testing each piece, with the chunk's end as its last piece. Every way of cutting
    // every alias into three pieces there, the first one joined to the chunk or not, must be seen.
    const aliases = [...new Set(entityAliases.flatMap((e) => Object.values(e.aliases).flat() as string[]))];
    const long = filler(4_100);
    let checked = 0;
    for (const alias of aliases) {
      const text = `x ${alias}, y`;
      if (matcher.find(text).length === 0 && Object.keys(matcher.context(text)).length === 0) continue;
      for (let i = 0; i <= text.length; i++) {
        for (let j = i; j <= text.length; j++) {
          for (const joined of [false, true]) {
            const head = joined ? [long + text.slice(0, i)] : [long, text.slice(0, i)];
            const pieces = ['Silben\u00ADtrennung, and ', ...head, text.slice(i, j), text.slice(j), ' tail'];
            const probe = matcher.probe();
            let may = false;
            for (const piece of pieces) if (!may) may = probe.add(piece);
            expect(may || probe.end(), `${joined} ${JSON.stringify(pieces.slice(2))}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    // Nothing where there is no name: a second chunk and the pieces after it.
    const probe = matcher.probe();
    const pieces = ['Silben\u00ADtrennung, and ', long, ...filler(9_000).split(/(?<= )/), 'x\u200By ', long, 'end.'];
    expect(pieces.some((p) => probe.add(p)) || probe.end()).toBe(false);
  });
});
