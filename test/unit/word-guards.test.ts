/**
 * The word lists of the guards lost their duplicates in round 7 (content.js size): a word listed twice, a
 * case variant under the `i` flag, a term whose capitalised form compileTerms already adds, a lower- and
 * upper-case pair written as one class ("[Ss]eas?"). The lists must accept exactly what they accepted:
 * every word of the old lists, in every place the lists are read, and every paragraph of the evaluation
 * sets give the recorded answers (test/fixtures/word-guards.json).
 *
 * Re-recorded in round 9, twice, each time checked word by word against the recording it replaced:
 * - the metres of every language became one pattern (number.ts): exactly "8200 metri", "8200 metros" and
 *   "8200 mètres" changed (now counts);
 * - magnitudes ("8200 million", "Millionen", "milioni", "mil"…): no word changed, and one paragraph's answer did:
 *   the 8200 of "Unit 8200 miljoenen telefoongesprekken" (Dutch word order: "Unit 8200 stored millions of calls")
 *   stands before a magnitude; that 8200 is read as part of the full name, so no mark changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalParagraphs } from './eval-paragraphs';
import { guardAnswers } from './word-guards';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const recorded = JSON.parse(readFileSync(join(FIXTURES, 'word-guards.json'), 'utf8')) as { words: string[]; count: number; answers: string };
/** The answers are stored four to a hex digit. */
const golden = {
  words: recorded.words,
  answers: Array.from(recorded.answers, (h) => parseInt(h, 16).toString(2).padStart(4, '0')).join('').slice(0, recorded.count),
};

/** The evaluation sets the answers were recorded on (0f3aeb0): a set added later (holdout9) is not in the recording. */
const RECORDED_SETS = ['holdout', 'holdout2', 'holdout3', 'holdout4', 'holdout5', 'holdout6', 'holdout7', 'holdout8', 'unit-numbers'];


describe('guard word lists', () => {
  it('give the recorded answers on every old word and every evaluation paragraph', () => {
    expect(golden.words.length).toBeGreaterThan(1400);
    const answers = guardAnswers(golden.words, evalParagraphs(RECORDED_SETS));
    expect(answers.length).toBe(golden.answers.length);
    // The first differing answer, with its neighbourhood, rather than a 160,000-character diff.
    const first = [...answers].findIndex((c, i) => c !== golden.answers[i]);
    expect(first).toBe(-1);
  });

  it('the recording tells a listed word from an unknown one', () => {
    // "exemplares" (Portuguese copies) looks like a duplicate of Spanish "ejemplares" and is not.
    for (const word of ['exemplares', 'tonnes', 'Gaza', 'server', 'palestinien']) {
      expect(guardAnswers([word], [])).not.toBe(guardAnswers(['zzzq'], []));
    }
  });
});
