import type { Lang } from '../data/types';
import { endsWord, startsWord } from './edges';
import { edgeOf } from './text';

/**
 * A set of words, per language, that a sentence is tested for (cloud-terms.ts, unit-evidence.ts). Latin and
 * Cyrillic terms match in lower case, Capitalised and ALL CAPS; Arabic and Hebrew terms take attached prefixes
 * (السحابة, בענן) through `startsWord`; a trailing `*` marks a stem that takes endings (Russian "облачн*":
 * облачные, облачных). Katakana, Han and Hangul compound freely, so no word edges are asked of them.
 * Each language's terms are one string separated by `|` (one literal per language instead of hundreds of
 * quoted strings: about 0.3 KB less in content.js, gzipped). A language may have no list: the languages added in round 5 have none yet (content.js's 30 KB budget), so their
 * numbered names rely on the hard guards of unit-word.ts and number.ts, and Azure on a name beside it.
 */
export type TermTable = Readonly<Partial<Record<Lang, string>>>;

const isStem = (term: string): boolean => term.endsWith('*');

function variants(term: string): string[] {
  const capitalised = term.charAt(0).toUpperCase() + term.slice(1);
  return [...new Set([term, capitalised, term.toUpperCase()])];
}

/**
 * Compiles a table into a test: whether the text contains one of the terms as a word. `notThis` rejects a
 * use of a term that is another sense ("cloud of smoke"); it is tried at the term's start.
 */
export function compileTerms(table: TermTable, notThis?: RegExp): (text: string) => boolean {
  const all = Object.values(table).flatMap((terms) => terms.split('|'));
  const terms = all
    .map((term) => term.replace(/\*$/, ''))
    .flatMap(variants)
    .sort((a, b) => b.length - a.length);
  // Every written variant of the stems ("облачн", "Облачн", "ОБЛАЧН"): no word edge after them.
  const stems = new Set(all.filter(isStem).flatMap((term) => variants(term.slice(0, -1))));
  // Literal-led alternation, longest first; boundaries are checked in code on each hit (a leading
  // lookbehind would be evaluated at every position of every block).
  const pattern = new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|'), 'g');
  return (text) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const term = m[0];
      const start = m.index;
      const end = start + term.length;
      const head = edgeOf(term.charAt(0));
      const tail = edgeOf(term.charAt(term.length - 1));
      const free = head === 'kana' || head === 'cjk' || head === 'hangul';
      const isWord = free || (startsWord(text, start, head) && (stems.has(term) || endsWord(text, end, tail)));
      if (isWord && !(notThis && notThis.test(text.slice(start, start + 24)))) return true;
      pattern.lastIndex = start + 1;
    }
    return false;
  };
}
