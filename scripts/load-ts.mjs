/**
 * Lets the Node scripts (demo, bench, screenshots) reuse the TypeScript test harness: bundles a
 * .ts module with esbuild into a temporary .mjs and imports it.
 */
import * as esbuild from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export async function importTs(file) {
  const outfile = join(mkdtempSync(join(tmpdir(), 'backstory-ts-')), 'module.mjs');
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
