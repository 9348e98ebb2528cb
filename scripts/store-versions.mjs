#!/usr/bin/env node
/**
 * Writes the extension's version (package.json) and the dataset's version and as-of date
 * (src/data/story.json) into the places a store reviewer reads them together: docs/store.md and the
 * "Version" section of each store listing. Run after changing either version:
 *
 *   node scripts/store-versions.mjs
 *
 * test/unit/store-listing.test.ts fails while any of them is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const json = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const { version } = json('package.json');
const { version: data, asOf } = json('src/data/story.json').meta;

const V = '\\d+\\.\\d+\\.\\d+';
const D = '\\d{4}-\\d{2}-\\d{2}';
const LINES = {
  'docs/store.md': [new RegExp(`Extension ${V} · dataset ${V} \\(as of ${D}\\)`), `Extension ${version} · dataset ${data} (as of ${asOf})`],
  'store/listing.en.md': [new RegExp(`Extension ${V} · dataset ${V} \\(as of ${D}\\)`), `Extension ${version} · dataset ${data} (as of ${asOf})`],
  'store/listing.ar.md': [new RegExp(`الإضافة ${V} · البيانات ${V} \\(حتى ${D}\\)`), `الإضافة ${version} · البيانات ${data} (حتى ${asOf})`],
  'store/listing.he.md': [new RegExp(`התוסף ${V} · הנתונים ${V} \\(נכון ל־${D}\\)`), `התוסף ${version} · הנתונים ${data} (נכון ל־${asOf})`],
};

for (const [file, [pattern, line]] of Object.entries(LINES)) {
  const text = readFileSync(join(root, file), 'utf8');
  if (!pattern.test(text)) throw new Error(`${file}: no version line to update (expected "${line}")`);
  const updated = text.replace(pattern, line);
  if (updated !== text) writeFileSync(join(root, file), updated);
  console.log(`${file}: ${line}`);
}
