/**
 * The in-page half of a measuring script (scripts/bench-page.ts, scripts/eval-scope-page.ts) as one
 * minified script to `evaluate` in a page: built like the shipped content script (same targets,
 * release flags), so what it measures is the code that ships.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * `entry`: path from the repository root (of this checkout, or `root`: another checkout measured beside this
 * one, bench --baseline); `names`: keep function names (for a profile). Resolves to the bundle's source text.
 */
export async function bundlePage(entry, root = ROOT, { names = false } = {}) {
  const result = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'iife',
    target: ['chrome148', 'firefox140'],
    // Function names kept for a profile (bench-sliced): the same code otherwise.
    minifyWhitespace: true,
    minifySyntax: true,
    minifyIdentifiers: !names,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
    define: { __DEV__: 'false' },
  });
  return result.outputFiles[0].text;
}
