/**
 * The verdict on one translation file, `src/data/i18n/<lang>.json` (format: scripts/i18n-skeleton.mjs and
 * docs/dataset.md "Translations"). Build-time and tests only: the extension gets the resulting table.
 *
 * Errors (the build fails, naming file, item and field): wrong shape, an item the dataset does not have,
 * a field the item's kind does not translate or its `en` does not have, a non-string, a translated text
 * with leading/trailing space or over the English schema's length limit.
 * Left out with a warning (that item falls back to English as a whole): a stale item (its `en` is not the
 * dataset's English any more) and an incomplete one (some fields filled, some empty). Items with every
 * field empty are simply not translated yet.
 */
import schema from './story.schema.json';
import type { Dataset } from './types';
import type { Problem } from './problem';
import { englishItems, KIND_FIELDS, type ItemFields, type ItemKind } from './translation-items';

export type ItemState = 'translated' | 'untranslated' | 'incomplete' | 'stale';

export interface TranslationCheck {
  problems: Problem[];
  warnings: string[];
  /** Complete, current items with `en` stripped: what ships. Empty when there are problems. */
  table: Record<string, ItemFields>;
  /** Every dataset item's state in this file (items the file lacks are 'untranslated'). */
  states: Record<string, ItemState>;
}

interface FieldRule {
  maxLength: number;
  pattern: RegExp;
}

type SchemaNode = { properties?: Record<string, SchemaNode>; maxLength?: number; pattern?: string };
const defs = (schema as unknown as { $defs: Record<string, SchemaNode> }).$defs;

/** The English field's rule in story.schema.json, so a translation has the same limits as the English. */
function ruleOf(def: string, field: string): FieldRule {
  const node = defs[def]?.properties?.[field];
  if (node?.maxLength === undefined || node.pattern === undefined) throw new Error(`story.schema.json: no limits for ${def}.${field}`);
  return { maxLength: node.maxLength, pattern: new RegExp(node.pattern, 'u') };
}

/** Where each translated field's English lives in the schema. */
const SCHEMA_FIELD: Record<ItemKind, Record<string, [string, string]>> = {
  story: { headline: ['story', 'headline'], summary: ['story', 'summary'] },
  fact: {
    text: ['fact', 'text'],
    dateLabel: ['fact', 'dateLabel'],
    confirmedBy: ['confirmation', 'by'],
    confirmed: ['confirmation', 'confirmed'],
    notConfirmed: ['confirmation', 'notConfirmed'],
  },
  response: { speaker: ['response', 'speaker'], text: ['response', 'text'], dateLabel: ['response', 'dateLabel'] },
  entity: { name: ['entity', 'name'], description: ['entity', 'description'] },
  actor: { name: ['actor', 'name'], description: ['actor', 'description'] },
  source: { dateLabel: ['source', 'dateLabel'] },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const kindOf = (key: string): ItemKind | undefined => {
  const kind = key.split('/')[0] ?? '';
  return kind in KIND_FIELDS ? (kind as ItemKind) : undefined;
};

const sameEnglish = (a: Record<string, unknown>, b: Record<string, string>): boolean =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v);

/**
 * Checks `raw` (the parsed file) against the dataset. `file` names it in every message
 * ("src/data/i18n/ar.json"); `lang` is the language its name says.
 */
