// Prints what the matcher finds in each argument (a debugging aid for the rules in src/detect/).
import { importTs } from './load-ts.mjs';
const { compileMatcher } = await importTs('src/detect/index.ts');
const { entityAliases, otherNames } = await importTs('src/data/aliases.ts');
const m = compileMatcher(entityAliases, otherNames);
for (const t of process.argv.slice(2)) {
  console.log(JSON.stringify(t), JSON.stringify(m.find(t).map((c) => [c.entityId, t.slice(c.start, c.end), c.needs])), JSON.stringify(m.context(t)));
}
