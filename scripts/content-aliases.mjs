/**
 * What content.js carries of the dataset's names (build.mjs, aliasesPlugin). Pure: the caller passes the
 * dataset and src/detect's `compileForms` and `compileMatcher` (the build bundles them; the unit test
 * imports them), so the check below uses the very code content.js runs.
 */

/**
 * The two values of src/data/aliases.ts, as content.js needs them: the same matcher from fewer bytes.
 * - entityAliases without the spellings the matcher's forms skip anyway ("Microsoft" listed again for
 *   German, French, ...; "8200" as a short form in every language): each spelling is left out only when
 *   `compileForms` then gives exactly the forms it gives from the whole list, so nothing found changes.
 * - otherNames only with the actors' names that could hold one of ours: compileMatcher keeps just those
 *   (`namesContainingOurs`), and a name its gate rejects (`mayContain`, which holds a piece of every form)
 *   has no hit. Kept as one list, in the same order.
 */
export function contentAliases(data, detect) {
  const full = data.entities.map(({ id, aliases, shortForms }) => (shortForms ? { id, aliases, shortForms } : { id, aliases }));
  const spellings = full.flatMap((entity, e) =>
    ['aliases', 'shortForms'].flatMap((table) =>
      Object.entries(entity[table] ?? {}).flatMap(([lang, list]) => list.map((text) => ({ e, table, lang, text }))),
    ),
  );
  const build = (kept) =>
    full.map(({ id }, e) => {
      const entity = { id };
      for (const { table, lang, text } of kept.filter((s) => s.e === e)) ((entity[table] ??= {})[lang] ??= []).push(text);
      entity.aliases ??= {};
      return entity;
    });
  const forms = (entities) => JSON.stringify(detect.compileForms(entities));
  const target = forms(full);
  let kept = spellings;
  for (const spelling of [...spellings].reverse()) {
    const without = kept.filter((s) => s !== spelling);
    if (forms(build(without)) === target) kept = without;
  }
  const entityAliases = build(kept);
  if (forms(entityAliases) !== target) throw new Error('content aliases: the compacted names compile to other forms');
  const gate = detect.compileMatcher(full);
  const names = data.actors.flatMap((a) => Object.values(a.aliases ?? {}).flat()).filter((name) => gate.mayContain(name));
  const otherNames = names.length > 0 ? [{ aliases: { en: names } }] : [];
  return { entityAliases, otherNames };
}

