#!/usr/bin/env node
/**
 * Creates or updates `src/data/i18n/<lang>.json`, the translations of one language, from the English dataset.
 *
 * Each item is keyed `<kind>/<id>` (story, entity, actor, fact, response, source) and holds `en`: the English
 * fields it was translated from, and the translated fields of the same names. English is the source of truth: an
 * item whose `en` no longer equals the dataset's English is stale. This script adds items that are missing (with
 * empty translated fields to fill), refreshes nothing that exists, and lists what is missing, empty or stale.
 *
 *   node scripts/i18n-skeleton.mjs ar        # add missing items to ar.json and report
 *   node scripts/i18n-skeleton.mjs he --check  # report only; exit 1 if anything is missing, empty or stale
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importTs } from './load-ts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [lang, flag] = process.argv.slice(2);
if (!lang || !/^[a-z]{2,3}$/.test(lang) || lang === 'en') {
  console.error('usage: node scripts/i18n-skeleton.mjs <lang> [--check]');
  process.exit(2);
}
const data = JSON.parse(readFileSync(join(root, 'src/data/story.json'), 'utf8'));
// The one definition of what is translatable (also used by the build's check and the card).
const { englishItems } = await importTs('src/data/translation-items.ts');

const file = join(root, 'src/data/i18n', `${lang}.json`);
const current = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : { lang, items: {} };
const english = englishItems(data);
const report = { missing: [], empty: [], stale: [], orphan: [] };
for (const [key, en] of Object.entries(english)) {
  const item = current.items[key];
  if (!item) {
    report.missing.push(key);
    current.items[key] = { en, ...Object.fromEntries(Object.keys(en).map((k) => [k, ''])) };
    continue;
  }
  if (JSON.stringify(item.en) !== JSON.stringify(en)) report.stale.push(key);
  if (Object.keys(en).some((k) => !item[k])) report.empty.push(key);
}
for (const key of Object.keys(current.items)) if (!english[key]) report.orphan.push(key);

if (flag !== '--check') {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(current, null, 2) + '\n');
}
for (const [what, keys] of Object.entries(report)) if (keys.length) console.log(`${what} (${keys.length}): ${keys.join(', ')}`);
const bad = report.missing.length + report.empty.length + report.stale.length + report.orphan.length;
console.log(`${lang}: ${Object.keys(english).length} items, ${bad ? 'not complete' : 'complete'}`);
if (flag === '--check' && bad) process.exit(1);
