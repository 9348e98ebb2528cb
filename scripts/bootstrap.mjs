#!/usr/bin/env node
/**
 * The set-up behind `npm start` and `npm test`, so that a fresh Debian machine with only Node and
 * npm needs nothing else:
 *
 *   node scripts/bootstrap.mjs start          set up, then the demo (scripts/demo.mjs)
 *   node scripts/bootstrap.mjs test [args]    set up, build, then every test (vitest run [args])
 *   node scripts/bootstrap.mjs deps [--prefer-offline]   only the npm dependencies
 *
 * 1. npm dependencies: installed with `npm ci` when node_modules is missing or was installed from a
 *    different package-lock.json (a hash of the lock file is kept in node_modules/.backstory-lock-hash).
 * 2. Browsers: Chromium for the demo; Chromium, Firefox ESR and its Arabic language pack for the tests.
 *    When one is missing and we are root on Debian, apt-get installs it; otherwise we print the one
 *    command that does and stop.
 *
 * This file imports only Node's own modules: it runs before any dependency is installed.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const LOCK_HASH = join(root, 'node_modules', '.backstory-lock-hash');

/** Runs a command in the project, output shown; exits with its status if it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function lockHash() {
  return createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
}

export function depsAreCurrent() {
  return existsSync(LOCK_HASH) && readFileSync(LOCK_HASH, 'utf8').trim() === lockHash();
}

function ensureDeps({ preferOffline = false } = {}) {
  if (depsAreCurrent()) return;
  console.log(existsSync(join(root, 'node_modules')) ? 'package-lock.json changed: reinstalling npm dependencies' : 'installing npm dependencies');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['ci', '--no-audit', '--no-fund', ...(preferOffline ? ['--prefer-offline'] : [])]);
  writeFileSync(LOCK_HASH, `${lockHash()}\n`);
}

/** Debian packages each command needs, with the file or package check that says it is there. */
const BROWSERS = {
  chromium: { present: () => existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') },
  'firefox-esr': { present: () => existsSync(process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr') },
  // Firefox's Arabic UI, for the right-to-left popup and options tests.
  'firefox-esr-l10n-ar': {
    present: () => Boolean(process.env.FIREFOX_PATH) || spawnSync('dpkg', ['-s', 'firefox-esr-l10n-ar'], { stdio: 'ignore' }).status === 0,
  },
  // Firefox's Hebrew UI, for the popup in Hebrew (test/e2e/content-lang.test.ts).
  'firefox-esr-l10n-he': {
    present: () => Boolean(process.env.FIREFOX_PATH) || spawnSync('dpkg', ['-s', 'firefox-esr-l10n-he'], { stdio: 'ignore' }).status === 0,
  },
  // The tests' local HTTPS server makes its certificate with openssl.
  openssl: { present: () => spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0 },
};

export const NEEDS = { start: ['chromium'], test: ['chromium', 'firefox-esr', 'firefox-esr-l10n-ar', 'firefox-esr-l10n-he', 'openssl'] };

export function missingPackages(task) {
  return NEEDS[task].filter((name) => !BROWSERS[name].present());
}

/**
 * What to do about missing Debian packages: install them (root on Debian) or print the one command
 * that does. Pure, so the test can check both answers without installing anything.
 */
export function browserPlan(missing, { isRoot, isDebian }) {
  if (missing.length === 0) return { action: 'none' };
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (isRoot && isDebian) return { action: 'install', packages: missing };
  const message =
    `Backstory needs ${missing.join(', ')}. Install with:\n\n  sudo sh -c '${command}'\n` +
    (isDebian ? '' : '\n(Not Debian: install the same browsers with your package manager and set CHROMIUM_PATH / FIREFOX_PATH.)\n');
  return { action: 'print', message };
}

function ensureBrowsers(task) {
  const plan = browserPlan(missingPackages(task), {
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    isDebian: existsSync('/etc/debian_version') && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
  });
  if (plan.action === 'print') {
    console.error(plan.message);
    process.exit(1);
  }
  if (plan.action !== 'install') return;
  console.log(`installing ${plan.packages.join(', ')} with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...plan.packages], { env });
}

function main() {
  const [task, ...rest] = process.argv.slice(2);
  if (task === 'deps') {
    ensureDeps({ preferOffline: rest.includes('--prefer-offline') });
  } else if (task === 'start') {
    ensureDeps();
    ensureBrowsers('start');
    run(process.execPath, [join(root, 'scripts', 'demo.mjs'), ...rest]);
  } else if (task === 'test') {
    ensureDeps();
    ensureBrowsers('test');
    run(process.execPath, [join(root, 'build.mjs')]);
    run(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...rest]);
  } else {
    console.error('usage: node scripts/bootstrap.mjs start|test|deps [--prefer-offline]');
    process.exit(2);
  }
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) main();
