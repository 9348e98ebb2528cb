#!/usr/bin/env node
/**
 * Where a full scan's time goes on the corpus pages, against the floor (scripts/bench-page.ts).
 *
 * - Chromium: the CDP sampling profiler around repeated scans of each page; self time per function
 *   (bundle not minified, so names survive), summed over the pages as a share of the scan's samples.
 * - Both browsers: the bench page's phase breakdown (scope roots, segment walk, match, visibility,
 *   ranges, paint), in milliseconds per scan, as a median over the pages, beside the floor.
 *
 * Writes a summary (never the raw profiles) to bench/profile-summary.md.
 *
 *   node scripts/bench-profile.mjs [--every 4] [--browser chromium|firefox] [--top 30]
 */
import * as esbuild from 'esbuild';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { importTs } from './load-ts.mjs';
import { largeArticle, stripScripts } from './bench.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CORPUS = resolve(ROOT, '../shared/corpus/readability');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const EVERY = Number(arg('every', 4));
const ONLY = arg('browser', null);
const TOP = Number(arg('top', 30));
const FILTER = arg('filter', null);
const OUT = arg('out', join(ROOT, 'bench/profile-summary.md'));
/** Milliseconds of repeated scans profiled per page. */
const PROFILE_MS = Number(arg('ms', 300));


const median = (values) => {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function bundle() {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'scripts/bench-page.ts')],
    bundle: true,
    format: 'iife',
    target: ['chrome121', 'firefox140'],
    minify: false,
    keepNames: true,
    write: false,
    logLevel: 'warning',
    define: { __DEV__: 'false' },
  });
  return result.outputFiles[0].text;
}

async function launch(name, port) {
  const userDataDir = mkdtempSync(join(tmpdir(), `backstory-profile-${name}-`));
  if (name === 'chromium') {
    return puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      acceptInsecureCerts: true,
      userDataDir,
      defaultViewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', `--host-resolver-rules=MAP * 127.0.0.1:${port}`, '--ignore-certificate-errors', '--disable-gpu', '--no-first-run'],
    });
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    userDataDir,
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1', 'privacy.reduceTimerPrecision': false },
  });
}

const B = (fn) => `globalThis.__backstoryBench.${fn}`;

/** Self time per function from a CDP profile, restricted to samples under `scanOnce`'s callers. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  for (const [id, count] of counts) {
    // Only samples inside the scan (an ancestor named scanOnce); idle and GC samples are kept apart.
    let inScan = false;
    const stack = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const fn = byId.get(p).callFrame.functionName;
      stack.add(fn || `(anonymous ${byId.get(p).callFrame.lineNumber + 1})`);
      if (fn === 'scanOnce') {
        inScan = true;
        break;
      }
    }
    if (inScan) for (const fn of stack) inclusive.set(fn, (inclusive.get(fn) ?? 0) + count);
    const frame = byId.get(id).callFrame;
    const name = frame.functionName || `(anonymous ${frame.lineNumber + 1})`;
    if (!inScan && name !== '(garbage collector)') continue;
    self.set(name, (self.get(name) ?? 0) + count);
    total += count;
  }
  return { self, inclusive, total };
}

async function profileChromium(tab) {
  const cdp = await tab.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await tab.evaluate(`${B('scan')}(5)`);
  await cdp.send('Profiler.start');
  const reps = await tab.evaluate(`(() => { const t = performance.now(); let n = 0; while (performance.now() - t < ${PROFILE_MS}) { ${B('scan')}(1); n++; } return n; })()`);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  return { ...selfTimes(profile), reps };
}

/**
 * The long tasks of the sliced scan (`slicedScan` / `coldSlicedScan` of the bench page), from one CPU
 * profile: samples are cut into tasks where the main thread went idle, and each task over 50 ms is
 * listed with the functions that took most of it (inclusive), Backstory's and the browser's.
 */
async function longTasks(tab, fn) {
  const cdp = await tab.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await tab.evaluate(`${B(fn)}()`);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id) => byId.get(id).callFrame.functionName || `(anonymous ${byId.get(id).callFrame.lineNumber + 1})`;
  const tasks = [];
  let task = null;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const id = profile.samples[i];
    const leaf = name(id);
    if (leaf === '(idle)' || leaf === '(program)') {
      if (task) tasks.push(task);
      task = null;
      continue;
    }
    task ??= { start: t, end: t, fns: new Map() };
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    task.end = t;
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const fnName = name(p);
      if (seen.has(fnName)) continue;
      seen.add(fnName);
      task.fns.set(fnName, (task.fns.get(fnName) ?? 0) + dt);
    }
  }
  if (task) tasks.push(task);
  const long = tasks.filter((k) => (k.end - k.start) / 1000 > 50).map((k) => ({
    ms: (k.end - k.start) / 1000,
    top: [...k.fns].filter(([f]) => !['(root)', 'scanAll', 'slicedScan', 'coldSlicedScan', '(anonymous 1)'].includes(f)).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([f, v]) => `${f} ${v.toFixed(0)}`),
  }));
  return { result, long };
}

