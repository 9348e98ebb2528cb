/**
 * The answers of the word-list guards (number.ts, unit-word.ts, unit-evidence.ts, cloud-terms.ts, azure.ts)
 * on every word of their lists, in the places each list is read from, as one string of 0/1 (an Azure
 * judgement as two). test/fixtures/word-guards.json holds the words and answers recorded with this module
 * on commit 0f3aeb0, before round 7 dropped the lists' duplicates. Words: every word-like token of the
 * string literals of number, unit-word, unit-evidence, cloud-terms, paraphrase and azure.ts, with and
 * without an optional letter ("waters?" gives water and waters).
 */
import { isQuantityOrModel } from '../../src/detect/number';
import { afterDwelling, isGenericUnit } from '../../src/detect/unit-word';
import { hasOtherSense, hasUnitEvidence } from '../../src/detect/unit-evidence';
import { hasCloudTerm } from '../../src/detect/cloud-terms';
import { azureNeeds } from '../../src/detect/azure';
import type { Lang } from '../../src/data/types';

/** An Azure judgement as two answers. */
const JUDGEMENTS = ['none', 'cloud-context', 'local'] as const;

const capitalised = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** Each word in each place, one character per answer. */
export function guardAnswers(words: readonly string[], paragraphs: readonly string[]): string {
  let out = '';
  const bit = (b: boolean) => { out += b ? '1' : '0'; };
  const number = (text: string) => {
    const start = text.indexOf('8200');
    bit(isQuantityOrModel(text, start, start + 4));
    bit(afterDwelling(text, start));
  };
  const unit = (text: string, name: string, numberFirst: boolean) => {
    const start = text.indexOf(name);
    bit(isGenericUnit(text, start, start + name.length, numberFirst));
  };
  const terms = (text: string) => {
    bit(hasUnitEvidence(text));
    bit(hasOtherSense(text));
    bit(hasCloudTerm(text));
  };
  const azure = (text: string, name: string, lang: Lang) => {
    const start = text.indexOf(name);
    const code = JUDGEMENTS.indexOf(azureNeeds(text, start, start + name.length, false, lang) as (typeof JUDGEMENTS)[number]) + 1;
    out += code.toString(2).padStart(2, '0');
  };
  for (const word of words) {
    for (const w of new Set([word, capitalised(word), word.toUpperCase()])) {
      for (const text of [`8200 ${w}`, `8200-${w}`, `${w} 8200`, `${w}. 8200`, `${w}, 8200`, `the ${w} 8200 was`]) number(text);
      unit(`Unit 8200 ${w}`, 'Unit 8200', false);
      unit(`${w} unit 8200`, 'unit 8200', false);
      unit(`${w} (Unit 8200)`, 'Unit 8200', false);
      unit(`the unit 8200 of the ${w}`, 'unit 8200', false);
      unit(`an 8200-unit ${w}`, '8200-unit', true);
      for (const text of [`Azure ${w}`, `Azure-${w}`, `${w} Azure`, `${w} of Azure`, `the ${w}, Azure`]) azure(text, 'Azure', 'en');
      for (const text of [`أزور ${w}`, `${w} أزور`]) azure(text, 'أزور', 'ar');
      azure(`${w} 애저 ${w}`, '애저', 'ko');
      for (const text of [w, `x${w}`, `${w}x`, `${w}s`, `${w}-`, `ال${w}`, `ו${w}`, `the ${w} said`, `${w}ами`]) terms(text);
    }
  }
  for (const p of paragraphs) {
    terms(p);
    for (const m of p.matchAll(/8200|٨٢٠٠|۸۲۰۰/g)) {
      bit(isQuantityOrModel(p, m.index, m.index + 4));
      bit(afterDwelling(p, m.index));
      bit(isGenericUnit(p, m.index, m.index + 4, true));
      bit(isGenericUnit(p, Math.max(0, m.index - 5), m.index + 4, false));
    }
  }
  return out;
}
