/**
 * One problem found in story.json, in the form every check reports it: where (JSON path), which item
 * (its id), what is wrong and what to do. Pure, shared by the schema, cross-reference, wording and
 * provenance checks.
 */
export interface Problem {
  /** `stories[0].facts[30].text`: read like JavaScript, counting from 0. */
  path: string;
  /** The id of the nearest enclosing item that has one ("f-data-moved"), when there is one. */
  id?: string | undefined;
  message: string;
  /** What to do about it. */
  fix: string;
}

/** `stories[0].facts[30].text (f-data-moved): is 301 characters → shorten it …` */
export function formatProblem(p: Problem): string {
  return `${p.path}${p.id ? ` (${p.id})` : ''}: ${p.message} → ${p.fix}`;
}

/** Splits `stories[0].facts[30].text` into keys: ["stories", 0, "facts", 30, "text"]. */
export function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) keys.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
  return keys;
}

/** The id of the innermost object along `path` that has a string `id`, so errors name the item. */
export function itemIdAt(root: unknown, path: string): string | undefined {
  let node: unknown = root;
  let id: string | undefined;
  for (const key of pathKeys(path)) {
    if (typeof node !== 'object' || node === null) break;
    node = (node as Record<string | number, unknown>)[key];
    if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      const own = (node as Record<string, unknown>)['id'];
      if (typeof own === 'string') id = own;
    }
  }
  return id;
}
