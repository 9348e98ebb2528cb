/**
 * The names content.js carries, without the copies the matcher would skip anyway: "Microsoft" is listed under
 * 20 languages and "8200" under 25, and compileForms (src/detect/forms.ts) keeps only the first of equal forms.
 * A later copy is dropped only where its forms cannot depend on its language: a numbered name ("jednostka
 * 8200") is declined per language, so every copy of one stays. test/unit/compact-aliases.test.ts checks that
 * the matcher compiles the same forms from both.
 */
import type { EntityAliases } from '../detect/forms';
import type { Actor, Lang } from './types';

/** Forms of a numbered name depend on the language it is listed under (case forms, "8200 unit"). */
const LANG_DEPENDENT = /^\p{L}+ \d+$/u;

type Table = Partial<Record<Lang, string[]>>;

function compactTable(table: Table): Table {
  const seen = new Set<string>();
  const out: Table = {};
  for (const [lang, names] of Object.entries(table) as [Lang, string[]][]) {
    const kept = names.filter((name) => LANG_DEPENDENT.test(name) || !seen.has(name));
    for (const name of names) seen.add(name);
    if (kept.length) out[lang] = kept;
  }
  return out;
}

export function compactAliases(entities: readonly EntityAliases[]): EntityAliases[] {
  return entities.map(({ id, aliases, shortForms }) =>
    shortForms ? { id, aliases: compactTable(aliases), shortForms: compactTable(shortForms) } : { id, aliases: compactTable(aliases) },
  );
}

/** Other actors' names serve only as a list of strings (exclusions.ts): one copy of each. */
export function compactOtherNames(actors: readonly Pick<Actor, 'aliases'>[]): Pick<Actor, 'aliases'>[] {
  return actors.map(({ aliases }) => ({ aliases: compactTable(aliases ?? {}) }));
}
