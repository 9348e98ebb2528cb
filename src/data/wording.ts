/**
 * The wording rules, with their word lists named so that a failure can say which list to look at:
 * every fact and reply names a speaker from KNOWN SPEAKERS before an ATTRIBUTION VERB ("The Guardian
 * reported…", "According to Microsoft, …"), and no LOADED WORD appears outside quotation marks.
 * Pure (no Node APIs).
 */
import type { Dataset } from './types';
import type { Problem } from './problem';

/** Speakers beyond the dataset's own publishers and actors (which are always known). */
export const EXTRA_SPEAKERS: readonly string[] = [
  'Microsoft', 'Israeli military', 'Reuters', 'Bloomberg', 'Ynetnews', 'Globes', 'ADL', 'JLens',
  'Investor Advocates for Social Justice', 'Upday', 'Calcalist',
  'sources', 'source', 'spokesperson', 'letter', 'proponents', 'reporters', 'piece',
];

/** Verbs that attribute a claim to its speaker. */
export const ATTRIBUTION_VERBS: readonly string[] = [
  'reported', 'said', 'says', 'told', 'announced', 'confirmed', 'wrote', 'cited', 'described', 'called', 'welcomed',
  'declined', 'urged',
];

/** Words that judge rather than attribute; quotations are exempt (they are someone else's words). */
export const LOADED_WORDS: readonly string[] = [
  'shocking', 'damning', 'explosive', 'massive', 'notorious', 'infamous', 'brutal', 'so-called', 'controversial',
  'scandal', 'scandalous', 'heroic', 'terrorist', 'terrorists', 'genocidal', 'slammed', 'blasted', 'admitted', 'claimed',
  'clearly', 'undeniable', 'undeniably', 'finally',
];

const escape = (s: string): string => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/** Known speakers: every publisher (split at ";" and brackets), every actor name and alias, and EXTRA_SPEAKERS. */
export function knownSpeakers(data: Dataset): string[] {
  return [
    ...data.sources.flatMap((s) => s.publisher.split(/[;()]/).map((p) => p.replace(/^\s*(?:citing|via)\s+/, '').trim())),
    ...data.actors.flatMap((a) => [a.name, ...Object.values(a.aliases ?? {}).flat()]),
    ...EXTRA_SPEAKERS,
  ].filter((s) => s.length > 0);
}

/** A matcher for "speaker … verb" within one clause, or "According to … speaker". */
export function attributionPattern(speakers: readonly string[]): RegExp {
  const who = speakers.map(escape).join('|');
  return new RegExp(`^According to [^.]*?\\b(?:${who})|(?:${who})\\b[^.;]*?\\b(?:${ATTRIBUTION_VERBS.join('|')})\\b`, 'u');
}

const LOADED = new RegExp(`\\b(?:${LOADED_WORDS.map(escape).join('|')})\\b`, 'iu');
const unquoted = (text: string): string => text.replace(/“[^”]*”/gu, '');

/** The loaded word in `text` outside quotation marks, if any. */
export function loadedWord(text: string): string | undefined {
  return LOADED.exec(unquoted(text))?.[0];
}

/** Every wording problem in the dataset. */
export function wordingProblems(data: Dataset): Problem[] {
  const attributed = attributionPattern(knownSpeakers(data));
  const out: Problem[] = [];
  const loaded = (path: string, id: string | undefined, text: string): void => {
    const word = loadedWord(text);
    if (word) {
      out.push({ path, id, message: `uses ${JSON.stringify(word)} outside a quotation (word list LOADED_WORDS)`,
        fix: 'say what the source says, attributed, without judging it; quote the source if the word is theirs' });
    }
  };
  data.stories.forEach((story, si) => {
    loaded(`stories[${si}].headline`, story.id, story.headline);
    loaded(`stories[${si}].summary`, story.id, story.summary);
    const items = [
      ...story.facts.map((f, i) => ({ path: `stories[${si}].facts[${i}].text`, id: f.id, text: f.text })),
      ...story.responses.map((r, i) => ({ path: `stories[${si}].responses[${i}].text`, id: r.id, text: r.text })),
    ];
    for (const item of items) {
      loaded(item.path, item.id, item.text);
      if (!attributed.test(item.text)) {
        out.push({ path: item.path, id: item.id,
          message: 'names no speaker before an attribution verb (word lists KNOWN SPEAKERS and ATTRIBUTION_VERBS in src/data/wording.ts)',
          fix: 'start with who says it: "The Guardian reported that…", "Microsoft said…", "According to …"; a new speaker goes in EXTRA_SPEAKERS' });
      }
    }
  });
  data.entities.forEach((e, i) => loaded(`entities[${i}].description`, e.id, e.description));
  data.actors.forEach((a, i) => loaded(`actors[${i}].description`, a.id, a.description));
  return out;
}
