/**
 * The detection rules are compiled on first use, in whatever task first needs them, and each engine compiles
 * a rule again for text beyond Latin-1 (a curly quote is enough). Two constructs made that first use cost
 * tens to hundreds of milliseconds in one task (measured in Chromium 156 and Firefox 153 on Arabic text):
 * - a negated Unicode class (`[^\p{L}]`): its complement is built and, under `i`, closed under case;
 * - the `i` flag beside property escapes or long word lists: every letter and class is closed under case.
 * The rules write a word edge as a lookaround (`(?<![\p{L}])`) and their word lists in lower case, read on
 * lower-cased text. This test keeps them so; behaviour is held by the differential tests
 * (word-guards, paraphrase-stems, about-story-terms) and the evaluation sets.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '../../src/detect');
/**
 * exclusions.ts keeps `i`: a handful of other actors' names as literal words (no class, no property escape),
 * matched where the offsets must stay those of the page's text (lower-casing may change a length: İ).
 */
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.ts') && f !== 'exclusions.ts');

/** A negated class holding a property escape, in a literal (`[^\p{L}]`) or a string (`[^\\p{L}]`). */
const NEGATED_PROPERTY = /\[\^[^\]]*\\\\?[pP]\{/g;
/** A regex literal or a `new RegExp(…, '…')` whose flags include `i`. */
const I_LITERAL = /\/[a-z]*i[a-z]*(?=[;,)\s]|$)/gm;
const I_CONSTRUCTED = /new RegExp\([^;]*?,\s*['"`][a-z]*i[a-z]*['"`]\s*\)/gs;

function offenders(source: string): string[] {
  const found = [...source.matchAll(NEGATED_PROPERTY)].map((m) => m[0]);
  for (const line of source.split('\n')) {
    // A regex literal ends a line or a call with its flags: "…)\s*$/iu;".
    if (/^\s*(?:const|export const|\/)/.test(line) || /= \/.*\/[a-z]+;$/.test(line)) {
      for (const m of line.matchAll(I_LITERAL)) if (line.includes('\\p{') || line.length > 120) found.push(`${m[0]} in ${line.slice(0, 60)}`);
    }
  }
  found.push(...[...source.matchAll(I_CONSTRUCTED)].map((m) => m[0].slice(0, 80)));
  return found;
}

describe('detection rules: no construct that makes a first use expensive', () => {
  it.each(FILES)('%s has no negated property class and no `i` flag', (file) => {
    expect(offenders(readFileSync(join(DIR, file), 'utf8'))).toEqual([]);
  });

  it('the check sees each construct', () => {
    expect(offenders('const A = /(?:^|[^\\p{L}])x$/u;')).toHaveLength(1);
    expect(offenders("const B = '(?:^|[^\\\\p{L}\\\\p{N}])';")).toHaveLength(1);
    expect(offenders('const C = /(?<![\\p{L}])(?:former|ex)\\s*$/iu;')).toHaveLength(1);
    expect(offenders("const D = new RegExp(`^(?:${WORDS})`, 'iu');")).toHaveLength(1);
    expect(offenders("const E = new RegExp(`^(?:${WORDS})`, 'u');\nconst F = /(?<![\\p{L}])x$/u;")).toEqual([]);
  });
});