export function checkTranslations(raw: unknown, data: Dataset, lang: string, file: string): TranslationCheck {
  const english = englishItems(data);
  const problems: Problem[] = [];
  const warnings: string[] = [];
  const table: Record<string, ItemFields> = {};
  const states: Record<string, ItemState> = Object.fromEntries(Object.keys(english).map((k) => [k, 'untranslated' as ItemState]));
  const fail = (path: string, id: string | undefined, message: string, fix: string) => problems.push({ path: `${file}: ${path}`, id, message, fix });

  if (!isRecord(raw)) {
    fail('(file)', undefined, 'is not a JSON object', 'start from `node scripts/i18n-skeleton.mjs <lang>`');
    return { problems, warnings, table: {}, states };
  }
  for (const key of Object.keys(raw)) if (key !== 'lang' && key !== 'items') fail(key, undefined, 'unknown top-level field', 'the file has only "lang" and "items"');
  if (raw['lang'] !== lang) fail('lang', undefined, `is ${JSON.stringify(raw['lang'])}, the file name says "${lang}"`, `write "lang": "${lang}"`);
  const items = raw['items'];
  if (!isRecord(items)) {
    fail('items', undefined, 'is not an object', 'write "items": { "<kind>/<id>": { "en": {…}, "<field>": "…" } }');
    return { problems, warnings, table: {}, states };
  }

  for (const [key, item] of Object.entries(items)) {
    const at = `items["${key}"]`;
    const kind = kindOf(key);
    const englishNow = english[key];
    if (!kind || !englishNow) {
      fail(at, key, kind ? 'unknown item: story.json has no such item (or it has no text to translate)' : `unknown item kind "${key.split('/')[0] ?? ''}"`, 'remove it, or correct the key (`node scripts/i18n-skeleton.mjs <lang> --check` lists orphans)');
      continue;
    }
    if (!isRecord(item)) {
      fail(at, key, 'is not an object', 'write { "en": {…}, "<field>": "…" }');
      continue;
    }
    const en = item['en'];
    if (!isRecord(en)) {
      fail(`${at}.en`, key, 'is missing or not an object', 'copy the English this item translates from (the skeleton script writes it)');
      continue;
    }
    const allowed = KIND_FIELDS[kind];
    let bad = false;
    for (const [field, value] of Object.entries(en)) {
      if (!allowed.includes(field)) {
        fail(`${at}.en.${field}`, key, `unknown field for a ${kind}`, `a ${kind} translates only ${allowed.join(', ')}`);
        bad = true;
      } else if (typeof value !== 'string' || value === '') {
        fail(`${at}.en.${field}`, key, 'must be a non-empty string (the English it was translated from)', 'copy the English text from story.json');
        bad = true;
      }
    }
    const filled: Record<string, string> = {};
    for (const [field, value] of Object.entries(item)) {
      if (field === 'en') continue;
      const path = `${at}.${field}`;
      if (!allowed.includes(field)) {
        fail(path, key, `unknown field for a ${kind}`, `a ${kind} translates only ${allowed.join(', ')}`);
        bad = true;
        continue;
      }
      if (!(field in en)) {
        fail(path, key, 'is not in this item\'s "en": there is no English to translate', `remove it, or add the English "${field}" to "en" if story.json has it`);
        bad = true;
        continue;
      }
      if (typeof value !== 'string') {
        fail(path, key, `must be a string, not ${value === null ? 'null' : typeof value}`, 'write the translation as a string ("" while not translated)');
        bad = true;
        continue;
      }
      if (value === '') continue;
      const [def = '', name = ''] = SCHEMA_FIELD[kind][field] ?? [];
      const rule = ruleOf(def, name);
      if (!rule.pattern.test(value)) {
        fail(path, key, 'starts or ends with white space, or has a line break', 'trim it to one line');
        bad = true;
      }
      // Code points, as the schema's maxLength (ajv) counts them.
      const length = [...value].length;
      if (length > rule.maxLength) {
        fail(path, key, `is ${String(length)} characters, more than ${String(rule.maxLength)} (the English limit)`, `shorten it to at most ${String(rule.maxLength)} characters: that is what fits the card`);
        bad = true;
      }
      filled[field] = value;
    }
    if (bad) continue;
    const missing = Object.keys(en).filter((field) => !(field in filled));
    if (Object.keys(filled).length === 0) continue;
    if (!sameEnglish(en, englishNow)) {
      states[key] = 'stale';
      const changed = [...new Set([...Object.keys(en), ...Object.keys(englishNow)])].filter((f) => en[f] !== englishNow[f]);
      warnings.push(`${file}: ${at} is stale (English changed: ${changed.join(', ')}); shown in English until it is translated again`);
      continue;
    }
    if (missing.length > 0) {
      states[key] = 'incomplete';
      warnings.push(`${file}: ${at} is incomplete (${missing.join(', ')} not translated); shown in English until it is complete`);
      continue;
    }
    states[key] = 'translated';
    table[key] = filled;
  }
  return { problems, warnings, table: problems.length ? {} : table, states };
}

/** One line for the build: how much of the dataset this language covers. */
export function coverageLine(lang: string, states: Record<string, ItemState>): string {
  const all = Object.values(states);
  const count = (s: ItemState) => all.filter((x) => x === s).length;
  return `translations ${lang}: ${String(count('translated'))}/${String(all.length)} items shipped` +
    `${count('stale') ? `, ${String(count('stale'))} stale` : ''}${count('incomplete') ? `, ${String(count('incomplete'))} incomplete` : ''} (the rest in English)`;
}
