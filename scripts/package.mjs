#!/usr/bin/env node
/**
 * npm run package: the three archives the stores ask for, in web-ext-artifacts/:
 *
 *   backstory-chromium-<version>.zip   Chrome Web Store / Edge Add-ons (dist/chromium)
 *   backstory-firefox-<version>.zip    addons.mozilla.org (dist/firefox)
 *   backstory-source-<version>.zip     the source AMO reviewers ask for when code is bundled: the
 *                                      tracked files needed to build; README.md says how
 *
 *   node scripts/package.mjs [--no-source | --source-only] [--out=DIR]
 *
 * The archives are deterministic (scripts/zip.mjs), so building from the source archive gives the
 * same bytes as the published packages; test/e2e/store-package.test.ts checks exactly that.
 * `--no-source` is for that check, run inside an unpacked source archive, which is not a git checkout;
 * `--source-only` writes just the source archive, which needs git but no dependencies.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { zip, zipDir } from './zip.mjs';

const root = resolve(import.meta.dirname, '..');

/** What a reviewer needs to run `npm ci && npm run build`: no tests, fixtures, docs or store assets. */
export const SOURCE_FILES = ['package.json', 'package-lock.json', 'build.mjs', 'manifest.json', 'tsconfig.json', 'README.md', 'PRIVACY.md', 'CHANGELOG.md', 'LICENSE'];
export const SOURCE_DIRS = ['src/', 'icons/', 'scripts/'];

/** The tracked files that go into the source archive (git's index, so nothing local slips in). */
export function sourceFiles(dir = root) {
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: dir, encoding: 'utf8' }).split('\0').filter(Boolean);
  return tracked.filter((file) => SOURCE_FILES.includes(file) || SOURCE_DIRS.some((d) => file.startsWith(d))).sort();
}

function main() {
  const args = process.argv.slice(2);
  const out = resolve(root, args.find((a) => a.startsWith('--out='))?.slice(6) ?? 'web-ext-artifacts');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const sourceOnly = args.includes('--source-only');
  if (!sourceOnly) execFileSync(process.execPath, [join(root, 'build.mjs')], { cwd: root, stdio: 'inherit' });
  mkdirSync(out, { recursive: true });
  const archives = sourceOnly
    ? {}
    : {
        [`backstory-chromium-${version}.zip`]: () => zipDir(join(root, 'dist', 'chromium')),
        [`backstory-firefox-${version}.zip`]: () => zipDir(join(root, 'dist', 'firefox')),
      };
  if (!args.includes('--no-source')) {
    archives[`backstory-source-${version}.zip`] = () => zip(sourceFiles().map((file) => [file, readFileSync(join(root, file))]));
  }
  for (const [name, make] of Object.entries(archives)) {
    const bytes = make();
    writeFileSync(join(out, name), bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');
    console.log(`${join(out, name)}  ${(bytes.length / 1024).toFixed(1)} KB  sha256 ${sha}`);
  }
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) main();
