import type { Lang } from '../data/types';

/** Something else with a name: a related actor from the dataset. */
export interface Named {
  aliases?: Partial<Record<Lang, string[]>>;
}

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

/**
 * Names seen in coverage that contain one of ours and are not yet in the dataset's actors: the workers'
 * campaign in Arabic (facts.md, section 6).
 */
export const KNOWN_OTHER_NAMES: readonly string[] = ['No Azure for Apartheid', 'لا لأزور للفصل العنصري'];

/**
 * Rule: a hit inside the name of another actor that contains one of our names ("No Azure for Apartheid" is
 * a workers' campaign, not the cloud platform) is not a mention, in any capitalisation ("No Azure For
 * Apartheid", "NO AZURE FOR APARTHEID") and with any whitespace between words. The matcher always passes
 * KNOWN_OTHER_NAMES; with no names at all the pattern matches only empty strings, which exclude no hit.
 */
export function exclusionPattern(names: readonly string[]): RegExp {
  const sources = new Set<string>();
  for (const name of names) {
    sources.add(name.trim().split(/\s+/).map((w) => w.replace(SPECIAL, '\\$&')).join('[\\s\\u00A0]+'));
  }
  return new RegExp([...sources].sort((a, b) => b.length - a.length).join('|'), 'giu');
}

/** Spans [start, end) of excluded names in `text`. */
export function excludedSpans(pattern: RegExp, text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    spans.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) pattern.lastIndex++;
  }
  return spans;
}

/** Every alias of `others` in which `containsName` finds one of our names. */
export function namesContainingOurs(others: readonly Named[], containsName: (text: string) => boolean): string[] {
  const out: string[] = [];
  for (const other of others) {
    for (const list of Object.values(other.aliases ?? {})) {
      for (const alias of list ?? []) if (containsName(alias)) out.push(alias);
    }
  }
  return out;
}
