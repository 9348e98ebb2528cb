/**
 * Lets the Node scripts (demo, bench, screenshots) reuse the TypeScript test harness: bundles a
 * .ts module with esbuild into a temporary .mjs and imports it.
 */
import * as esbuild from 'esbuild';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importTs(file) {
  // Inside the project, so that the bundle's external imports (puppeteer-core…) resolve.
  const cache = resolve(import.meta.dirname, '..', 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outfile = join(mkdtempSync(join(cache, 'backstory-ts-')), 'module.mjs');
  const entry = resolve(import.meta.dirname, '..', file);
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'warning',
    // import.meta.dirname must keep pointing at the source file's folder.
    define: { 'import.meta.dirname': JSON.stringify(resolve(entry, '..')) },
  });
  return import(pathToFileURL(outfile).href);
}
