/**
 * First-use costs, page by page: `npm run bench:cold [-- --runs 5]`.
 *
 * Regular expressions and cold code are compiled in whichever task first needs them, and each engine compiles an
 * expression again for text beyond Latin-1. `npm run bench` reuses one matcher over many runs, so it sees these
 * costs once at most; this script opens a fresh page for every run (a new realm: nothing compiled), evaluates
 * scripts/bench-cold-page.ts (built like the release) and times the first use of each piece, in Chromium and
 * Firefox. Prints each step's median and worst over the runs; every figure is one task.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { bundlePage } from './bundle-page.mjs';

const argv = process.argv.slice(2);
const RUNS = Number(argv[argv.indexOf('--runs') + 1]) || 5;
const EXECUTABLES = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr',
};

function launch(name) {
  const userDataDir = mkdtempSync(join(tmpdir(), `backstory-cold-${name}-`));
  if (name === 'chromium') return puppeteer.launch({ executablePath: EXECUTABLES.chromium, headless: true, userDataDir, args: ['--no-sandbox'] });
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    userDataDir,
    extraPrefsFirefox: { 'privacy.reduceTimerPrecision': false },
  });
}

const code = await bundlePage('scripts/bench-cold-page.ts');
const results = {};
for (const name of ['chromium', 'firefox']) {
  const browser = await launch(name);
  const page = await browser.newPage();
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    // A new document every run: its realm has compiled nothing of Backstory's.
    await page.goto(`data:text/html,<title>run ${run}</title><p>x</p>`);
    await page.evaluate(code);
    runs.push(await page.evaluate(() => globalThis.__backstoryCold()));
  }
  results[name] = runs;
  await browser.close();
}

const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
const labels = results.chromium[0].map(([label]) => label);
const cell = (name, i) => {
  const values = results[name].map((run) => run[i][1]);
  return `${median(values).toFixed(1)} (${Math.max(...values).toFixed(1)})`;
};
console.log(`First use, ms: median (worst) of ${RUNS} fresh pages`);
console.log(['step'.padEnd(52), 'Chromium'.padEnd(14), 'Firefox'].join(''));
labels.forEach((label, i) => console.log([label.padEnd(52), cell('chromium', i).padEnd(14), cell('firefox', i)].join('')));