async function main() {
  const { startServer } = await importTs('test/e2e/server.ts');
  const server = await startServer();
  const pages = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -5))
    .sort()
    .filter((_, i) => i % EVERY === 0)
    .filter((p) => !FILTER || p.includes(FILTER));
  if (argv.includes('--large')) {
    // The bench's generated 5 M-character article instead of the corpus.
    pages.length = 0;
    pages.push('large');
    server.route('/p/large.html', largeArticle().html, { 'cache-control': 'no-store' });
  }
  for (const slug of pages.filter((p) => p !== 'large')) server.route(`/p/${slug}.html`, stripScripts(readFileSync(join(CORPUS, `${slug}.html`), 'utf8')), { 'cache-control': 'no-store' });
  const code = await bundle();
  const lines = [`# Scan profile (${new Date().toISOString().slice(0, 16)} UTC, ${pages.length} corpus pages, scripts stripped)`, ''];
  try {
    for (const name of ['chromium', 'firefox'].filter((n) => !ONLY || n === ONLY)) {
      const browser = await launch(name, server.port);
      const tab = await browser.newPage();
      const phases = [];
      const shares = new Map();
      const incl = new Map();
      let profiled = 0;
      for (const slug of pages) {
        try {
          await tab.goto(`https://127.0.0.1:${server.port}/p/${slug}.html`, { waitUntil: 'load', timeout: 45_000 });
          await tab.evaluate(code);
          const floorReps = await tab.evaluate(`${B('calibrateFloor')}(15)`);
          const floors = [];
          for (let i = 0; i < 3; i++) floors.push(await tab.evaluate(`${B('floor')}(${floorReps})`));
          const scanReps = await tab.evaluate(`${B('calibrateScan')}(15)`);
          const scans = [];
          for (let i = 0; i < 3; i++) scans.push(await tab.evaluate(`${B('scan')}(${scanReps})`));
          const b = await tab.evaluate(`${B('breakdown')}(${scanReps})`);
          phases.push({ page: slug, floor: median(floors), scan: median(scans), ...b });
          if (slug === 'large' && name === 'chromium') {
            for (const fn of ['slicedScan', 'coldSlicedScan']) {
              await tab.goto(`https://127.0.0.1:${server.port}/p/${slug}.html`, { waitUntil: 'load', timeout: 45_000 });
              await tab.evaluate(code);
              const { result, long } = await longTasks(tab, fn);
              lines.push(`### ${fn}: longest slice ${result.maxSliceMs.toFixed(0)} ms, ${long.length} tasks over 50 ms (ms inclusive per function)`, '');
              for (const k of long) lines.push(`- ${k.ms.toFixed(0)} ms: ${k.top.join(', ')}`);
              lines.push('');
            }
          }
          if (name === 'chromium') {
            const { self, inclusive, total } = await profileChromium(tab);
            if (total > 0) {
              profiled++;
              for (const [fn, count] of self) shares.set(fn, (shares.get(fn) ?? 0) + count / total);
              for (const [fn, count] of inclusive) incl.set(fn, (incl.get(fn) ?? 0) + count / total);
            }
          }
          process.stdout.write('.');
        } catch (error) {
          console.warn(`\n${name} ${slug}: ${String(error?.message ?? error).split('\n')[0]}`);
        }
      }
      await browser.close();
      const version = name;
      lines.push(`## ${version}: phases, median over pages (ms per scan)`, '');
      const keys = ['scan', 'floor', 'roots', 'segments', 'match', 'visibility', 'ranges', 'paint'];
      lines.push(`| ${keys.join(' | ')} | segments | with hits | marks |`, `|${keys.map(() => '---').join('|')}|---|---|---|`);
      lines.push(`| ${keys.map((k) => median(phases.map((p) => p[k])).toFixed(3)).join(' | ')} | ${median(phases.map((p) => p.segmentsCount))} | ${median(phases.map((p) => p.withHits))} | ${median(phases.map((p) => p.candidates))} |`, '');
      lines.push('Share of the scan per phase (median over pages of phase ÷ sum of phases):', '');
      const sum = (p) => keys.slice(2).reduce((s, k) => s + p[k], 0);
      lines.push(keys.slice(2).map((k) => `${k} ${(100 * median(phases.map((p) => p[k] / sum(p)))).toFixed(0)}%`).join(', '), '');
      if (profiled) {
        lines.push(`### Chromium self time by function, mean share over ${profiled} pages`, '', '| function | share |', '|---|---|');
        const top = [...shares].sort((a, b) => b[1] - a[1]).slice(0, TOP);
        for (const [fn, s] of top) lines.push(`| ${fn} | ${((100 * s) / profiled).toFixed(1)}% |`);
        lines.push('', `### Chromium inclusive time by function (itself and what it calls), mean share over ${profiled} pages`, '', '| function | share |', '|---|---|');
        const topIncl = [...incl].sort((a, b) => b[1] - a[1]).slice(0, TOP);
        for (const [fn, s] of topIncl) lines.push(`| ${fn} | ${((100 * s) / profiled).toFixed(1)}% |`);
        lines.push('');
      }
      console.log(`\n${lines.join('\n')}`);
    }
  } finally {
    await server.close();
  }
  writeFileSync(OUT, lines.join('\n') + '\n');
  console.log(`wrote ${OUT}`);
}

await main();
