/**
 * The two paths into Backstory from nothing but the repository (issue 17):
 *
 * - a contributor's fresh clone without node_modules: the bootstrap's dependency step (`npm ci`, here
 *   --prefer-offline from the local npm cache, which CI filled a moment earlier), the build, and
 *   `npm start` showing the demo in headless Chromium;
 * - a store reviewer's source archive: `npm run package` in that clone writes the three archives;
 *   the source archive, unpacked elsewhere, installed and built, gives the same extension packages
 *   byte for byte; and `web-ext lint` on the Firefox package finds no errors and only the warnings
 *   docs/store.md explains.
 *
 * The clone is of the committed HEAD: uncommitted edits are not part of what a fresh clone gets.
 * Two `npm ci` runs make this file slow (a minute or more each on 2 cores), so the source archive is
 * made (it needs git, not dependencies) and its install started in the background before the clone's
 * own install; the two overlap. The file runs no other test.
 */
import { execFile, execFileSync, spawn, type ExecFileSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, unzip } from '../../scripts/zip.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const MINUTES = 60_000;
const work = mkdtempSync(join(tmpdir(), 'backstory-fresh-'));
const clone = join(work, 'clone');
const unpacked = join(work, 'source');

/** No display: npm start must take its headless path. */
const env = { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '', npm_config_audit: 'false', npm_config_fund: 'false' };
const sh = (command: string, args: string[], cwd: string, options: ExecFileSyncOptions = {}): string =>
  execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options }) as string;

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const archive = (dir: string, kind: string) => join(dir, 'web-ext-artifacts', `backstory-${kind}-${version}.zip`);

/** The source archive's `npm ci`, running while the clone installs; settles with its error, if any. */
let sourceInstall: Promise<Error | null>;
let earlySource: Buffer;

beforeAll(() => {
  const head = sh('git', ['rev-parse', 'HEAD'], ROOT).trim();
  // --no-checkout then the exact commit: cloning a worktree would otherwise check out the main branch.
  sh('git', ['clone', '--quiet', '--no-checkout', ROOT, clone], work);
  sh('git', ['checkout', '--quiet', head], clone);
  sh(process.execPath, ['scripts/package.mjs', '--source-only', `--out=${work}`], clone);
  earlySource = readFileSync(join(work, `backstory-source-${version}.zip`));
  for (const [path, contents] of unzip(earlySource)) {
    mkdirSync(dirname(join(unpacked, path)), { recursive: true });
    writeFileSync(join(unpacked, path), contents);
  }
  sourceInstall = new Promise((done) => {
    execFile('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: unpacked, env }, (error) => done(error));
  });
}, 2 * MINUTES);

// Two node_modules trees take a minute or more to delete on a busy disk: let rm do it after the run.
afterAll(() => spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref());

describe('a fresh clone', () => {
  it('has no node_modules or build, and the bootstrap installs the locked dependencies', () => {
    expect(existsSync(join(clone, 'node_modules'))).toBe(false);
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    sh(process.execPath, ['scripts/bootstrap.mjs', 'deps', '--prefer-offline'], clone);
    const lock = readFileSync(join(clone, 'node_modules', '.backstory-lock-hash'), 'utf8').trim();
    expect(lock).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(clone, 'node_modules', 'esbuild', 'package.json'))).toBe(true);
    // A second run finds the dependencies current and installs nothing.
    expect(sh(process.execPath, ['scripts/bootstrap.mjs', 'deps'], clone)).toBe('');
  }, 8 * MINUTES);

  it('builds, and `npm start` shows the demo: names marked, card opened, screenshot written', () => {
    // A clone outside the workspace has no ../shared/: the build notes that provenance was not checked.
    expect(sh(process.execPath, ['build.mjs'], clone)).toMatch(/^built release /m);
    const out = sh('npm', ['start', '--silent', '--', '--headless'], clone);
    expect(out).toMatch(/Backstory marked \d+ mentions: .*backstory-unit-8200/);
    const png = out.match(/Screenshot of the card on the demo article: (.+\.png)/)?.[1] ?? '';
    expect(png.startsWith(clone)).toBe(true);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  }, 4 * MINUTES);
});

