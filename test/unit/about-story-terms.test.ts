/**
 * about-story.ts compiles each group of story terms into one expression in lower case, read on lower-cased
 * text, instead of one alternative per term with its own Unicode word edges under the `iu` flags (whose first
 * test took 130-410 ms on text beyond Latin-1). This differential test keeps round 7's construction as the
 * reference and checks that every group still answers exactly as it did: every term with and without endings,
 * letters, digits and prefixes next to it, in lower case, Capitalised and ALL CAPS, and every paragraph of
 * the detection evaluation sets.
 */
import { describe, expect, it } from 'vitest';
import { evalParagraphs } from './eval-paragraphs';
import { GROUPS, storyTerms } from '../../src/detect/about-story';

const NO_EDGE = /^[\p{sc=Han}\p{sc=Hangul}\p{sc=Katakana}\p{sc=Arabic}\p{sc=Hebrew}+]/u;

/** Round 7's expressions: one alternative per term, each with its own edges, under `iu`. */
const OLD: ReadonlyArray<[string, RegExp]> = Object.entries(GROUPS).map(([group, terms]) => {
  const sources = terms.map((term) => {
    const escaped = term
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/ /g, '\\s+')
      .replace(/\*/g, '\\p{L}*');
    if (NO_EDGE.test(term)) return escaped;
    return `(?<![\\p{L}\\p{N}])${escaped}${term.endsWith('*') ? '' : '(?![\\p{L}\\p{N}])'}`;
  });
  return [group, new RegExp(sources.join('|'), 'iu')];
});

const oldTerms = (text: string): string[] => OLD.filter(([, re]) => re.test(text)).map(([group]) => group);

const capitalised = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);


describe('story terms: one lower-case expression per group', () => {
  it('answers as one alternative per term under `iu` did, on every term in every case and neighbourhood', () => {
    // Endings for the stems; a whole word is tried with letters and digits after it in the texts below.
    const endings = ['', 'а', 'ов', 'en', 's', 'li', 'ής', '1'];
    let checked = 0;
    let found = 0;
    for (const terms of Object.values(GROUPS)) for (const term of terms) {
      for (const ending of term.includes('*') ? endings : ['']) {
        const word = term.replace(/\*/g, ending);
        for (const w of new Set([word, capitalised(word), word.toUpperCase()])) {
          for (const text of [w, `the ${w} said`, `x${w}`, `${w}x`, `${w}2`, `8${w}`, `ال${w}`, `ו${w}`, `«${w}», ${w}`, `${w}\u2019s`]) {
            const old = oldTerms(text);
            expect(storyTerms(text), text).toEqual(old);
            checked++;
            if (old.length) found++;
          }
        }
      }
    }
    // Both sides of the comparison are there: texts with terms and texts without.
    expect(checked).toBeGreaterThan(5_000);
    expect(found).toBeGreaterThan(checked / 4);
    expect(found).toBeLessThan(checked);
  });

  it('answers as before on every paragraph of the evaluation sets', () => {
    const paragraphs = evalParagraphs();
    expect(paragraphs.length).toBeGreaterThan(500);
    let found = 0;
    for (const p of paragraphs) {
      const old = oldTerms(p);
      expect(storyTerms(p), p).toEqual(old);
      if (old.length) found++;
    }
    expect(found).toBeGreaterThan(50);
  });
});
