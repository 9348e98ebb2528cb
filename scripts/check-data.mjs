#!/usr/bin/env node
/**
 * `npm run check:data [file]`: the one verdict on the dataset (default src/data/story.json). Exit 0
 * when it passes, 1 with every problem (path, item id, what is wrong, what to do) when it does not.
 * build.mjs runs the same check through `checkDataFile`.
 */
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

/**
 * Checks one dataset file. Returns { ok, data, lines }: `lines` are the messages to print.
 * Without the fact sheet the provenance check is skipped and a line says so.
 */
export async function checkDataFile(file = join(root, 'src/data/story.json')) {
  const checker = await loadChecker();
  const sheet = existsSync(FACT_SHEET) ? readFileSync(FACT_SHEET, 'utf8') : undefined;
  const result = checker.checkDatasetText(readFileSync(file, 'utf8'), sheet, relative(process.cwd(), file));
  const lines = result.problems.map(checker.formatProblem);
  if (sheet === undefined) lines.unshift(`note: ${FACT_SHEET} not found; provenance against the fact sheet was not checked`);
  return { ok: result.ok, data: result.ok ? result.data : undefined, lines };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const { ok, lines } = await checkDataFile(file);
  if (ok) {
    for (const line of lines) console.log(line);
    console.log('story.json: ok (schema, cross-references, wording, provenance)');
  } else {
    console.error(`story.json is invalid:\n  ${lines.join('\n  ')}`);
    process.exit(1);
  }
}