describe('store packages from that clone', () => {
  it('`npm run package` writes the Chromium, Firefox and source archives, each the build or the tracked sources', () => {
    sh('npm', ['run', '--silent', 'package'], clone);
    for (const browser of ['chromium', 'firefox']) {
      const entries = unzip(readFileSync(archive(clone, browser)));
      expect(entries.map(([path]) => path)).toEqual(listFiles(join(clone, 'dist', browser)));
      for (const [path, contents] of entries) expect(contents.equals(readFileSync(join(clone, 'dist', browser, path))), path).toBe(true);
      const manifest = JSON.parse(entries.find(([path]) => path === 'manifest.json')?.[1].toString() ?? '{}') as { version?: string };
      expect(manifest.version).toBe(version);
    }
    // The same bytes as the archive made before anything was installed or built.
    expect(readFileSync(archive(clone, 'source')).equals(earlySource)).toBe(true);
    const sources = unzip(earlySource).map(([path]) => path);
    const tracked = sh('git', ['ls-files'], clone).split('\n');
    for (const path of sources) expect(tracked, `${path} is not a tracked file`).toContain(path);
    for (const needed of ['package.json', 'package-lock.json', 'build.mjs', 'manifest.json', 'README.md', 'PRIVACY.md', 'src/data/story.json']) {
      expect(sources).toContain(needed);
    }
    // Tests, fixtures, docs and store assets are not needed to build.
    expect(sources.filter((p) => /^(test|docs|store|bench|\.ci)\//.test(p))).toEqual([]);
  }, 3 * MINUTES);

  it('the source archive, unpacked, installed and built, gives the same packages byte for byte', async () => {
    // The README of the archive says how to build it.
    expect(readFileSync(join(unpacked, 'README.md'), 'utf8')).toContain('npm ci && npm run package');
    expect(existsSync(join(unpacked, '.git'))).toBe(false);
    expect(await sourceInstall).toBeNull();
    sh(process.execPath, ['scripts/package.mjs', '--no-source'], unpacked);
    for (const browser of ['chromium', 'firefox']) {
      const ours = readFileSync(archive(unpacked, browser));
      const published = readFileSync(archive(clone, browser));
      // File by file first, so a difference names the file.
      const theirs = new Map(unzip(published));
      for (const [path, contents] of unzip(ours)) expect(contents.equals(theirs.get(path) ?? Buffer.alloc(0)), `${browser}: ${path}`).toBe(true);
      expect(ours.equals(published), `${browser} zip bytes`).toBe(true);
    }
  }, 8 * MINUTES);

  it('web-ext lint: 0 errors on the Firefox package; every warning is explained in docs/store.md', () => {
    const webExt = join(clone, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
    let out: string;
    try {
      out = sh(process.execPath, [webExt, 'lint', '--source-dir', join(clone, 'dist', 'firefox'), '--output', 'json', '--no-config-discovery'], clone);
    } catch (error) {
      // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
      out = String((error as { stdout?: string }).stdout ?? '');
    }
    const report = JSON.parse(out.slice(out.indexOf('{'))) as {
      errors: { code: string; file?: string; message: string }[];
      warnings: { code: string; file?: string }[];
    };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    const explained = readFileSync(join(ROOT, 'docs', 'store.md'), 'utf8');
    for (const warning of report.warnings) {
      const row = explained.split('\n').find((line) => line.includes(`\`${warning.code}\``) && line.includes(`\`${warning.file ?? ''}\``));
      expect(row, `${warning.code} in ${warning.file} is not explained in docs/store.md`).toBeTruthy();
    }
  }, 2 * MINUTES);
});
