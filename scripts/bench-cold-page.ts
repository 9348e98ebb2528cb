/**
 * The in-page half of `npm run bench:cold` (scripts/bench-cold.mjs): in a page that has run none of
 * Backstory's code, the first use of each piece a scan compiles, in the order a page with a name meets
 * them. Each figure is one task: the longest is what a reader's page would feel. Nothing here is shipped.
 */
import { entityAliases, otherNames } from '../src/data/aliases';
import { compileMatcher } from '../src/detect';
import { storyTerms } from '../src/detect/about-story';

/** Sentences of the kinds the rules read, each in Latin-1 and beyond it (a curly quote, Arabic, Hebrew). */
const FIRST_FINDS: Array<[string, string]> = [
  ['English name', 'Microsoft said its Azure platform was reviewed.'],
  ['English bare number', 'Officials said a unit of 8200 soldiers was not an intelligence unit.'],
  ['English bare number, curly quote', 'Officials said a unit of 8200 soldiers wasn\u2019t an intelligence unit.'],
  ['Arabic', 'قالت مايكروسوفت إن الوحدة 8200 استخدمت منصة أزور.'],
  ['Hebrew', 'מיקרוסופט אמרה כי יחידה 8200 השתמשה בענן אז׳ור.'],
];

(globalThis as Record<string, unknown>).__backstoryCold = () => {
  const out: Array<[string, number]> = [];
  const time = (label: string, run: () => unknown) => {
    const started = performance.now();
    run();
    out.push([label, performance.now() - started]);
  };
  const started = performance.now();
  const matcher = compileMatcher(entityAliases, otherNames);
  out.push(['compileMatcher (every page, at start)', performance.now() - started]);
  time('pretest of a page (every page)', () => matcher.mayContain('The committee heard more questions about the contract.'));
  for (let step = 0; ; step++) {
    let more = false;
    time(`warm step ${step} (a page with a name, own slice)`, () => (more = matcher.warm(step)));
    if (!more) break;
  }
  for (const [label, text] of FIRST_FINDS) time(`first find: ${label}`, () => matcher.find(text));
  time('story terms, first test (automatic mode)', () => storyTerms('قالت مايكروسوفت — the Israeli military and Gaza'));
  return out;
};
