/**
 * The one verdict on story.json, used by `npm run check:data`, the build and the tests, in this order:
 * JSON syntax (line and column) → the JSON Schema (story.schema.json, via ajv) → the cross-references
 * (validate.ts) → wording (wording.ts) → provenance against facts.md (provenance.ts), when the sheet's
 * text is given. Build-time only: nothing in the extension imports this, so ajv adds no bytes to it.
 */
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject } from 'ajv';
import schema from './story.schema.json';
import type { Dataset } from './types';
import type { Problem } from './problem';
import { formatProblem, itemIdAt } from './problem';
import { crossReferenceProblems } from './validate';
import { wordingProblems } from './wording';
import { provenanceProblems } from './provenance';

export type CheckResult = { ok: true; data: Dataset; problems: [] } | { ok: false; problems: Problem[] };

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON text; a syntax error becomes a problem at its line and column. */
export function parseJson(text: string, file = 'story.json'): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const pos = /position (\d+)/.exec(message);
    const where = lc ? { line: Number(lc[1]), column: Number(lc[2]) } : pos ? lineColumn(text, Number(pos[1])) : lineColumn(text, text.length);
    return {
      ok: false,
      problem: {
        path: `${file}:${where.line}:${where.column}`,
        message: `not valid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`,
        fix: 'look just before that place for a missing comma, quote or bracket, or a trailing comma',
      },
    };
  }
}

let validateSchema: ReturnType<Ajv2020['compile']> | undefined;
function schemaValidator(): ReturnType<Ajv2020['compile']> {
  // allErrors: a contributor sees every problem at once, not one per build; verbose: errors carry the
  // field's schema, whose description says what to write there.
  validateSchema ??= new Ajv2020({ allErrors: true, strict: true, verbose: true }).compile(schema);
  return validateSchema;
}

/** `/stories/0/facts/3/text` → `stories[0].facts[3].text`. */
export function toPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, key) => (/^\d+$/.test(key) ? `${path}[${key}]` : path ? `${path}.${key}` : key), '');
}

/** What to do about one schema error, from its keyword (the schema's own message says what is wrong). */
function schemaFix(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  const description = (e.parentSchema as { description?: string } | undefined)?.description;
  switch (e.keyword) {
    case 'required': return `add the field "${String(p['missingProperty'])}"`;
    case 'additionalProperties': return `remove or rename "${String(p['additionalProperty'])}" (a typo?); the fields are listed in story.schema.json`;
    case 'enum': return `use one of ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'maxLength': return `shorten it to at most ${String(p['limit'])} characters: that is what fits the card`;
    case 'minItems': return `list at least ${String(p['limit'])}${description ? ` (${description})` : ''}`;
    case 'maxItems': return `list at most ${String(p['limit'])}${description ? ` (${description})` : ''}`;
    case 'type': return `write a ${String(p['type'])} here`;
    case 'pattern': return description ?? 'see the field in story.schema.json';
    default: return description ?? 'see the field in story.schema.json';
  }
}

function schemaProblems(raw: unknown): Problem[] {
  const validate = schemaValidator();
  if (validate(raw)) return [];
  return (validate.errors ?? []).map((e) => {
    const path = toPath(e.instancePath) || 'dataset';
    const field = e.keyword === 'additionalProperties' ? `${path}.${String((e.params as Record<string, unknown>)['additionalProperty'])}` : path;
    return { path: field, id: itemIdAt(raw, path), message: `${e.message ?? e.keyword} (schema rule "${e.keyword}")`, fix: schemaFix(e) };
  });
}

/**
 * Every problem with the dataset. `factSheet` is the text of research/facts.md; without it the
 * provenance check is skipped (the caller says so).
 */
export function checkDataset(raw: unknown, factSheet?: string): CheckResult {
  const shape = schemaProblems(raw);
  // The later checks read fields the schema guarantees, so they run only on data that passed it.
  if (shape.length > 0) return { ok: false, problems: shape };
  const data = raw as Dataset;
  const problems = [
    ...crossReferenceProblems(data),
    ...wordingProblems(data),
    ...(factSheet === undefined ? [] : provenanceProblems(data, factSheet)),
  ];
  return problems.length === 0 ? { ok: true, data, problems: [] } : { ok: false, problems };
}

/** Checks story.json's text: syntax first, then everything else. */
export function checkDatasetText(text: string, factSheet?: string, file = 'story.json'): CheckResult {
  const parsed = parseJson(text, file);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  return checkDataset(parsed.value, factSheet);
}

export { formatProblem };

// The translation files are checked by the same bundle (scripts/check-data.mjs), against the checked dataset.
export { checkTranslations, coverageLine } from './translation-check';
