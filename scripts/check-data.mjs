#!/usr/bin/env node
/**
 * `npm run check:data [file]`: the one verdict on the dataset (default src/data/story.json). Exit 0
 * when it passes, 1 with every problem (path, item id, what is wrong, what to do) when it does not.
 * build.mjs runs the same check through `checkDataFile`.
 */
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The fact sheet beside the checkout (../shared/research/facts.md), as the tests read it. */
export const FACT_SHEET = resolve(root, '..', 'shared', 'research', 'facts.md');

/** Bundles src/data/check.ts (with ajv) for Node and imports it. */
async function loadChecker() {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'backstory-check-'));
  const outfile = join(dir, 'check.mjs');
  try {
    await esbuild.build({
      entryPoints: [join(root, 'src/data/check.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'silent',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The translation files: `<lang>.json` in src/data/i18n (the glossaries beside them are for the tests). */
export const I18N_DIR = join(root, 'src/data/i18n');

/**
 * Checks every translation file against the checked dataset (src/data/translation-check.ts). Errors fail;
 * stale and incomplete items are warnings (they ship in English). Returns the table that ships.
 */
function checkTranslationFiles(checker, data, dir) {
  const problems = [];
  const notes = [];
  const translations = {};
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^[a-z]{2,3}\.json$/.test(f)).sort() : [];
  for (const name of files) {
    const lang = name.slice(0, -'.json'.length);
    const path = relative(process.cwd(), join(dir, name));
    const parsed = checker.parseJson(readFileSync(join(dir, name), 'utf8'), path);
    if (!parsed.ok) {
      problems.push(checker.formatProblem(parsed.problem));
      continue;
    }
    const result = checker.checkTranslations(parsed.value, data, lang, path);
    problems.push(...result.problems.map(checker.formatProblem));
    notes.push(...result.warnings.map((w) => `warning: ${w}`), checker.coverageLine(lang, result.states));
    translations[lang] = result.table;
  }
  return { problems, notes, translations };
}

/**
 * Checks one dataset file and the translation files. Returns { ok, data, translations, lines }: `lines`
 * are the messages to print; `translations` is the table that ships (see src/data/translations.ts).
 * Without the fact sheet the provenance check is skipped and a line says so.
 */
export async function checkDataFile(file = join(root, 'src/data/story.json'), i18nDir = I18N_DIR) {
  const checker = await loadChecker();
  const sheet = existsSync(FACT_SHEET) ? readFileSync(FACT_SHEET, 'utf8') : undefined;
  const result = checker.checkDatasetText(readFileSync(file, 'utf8'), sheet, relative(process.cwd(), file));
  const lines = result.problems.map(checker.formatProblem);
  if (sheet === undefined) lines.unshift(`note: ${FACT_SHEET} not found; provenance against the fact sheet was not checked`);
  if (!result.ok) return { ok: false, data: undefined, translations: undefined, lines };
  const i18n = checkTranslationFiles(checker, result.data, i18nDir);
  if (i18n.problems.length) return { ok: false, data: undefined, translations: undefined, lines: [...lines, ...i18n.problems] };
  return { ok: true, data: result.data, translations: i18n.translations, lines: [...lines, ...i18n.notes] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // check-data.mjs [story.json] [--i18n <dir of translation files>]
  const args = process.argv.slice(2);
  const at = args.indexOf('--i18n');
  const i18nDir = at >= 0 && args[at + 1] ? resolve(args[at + 1]) : undefined;
  const positional = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  const file = positional[0] ? resolve(positional[0]) : undefined;
  const { ok, lines } = await checkDataFile(file, i18nDir);
  if (ok) {
    for (const line of lines) console.log(line);
    console.log('story.json: ok (schema, cross-references, wording, provenance; translations)');
  } else {
    console.error(`story.json or a translation is invalid:\n  ${lines.join('\n  ')}`);
    process.exit(1);
  }
}
