#!/usr/bin/env node
/**
 * `npm run bench`: the performance budgets of DESIGN.md, measured in headless Chromium and Firefox.
 *
 * The browsers run WITHOUT the extension: scripts/bench-page.ts (the content script's own scanner,
 * matcher and painter, bundled and minified like the release) is evaluated in each page, so the scan
 * and the bare TreeWalker pass it is compared with run in the same world and the same run.
 *
 * Pages: every page of ../shared/corpus/readability, a generated ~5 MB article and a generated
 * 20,000-paragraph page (both deterministic). Page JavaScript is disabled on the corpus pages to
 * keep the page's own work out of the numbers (both browsers support it through puppeteer).
 *
 * One browser at a time; the longest-task measurements run last, each in a fresh browser (see longestTasks).
 *
 * Prints a table, writes bench/results.json and bench/README-table.md. Budgets print PASS/MISS; the
 * exit code is non-zero only when something failed to run, never because of a time.
 *
 *   node scripts/bench.mjs [--browser chromium|firefox] [--pages 10] [--filter guardian] [--runs 5]
 *   node scripts/bench.mjs --large-append   (only the large article and the append entries)
 *   node scripts/bench.mjs --baseline DIR   (also DIR's scanner, e.g. an export of an older commit,
 *     measured beside this one on the same pages in the same run: before/after ratios side by side)
 *   node scripts/bench.mjs --scope          (only the scope decision, scripts/bench-scope.mjs)
 */
import { bundlePage } from './bundle-page.mjs';
import { benchScope, largeDomPage, largestCorpusPages, printScope } from './bench-scope.mjs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { importTs } from './load-ts.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench');
const CORPUS = resolve(ROOT, '../shared/corpus/readability');

const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const RUNS = Number(arg('runs', 3));
const ONLY = arg('browser', null);
const PAGE_LIMIT = Number(arg('pages', Infinity));
const FILTER = arg('filter', null);
/** Only the large article and the append to 20,000 paragraphs: the content script's hot path, in minutes. */
const LARGE_APPEND = argv.includes('--large-append');
/** Only the scope decision on the largest pages (one task vs slices, share of the scan). */
const SCOPE_ONLY = argv.includes('--scope');
const SKIP_CORPUS = argv.includes('--no-corpus') || LARGE_APPEND;
/** Only the corpus pages (peers and ratios): the generated pages take most of a run's time. */
const CORPUS_ONLY = argv.includes('--corpus-only');
/** Every n-th corpus page only (a sample spread over the alphabet). */
const EVERY = Number(arg('every', 1));
/** Another checkout whose scripts/bench-page.ts is measured beside this one (`*.base` fields). */
const BASELINE = arg('baseline', null);
/** One measurement lasts at least this long (operations are repeated), so timer precision does not matter. */
const MIN_MS = 15;
/**
 * Sliced scans of the large article, styled and cold, each on the page loaded afresh; the longest task is their
 * median. Three, not two: the median of two is their mean, and one run slowed by the shared machine (a 400 ms
 * slice beside a 20 ms one of the same code) then set the figure.
 */
const SLICED_RUNS = 3;

const T0 = Date.now();
const elapsed = () => `${Math.round((Date.now() - T0) / 1000)} s`;

const BUDGET = { ratio: 1.5, floor: 1.5, markjs: 0.05, task: 50, append: 2, storm: 1.5, doubling: 2.2, gzipKB: 30 };

const EXECUTABLES = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/lib/firefox-esr/firefox-esr',
};

// ---------------------------------------------------------------------------------------------
// Generated pages (deterministic)

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in a is that for on was with he it as at by from his an were are which this be has had ' +
  'not but one they their have been its who also more new after two first other when there would some ' +
  'government minister officials said report company contract military ministry according statement ' +
  'during year years week people public security agency system systems data information technology ' +
  'intelligence investigation documents internal employees workers engineers project program services ' +
  'software network networks records analysis policy court rights groups protest protesters campaign ' +
  'spokesperson declined comment questions told reporters interview published months earlier later ' +
  'including between against under while since before about over into through across former current ' +
  'national international european regional local financial economic political legal technical ' +
  'billion million percent hundreds thousands dozens several many most few each every another ' +
  'reviewed confirmed denied disclosed revealed obtained showed suggested described called asked ' +
  'storage processing surveillance communications phone calls messages archive platform infrastructure'
).split(' ');
const NAMES = ['Reuters', 'the Guardian', 'Tel Aviv', 'Gaza', 'the West Bank', 'Redmond', 'Jerusalem', 'Brussels', 'Dublin', 'the Netherlands', 'Amnesty International', 'the United Nations'];
const AR = 'قال المسؤولون إن الشركة وقعت عقدا جديدا مع الوزارة في العام الماضي وأكدت التقارير أن البيانات نقلت إلى أوروبا خلال الأشهر الأخيرة وفق الوثائق الداخلية'.split(' ');
const HE = 'לפי הדיווח החברה חתמה על חוזה חדש עם המשרד בשנה שעברה והמסמכים הפנימיים מראים כי הנתונים הועברו לאירופה בחודשים האחרונים'.split(' ');

/** Mentions as they appear in articles, with inline markup inside some of them. */
const MENTIONS = [
  'Microsoft', 'Microsoft', 'Microsoft Azure', '<a href="#">Microsoft</a>', 'Unit 8200', 'Unit <b>8200</b>',
  "Israel's 8200 unit", 'Azure', 'Azure cloud', 'MICROSOFT', 'Microsoft Corporation', '<em>Azure</em>',
];
const MENTIONS_AR = ['مايكروسوفت', 'الوحدة 8200', 'وحدة 8200', 'لمايكروسوفت', 'أزور', 'مايكروسوفت أزور'];
const MENTIONS_HE = ['מיקרוסופט', 'יחידה 8200', "אז'ור", 'ביחידה 8200', 'יחידת 8200'];
/** Near misses the matcher must reject: they still cost it a look. */
const FALSE_FRIENDS = ['azure sky', '8200 units', 'microsoft.com', 'a unit of 8200 soldiers', 'Azure-blue water'];

function textGen(seed) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sentence = (words = WORDS) => {
    const n = 8 + Math.floor(rand() * 18);
    const out = [];
    for (let i = 0; i < n; i++) {
      let w = rand() < 0.05 ? pick(NAMES) : pick(words);
      if (i === 0) w = w.charAt(0).toUpperCase() + w.slice(1);
      if (i > 2 && i < n - 2 && rand() < 0.08) w += ',';
      out.push(w);
    }
    return `${out.join(' ')}.`;
  };
  /** A paragraph of about `chars` characters; `inline` wraps a few phrases in links and emphasis. */
  const paragraph = (chars, inline = true) => {
    let text = '';
    while (text.length < chars) {
      let s = sentence();
      if (inline && rand() < 0.25) {
        const words = s.split(' ');
        const at = 1 + Math.floor(rand() * Math.max(1, words.length - 4));
        const tag = pick(['a href="#"', 'em', 'strong', 'a href="/x"']);
        words[at] = `<${tag}>${words[at]}`;
        words[at + 2] = `${words[at + 2]}</${tag.split(' ')[0]}>`;
        s = words.join(' ');
      }
      text += (text ? ' ' : '') + s;
    }
    return text;
  };
  return { rand, pick, sentence, paragraph };
}

const page = (title, body) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<style>body{font:16px/1.5 Georgia,serif;max-width:44em;margin:0 auto}figure{margin:1em 0}</style></head><body>` +
  `<header class="site-header"><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/tech">Technology</a></nav></header>` +
  `<main>${body}</main>` +
  `<footer><p>© Bench News. Contact us. Privacy policy. Terms of use.</p></footer></body></html>`;

/** A very large article: ~`targetChars` characters of text, mentions in English, Arabic and Hebrew. */
export function largeArticle(targetChars = 5_000_000) {
  const g = textGen(8200);
  const parts = ['<article><h1>Inside the cloud deal: a very long investigation</h1><p class="byline">By Bench Reporter</p>'];
  let chars = 0;
  let mentions = 0;
  for (let i = 0; chars < targetChars; i++) {
    if (i % 25 === 0) parts.push(`<h2>${g.sentence().slice(0, 60)}</h2>`);
    if (i % 60 === 30) parts.push(`<figure><img src="/img/${i}.jpg" alt="" width="600" height="400"><figcaption>${g.sentence()}</figcaption></figure>`);
    if (i % 90 === 45) parts.push(`<aside class="related"><ul><li><a href="#">${g.sentence()}</a></li><li><a href="#">${g.sentence()}</a></li></ul></aside>`);
    let p;
    if (i % 40 === 7) {
      const words = [...(i % 80 === 7 ? AR : HE)];
      const list = i % 80 === 7 ? MENTIONS_AR : MENTIONS_HE;
      const out = [];
      for (let k = 0; k < 60; k++) out.push(g.pick(words));
      out.splice(10 + Math.floor(g.rand() * 40), 0, g.pick(list));
      mentions++;
      p = `<p dir="rtl">${out.join(' ')}.</p>`;
    } else {
      let text = g.paragraph(350 + Math.floor(g.rand() * 500));
      if (i % 12 === 3) {
        const words = text.split(' ');
        words.splice(5 + Math.floor(g.rand() * (words.length - 10)), 0, g.pick(MENTIONS));
        text = words.join(' ');
        mentions++;
      }
      if (i % 30 === 11) {
        const words = text.split(' ');
        words.splice(3, 0, g.pick(FALSE_FRIENDS));
        text = words.join(' ');
      }
      p = i % 45 === 20 ? `<blockquote><p>${text}</p></blockquote>` : `<p>${text}</p>`;
    }
    parts.push(p);
    chars += p.replace(/<[^>]+>/g, '').length;
  }
  parts.push('</article>');
  return { html: page('A very large article', parts.join('\n')), chars, mentions };
}

/** 20,000 short paragraphs, a mention in every 10th. */
export function manyParagraphs(count = 20_000) {
  const g = textGen(20000);
  const parts = ['<article><h1>Live: the day in technology</h1>'];
  for (let i = 0; i < count; i++) {
    let text = g.paragraph(80 + Math.floor(g.rand() * 220), i % 3 === 0);
    if (i % 10 === 4) text = `${g.pick(MENTIONS)} ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    parts.push(`<p>${text}</p>`);
  }
  parts.push('</article>');
  return page('20,000 paragraphs', parts.join('\n'));
}

/**
 * A corpus page without its own scripts (elements and inline handlers), so that the page's work
 * stays out of the numbers while JavaScript stays on for the bench's own code and mark.js.
 */
export function stripScripts(html) {
  return html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
}

/** The doubling inputs (issue 11): key, bench-page function, smaller size (the larger is twice it). */
const DOUBLING = [
  ['blocks', 'doublingBlocks', 10000],
  ['invisible', 'doublingInvisible', 30000],
  ['longBlock', 'doublingLongBlock', 2500000],
  ['jsonLd', 'doublingJsonLd', 1000],
];

/** The paragraph appended in the append test. */
const APPENDED =
  '<p>Engineers at <a href="#">Microsoft</a> said the records of <b>Unit 8200</b> were kept on Azure servers in ' +
  'the Netherlands and Ireland, according to documents reviewed by reporters, and the company declined to comment.</p>';

// ---------------------------------------------------------------------------------------------
// Browsers

export async function launch(name, port, { javascript = true } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), `backstory-bench-${name}-`));
  if (name === 'chromium') {
    return puppeteer.launch({
      executablePath: EXECUTABLES.chromium,
      headless: true,
      defaultViewport: { width: 1280, height: 900 },
      acceptInsecureCerts: true,
      userDataDir,
      args: [
        '--no-sandbox',
        `--host-resolver-rules=MAP * 127.0.0.1:${port}`,
        '--ignore-certificate-errors',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        '--disable-gpu',
        '--disable-renderer-backgrounding',
        '--disable-background-timer-throttling',
      ],
    });
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    acceptInsecureCerts: true,
    userDataDir,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      // Full-precision performance.now() (the default rounds to 1 ms outside cross-origin isolation).
      'privacy.reduceTimerPrecision': false,
      'dom.min_background_timeout_value': 0,
      // Firefox has no BiDi command to turn page scripts off per tab; the corpus gets its own browser.
      ...(javascript ? {} : { 'javascript.enabled': false }),
    },
  });
}

async function browserVersion(browser) {
  return (await browser.version()).replace(/^HeadlessChrome\//, 'Chromium ').replace(/^firefox\//i, 'Firefox ');
}

const median = (values) => {
  const s = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const B = (fn) => `globalThis.__backstoryBench.${fn}`;
/** The baseline's bench page (--baseline), evaluated in the same page before this one's. */
const BB = (fn) => `globalThis.__backstoryBenchBase.${fn}`;
let baseCode = null;

export async function open(tab, url, code) {
  try {
    await tab.goto(url, { waitUntil: 'load', timeout: 45_000 });
  } catch (error) {
    // A page whose load event never comes (a hanging subresource) is measured as it stands.
    if (!/timeout/i.test(String(error?.message))) throw error;
    console.warn(`  (load event timed out on ${url}; measuring anyway)`);
  }
  if (baseCode) await tab.evaluate(baseCode);
  await tab.evaluate(code);
}

/**
 * JS heap a full scan of the loaded page adds and keeps (scanner, mentions, ranges, highlights):
 * Chromium, read over CDP after forced garbage collections; null in Firefox.
 */
async function heapDelta(tab, name) {
  if (name !== 'chromium') return null;
  const cdp = await tab.createCDPSession();
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const deltas = [];
  let mentions = 0;
  for (let i = 0; i < 3; i++) {
    const before = await used();
    mentions = await tab.evaluate(`${B('heapScan')}()`);
    const after = await used();
    await tab.evaluate(`${B('heapRelease')}()`);
    deltas.push(after - before);
  }
  await cdp.detach();
  return { deltaBytes: median(deltas), deltas, mentions };
}

/** Interleaved walk/scan runs on the loaded page: one warm-up, then RUNS of each. */
async function measureRatio(tab) {
  const stats = await tab.evaluate(`${B('stats')}()`);
  const walkReps = await tab.evaluate(`${B('calibrateWalk')}(${MIN_MS})`);
  const scanReps = await tab.evaluate(`${B('calibrateScan')}(${MIN_MS})`);
  const floorReps = await tab.evaluate(`${B('calibrateFloor')}(${MIN_MS})`);
  const markReps = await tab.evaluate(`${B('calibrateMarkjs')}(${MIN_MS})`);
  const baseReps = baseCode ? await tab.evaluate(`${BB('calibrateScan')}(${MIN_MS})`) : 0;
  const bases = [];
  const walks = [];
  const scans = [];
  const floors = [];
  const markjs = [];
  let markjsMarks = 0;
  for (let run = 0; run <= RUNS; run++) {
    const w = await tab.evaluate(`${B('walk')}(${walkReps})`);
    const s = await tab.evaluate(`${B('scan')}(${scanReps})`);
    const f = await tab.evaluate(`${B('floor')}(${floorReps})`);
    const m = await tab.evaluate(`${B('markjs')}(${markReps})`);
    const b = baseCode ? await tab.evaluate(`${BB('scan')}(${baseReps})`) : null;
    if (run > 0) {
      if (b !== null) bases.push(b);
      walks.push(w);
      scans.push(s);
      floors.push(f);
      markjs.push(m.ms);
      markjsMarks = m.marks;
    }
  }
  const mentions = await tab.evaluate(`${B('mentions')}()`);
  const parts = [];
  const breakdownReps = await tab.evaluate(`${B('calibrateBreakdown')}(${MIN_MS})`);
  for (let i = 0; i < 1; i++) parts.push(await tab.evaluate(`${B('breakdown')}(${breakdownReps})`));
  const breakdown = {};
  for (const key of Object.keys(parts[0])) breakdown[key] = median(parts.map((p) => p[key]));
  const walkMs = median(walks);
  const scanMs = median(scans);
  const floorMs = median(floors);
  const markjsMs = median(markjs);
  const floorMatches = await tab.evaluate(`${B('floorCount')}()`);
  const baseScanMs = baseCode ? median(bases) : null;
  // The least time of the interleaved runs, beside the median: the machine is shared, and other work
  // only ever adds to a run (a page where the floor's median is 40x its least is measuring the load).
  const least = (values) => Math.min(...values);
  const baseline = baseCode
    ? {
        scanMs: baseScanMs, floorRatio: baseScanMs / floorMs, markjsRatio: baseScanMs / markjsMs,
        leastFloorRatio: least(bases) / least(floors), leastMarkjsRatio: least(bases) / least(markjs),
        mentions: await tab.evaluate(`${BB('mentions')}()`),
      }
    : null;
  return {
    baseline,
    ...stats, mentions, walkMs, scanMs, ratio: scanMs / walkMs, floorMs, floorRatio: scanMs / floorMs, floorMatches,
    leastFloorRatio: least(scans) / least(floors), leastMarkjsRatio: least(scans) / least(markjs),
    markjsMs, markjsRatio: scanMs / markjsMs, markjsMarks, walkReps, scanReps, floorReps, markReps, walks, scans, floors, markjs, breakdown,
  };
}

/**
 * The longest tasks: the large article's sliced scans, styled and cold, each on the page loaded afresh, and the
 * 5 M-character block's, in a fresh browser after the rest of the bench. With another browser competing for this
 * machine's 2 cores (the bench ran both at once until round 9), a slice was stretched by the time its thread
 * waited for a core (Chromium's profiler found 4-5 samples of ours in slices of 90-220 ms), which no reader's
 * single browser has.
 */
async function longestTasks(name, server, code, result) {
  const browser = await launch(name, server.port);
  try {
    const tab = await browser.newPage();
    const base = `https://127.0.0.1:${server.port}`;
    // The machine's load as the runs start (1-minute average): what else was competing for the 2 cores.
    result.large.loadAverage = loadavg()[0];
    console.log(`  [${name}] longest tasks, this browser alone, load ${result.large.loadAverage.toFixed(1)} … (${elapsed()})`);
    const sliced = [];
    for (let i = 0; i < SLICED_RUNS; i++) {
      await open(tab, `${base}/bench/large.html`, code);
      sliced.push(await tab.evaluate(`${B('slicedScan')}()`));
    }
    result.large.sliced = sliced;
    const worstOf = (key) => median(sliced.map((s) => s[key]));
    // The longest task: the longest slice between two yields (timed by wrapping scheduler.yield)
    // or a 'longtask' entry (Chromium), whichever is longer. The heartbeat's longest gap is kept
    // apart: scheduler.yield continuations run ahead of ordinary tasks, so the heartbeat starves
    // for the whole scan and its gap is the time a page's own queued task waits, not a task length.
    result.large.maxSliceMs = worstOf('maxSliceMs');
    result.large.maxLongTaskMs = worstOf('maxLongTaskMs');
    result.large.maxGapMs = worstOf('maxGapMs');
    result.large.worstTaskMs = Math.max(result.large.maxSliceMs ?? 0, result.large.maxLongTaskMs ?? 0);
    const cold = [];
    for (let i = 0; i < SLICED_RUNS; i++) {
      await open(tab, `${base}/bench/large.html`, code);
      cold.push(await tab.evaluate(`${B('coldSlicedScan')}()`));
    }
    result.large.cold = {
      runs: cold,
      maxSliceMs: median(cold.map((c) => c.maxSliceMs)),
      maxLongTaskMs: median(cold.map((c) => c.maxLongTaskMs)),
      maxGapMs: median(cold.map((c) => c.maxGapMs)),
      pageRenderMs: median(cold.map((c) => c.pageRenderMs)),
    };
    for (const [kind, runs] of [['styled', sliced], ['cold', cold]]) {
      console.log(`  [${name}] large article, longest slice per ${kind} run: ${runs.map((r) => r.longestSlice).join('; ')}`);
    }
    if (baseCode) {
      // The baseline's sliced scans, styled and cold, each on the page loaded afresh.
      const runs = { styled: [], cold: [] };
      for (let i = 0; i < SLICED_RUNS; i++) {
        for (const kind of ['styled', 'cold']) {
          await open(tab, `${base}/bench/large.html`, code);
          runs[kind].push(await tab.evaluate(`${BB(kind === 'cold' ? 'coldSlicedScan' : 'slicedScan')}()`));
        }
      }
      result.large.baseline.maxSliceMs = median(runs.styled.map((r) => r.maxSliceMs));
      result.large.baseline.coldMaxSliceMs = median(runs.cold.map((r) => r.maxSliceMs));
      result.large.baseline.maxLongTaskMs = median(runs.styled.map((r) => r.maxLongTaskMs));
      result.large.baseline.coldMaxLongTaskMs = median(runs.cold.map((r) => r.maxLongTaskMs));
    }

    if (!LARGE_APPEND && result.doubling?.longBlock) {
      await open(tab, `${base}/bench/blank.html`, code);
      const longSliced = await tab.evaluate(`${B('longBlockSliced')}(5000000)`);
      result.doubling.longBlock.slicedMaxSliceMs = longSliced.maxSliceMs;
      result.doubling.longBlock.slicedMaxLongTaskMs = longSliced.maxLongTaskMs;
      if (baseCode) {
        // The baseline's longest task on the same block, in the same page after this checkout's.
        const baseSliced = await tab.evaluate(`${BB('longBlockSliced')}(5000000)`);
        result.doubling.longBlock.baseline = { slicedMaxSliceMs: baseSliced.maxSliceMs, mentions: baseSliced.mentions, thisMentions: longSliced.mentions };
      }
    }
  } finally {
    await browser.close().catch(() => {});
  }
}

async function benchBrowser(name, server, code, corpusPages) {
  let browser = await launch(name, server.port);
  const version = await browserVersion(browser);
  const base = `https://127.0.0.1:${server.port}`;
  const result = { browser: name, version, corpus: { pages: [], errors: [] } };
  const errors = [];
  try {
    const tab = await browser.newPage();
    // Generated pages first: they have no scripts of their own, so JavaScript stays on there.
    console.log(`\n[${name}] ${version}`);
    if (!CORPUS_ONLY) {
    console.log(`  [${name}] large article … (${elapsed()})`);
    await open(tab, `${base}/bench/large.html`, code);
    result.large = await measureRatio(tab);
    const awaited = await tab.evaluate(`${B('mentionsAwaited')}()`);
    if (awaited !== result.large.mentions) throw new Error(`synchronous scan found ${result.large.mentions} marks, awaited scan ${awaited}`);
    result.large.heap = await heapDelta(tab, name);
    if (!LARGE_APPEND) try {
    console.log(`  [${name}] doubling inputs, append storm, idle … (${elapsed()})`);
    await open(tab, `${base}/bench/blank.html`, code);
    result.doubling = {};
    for (const [key, fn, n] of DOUBLING) {
      const at = async (size) => {
        const runs = [];
        for (let i = 0; i < 3; i++) runs.push(await tab.evaluate(`${B(fn)}(${size})`));
        return median(runs);
      };
      const small = await at(n);
      const big = await at(2 * n);
      result.doubling[key] = { n, ms: small, doubledMs: big, ratio: big / small };
    }
    const storms = { 10000: { on: [], off: [] }, 20000: { on: [], off: [] } };
    let stormMarks = 0;
    for (let i = 0; i < 2; i++) {
      for (const n of [10000, 20000]) {
        for (const on of [false, true]) {
          await open(tab, `${base}/bench/blank.html`, code);
          const r = await tab.evaluate(`${B('storm')}(${n}, ${on})`);
          storms[n][on ? 'on' : 'off'].push(r.ms);
          if (on && n === 20000) stormMarks = r.marks;
        }
      }
    }
    const st = (n, k) => median(storms[n][k]);
    result.storm = {
      paragraphs: 20000,
      withMs: st(20000, 'on'),
      withoutMs: st(20000, 'off'),
      ratio: st(20000, 'on') / st(20000, 'off'),
      marks: stormMarks,
      doubling: { withRatio: st(20000, 'on') / st(10000, 'on'), withoutRatio: st(20000, 'off') / st(10000, 'off'), at10000: { withMs: st(10000, 'on'), withoutMs: st(10000, 'off') } },
      runs: storms,
    };
    await open(tab, `${base}/bench/paragraphs.html`, code);
    result.idle = await tab.evaluate(`${B('idle')}(2000)`);
    } catch (error) {
      const message = String(error?.message ?? error).split('\n')[0];
      errors.push(`${name} doubling/storm/idle: ${message}`);
      console.warn(`  ${name} doubling/storm/idle: ${message}`);
    }

    console.log(`  [${name}] 20,000 paragraphs … (${elapsed()})`);
    await open(tab, `${base}/bench/paragraphs.html`, code);
    const appends = [];
    const baseAppends = [];
    for (let i = 0; i < 3; i++) {
      appends.push(await tab.evaluate(`${B('append')}(${JSON.stringify(APPENDED)}, 21)`));
      if (baseCode) {
        await open(tab, `${base}/bench/paragraphs.html`, code);
        baseAppends.push(await tab.evaluate(`${BB('append')}(${JSON.stringify(APPENDED)}, 21)`));
        await open(tab, `${base}/bench/paragraphs.html`, code);
      }
    }
    result.append = {
      runs: appends,
      appendMs: median(appends.map((a) => a.appendMs)),
      aloneMs: median(appends.map((a) => a.aloneMs)),
      aloneHotMs: median(appends.map((a) => a.aloneHotMs)),
      ratioHot: median(appends.map((a) => a.ratioHot)),
      rescanMs: median(appends.map((a) => a.rescanMs)),
      appendMeanMs: median(appends.map((a) => a.appendMeanMs)),
      styleMs: median(appends.map((a) => a.styleMs)),
      ratio: median(appends.map((a) => a.ratio)),
      mentionsOnPage: appends[0].mentionsOnPage,
      addedMentions: appends[0].addedMentions,
      aloneMentions: appends[0].aloneMentions,
      baseline: baseCode ? { ratio: median(baseAppends.map((a) => a.ratio)), runs: baseAppends } : null,
    };

    }
    // Corpus: the pages with their scripts stripped (see stripScripts), JavaScript on: mark.js
    // needs it (its NodeIterator filter is a page function, which a browser with page scripts off
    // refuses to call).
    const corpusTab = await browser.newPage();
    result.corpus.scriptsStripped = true;
    let i = 0;
    for (const slug of corpusPages) {
      i++;
      try {
        const t0 = Date.now();
        await open(corpusTab, `${base}/bench-corpus/${slug}.html`, code);
        const t1 = Date.now();
        const m = await measureRatio(corpusTab);
        // Where the bench's own time goes (loading vs measuring), to keep a full run short.
        result.corpus.pages.push({ page: slug, ...m, openMs: t1 - t0, measureMs: Date.now() - t1 });
        if (i % 10 === 0 || i === corpusPages.length) {
          const done = result.corpus.pages;
          const sum = (k) => (done.reduce((a, p) => a + p[k], 0) / 1000).toFixed(0);
          console.log(`  [${name}] corpus ${i}/${corpusPages.length} (${elapsed()}; loading ${sum('openMs')} s, measuring ${sum('measureMs')} s)`);
        }
      } catch (error) {
        const message = String(error?.message ?? error).split('\n')[0];
        result.corpus.errors.push({ page: slug, error: message });
        errors.push(`${name} ${slug}: ${message}`);
        console.warn(`\n  ${slug}: ${message}`);
      }
    }
    process.stdout.write('\n');
  } finally {
    await browser.close().catch(() => {});
  }
  const pages = result.corpus.pages;
  if (pages.length) {
    result.corpus.medianRatio = median(pages.map((p) => p.ratio));
    result.corpus.medianWalkMs = median(pages.map((p) => p.walkMs));
    result.corpus.medianScanMs = median(pages.map((p) => p.scanMs));
    const worst = pages.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    result.corpus.worst = { page: worst.page, ratio: worst.ratio, scanMs: worst.scanMs, walkMs: worst.walkMs, breakdown: worst.breakdown };
    const slowest = pages.reduce((a, b) => (b.scanMs > a.scanMs ? b : a));
    result.corpus.slowest = { page: slowest.page, ratio: slowest.ratio, scanMs: slowest.scanMs, walkMs: slowest.walkMs };
    result.corpus.over = pages.filter((p) => p.ratio > BUDGET.ratio).map((p) => `${p.page} ${p.ratio.toFixed(2)}`);
    result.corpus.medianFloorRatio = median(pages.map((p) => p.floorRatio));
    result.corpus.medianLeastFloorRatio = median(pages.map((p) => p.leastFloorRatio));
    result.corpus.medianLeastMarkjsRatio = median(pages.map((p) => p.leastMarkjsRatio));
    result.corpus.benchSeconds = { open: pages.reduce((a, p) => a + (p.openMs ?? 0), 0) / 1000, measure: pages.reduce((a, p) => a + (p.measureMs ?? 0), 0) / 1000 };
    result.corpus.medianMarkjsRatio = median(pages.map((p) => p.markjsRatio));
    result.corpus.medianFloorMs = median(pages.map((p) => p.floorMs));
    result.corpus.medianMarkjsMs = median(pages.map((p) => p.markjsMs));
    const worstFloor = pages.reduce((a, b) => (b.floorRatio > a.floorRatio ? b : a));
    result.corpus.worstFloor = { page: worstFloor.page, ratio: worstFloor.floorRatio, scanMs: worstFloor.scanMs, floorMs: worstFloor.floorMs };
    if (baseCode) {
      result.corpus.baseline = {
        medianFloorRatio: median(pages.map((p) => p.baseline?.floorRatio)),
        medianLeastFloorRatio: median(pages.map((p) => p.baseline?.leastFloorRatio)),
        medianLeastMarkjsRatio: median(pages.map((p) => p.baseline?.leastMarkjsRatio)),
        medianMarkjsRatio: median(pages.map((p) => p.baseline?.markjsRatio)),
        medianScanMs: median(pages.map((p) => p.baseline?.scanMs)),
        sameMarks: pages.filter((p) => p.baseline?.mentions === p.mentions).length,
      };
    }
    const worstMark = pages.reduce((a, b) => (b.markjsRatio > a.markjsRatio ? b : a));
    result.corpus.worstMarkjs = { page: worstMark.page, ratio: worstMark.markjsRatio, scanMs: worstMark.scanMs, markjsMs: worstMark.markjsMs };
  }
  return { result, errors };
}

// ---------------------------------------------------------------------------------------------
// Report

/** The `peers.<browser>` summary of issue 16 (ratios are Backstory's time ÷ the peer's). */
function peersOf(c) {
  const heap = c.large?.heap;
  return {
    // median_ratio: per page, the median time of the runs; least_median_ratio: per page, the least (see measureRatio).
    markjs: { median_ratio: c.corpus.medianMarkjsRatio ?? null, least_median_ratio: c.corpus.medianLeastMarkjsRatio ?? null, median_ms: c.corpus.medianMarkjsMs ?? null, worst: c.corpus.worstMarkjs ?? null },
    floor: { median_ratio: c.corpus.medianFloorRatio ?? null, least_median_ratio: c.corpus.medianLeastFloorRatio ?? null, median_ms: c.corpus.medianFloorMs ?? null, worst: c.corpus.worstFloor ?? null },
    scan: { median_ms: c.corpus.medianScanMs ?? null },
    large: {
      chars: c.large?.chars,
      floor_ratio: c.large?.floorRatio,
      markjs_ratio: c.large?.markjsRatio,
      // Our longest task: the longest slice of the scan between two yields.
      longestTaskMs: { styled: c.large?.maxSliceMs, cold: c.large?.cold?.maxSliceMs },
      // Every long task the browser reported meanwhile, its own style and layout included (Chromium only).
      observedLongTaskMs: { styled: c.large?.maxLongTaskMs, cold: c.large?.cold?.maxLongTaskMs },
      coldPageRenderMs: c.large?.cold?.pageRenderMs,
    },
    append: { ratio: c.append?.ratio, appendMs: c.append?.appendMs, aloneMs: c.append?.aloneMs, ratioHot: c.append?.ratioHot, aloneHotMs: c.append?.aloneHotMs },
    storm: { ratio: c.storm?.ratio, withMs: c.storm?.withMs, withoutMs: c.storm?.withoutMs, marks: c.storm?.marks },
    heap: heap ? { bytesPer1000Marks: (heap.deltaBytes / heap.mentions) * 1000, marks: heap.mentions } : null,
    idle: c.idle,
    doubling: Object.fromEntries(Object.entries(c.doubling ?? {}).map(([k, v]) => [k, v.ratio])),
  };
}

const ms = (v) => (v === null || v === undefined ? 'n/a' : v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`);
const x = (v) => (v === null || v === undefined ? 'n/a' : `${v.toFixed(2)}×`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok) => (ok ? 'PASS' : 'MISS');

function contentSize() {
  const out = {};
  for (const browser of ['chromium', 'firefox']) {
    const file = join(ROOT, 'dist', browser, 'content.js');
    if (!existsSync(file)) continue;
    const raw = readFileSync(file);
    out[browser] = { rawBytes: raw.length, gzipBytes: gzipSync(raw, { level: 9 }).length };
  }
  return out;
}

function rows(results, size) {
  const cols = results.map((r) => r.result);
  const cell = (fn) => cols.map((c) => fn(c));
  const sizeOf = (c) => size[c.browser]?.gzipBytes;
  const n = cols[0]?.corpus.pages.length ?? 0;
  return [
    {
      label: `Backstory / floor, median over ${n} corpus pages`,
      values: cell((c) => `${x(c.corpus.medianFloorRatio)} (${ms(c.corpus.medianScanMs)} vs ${ms(c.corpus.medianFloorMs)})`),
      budget: `≤ ${BUDGET.floor}×`,
      pass: cols.every((c) => c.corpus.medianFloorRatio <= BUDGET.floor),
    },
    {
      label: `Backstory / mark.js, median over ${n} corpus pages`,
      values: cell((c) => `${x(c.corpus.medianMarkjsRatio)} (${ms(c.corpus.medianScanMs)} vs ${ms(c.corpus.medianMarkjsMs)})`),
      budget: `≤ ${BUDGET.markjs}×`,
      pass: cols.every((c) => c.corpus.medianMarkjsRatio <= BUDGET.markjs),
    },
    {
      label: `Same, from each page's least time of the runs (the machine's load removed): / floor, / mark.js`,
      values: cell((c) => `${x(c.corpus.medianLeastFloorRatio)}, ${x(c.corpus.medianLeastMarkjsRatio)}`),
      budget: '—',
    },
    {
      label: 'Worst corpus page (Backstory / floor)',
      values: cell((c) => (c.corpus.worstFloor ? `${c.corpus.worstFloor.page} ${x(c.corpus.worstFloor.ratio)}` : 'n/a')),
      budget: '—',
    },
    {
      label: `Scan / bare walk, median over ${n} corpus pages`,
      values: cell((c) => `${x(c.corpus.medianRatio)} (${ms(c.corpus.medianScanMs)} vs ${ms(c.corpus.medianWalkMs)})`),
      budget: '—',
    },
    {
      label: 'Worst corpus page (scan / walk)',
      values: cell((c) => (c.corpus.worst ? `${c.corpus.worst.page} ${x(c.corpus.worst.ratio)} (${ms(c.corpus.worst.scanMs)} vs ${ms(c.corpus.worst.walkMs)})` : 'n/a')),
      budget: '—',
    },
    {
      label: 'Slowest corpus page (scan)',
      values: cell((c) => (c.corpus.slowest ? `${c.corpus.slowest.page} ${ms(c.corpus.slowest.scanMs)} (${x(c.corpus.slowest.ratio)})` : 'n/a')),
      budget: '—',
    },
    {
      label: `${(cols[0]?.large?.chars / 1e6).toFixed(1)} M-char article: scan / walk`,
      values: cell((c) => `${x(c.large?.ratio)} (${ms(c.large?.scanMs)} vs ${ms(c.large?.walkMs)})`),
      budget: `≤ ${BUDGET.ratio}×`,
      pass: cols.every((c) => c.large?.ratio <= BUDGET.ratio),
    },
    {
      label: 'Large article: Backstory / floor, / mark.js',
      values: cell((c) => `${x(c.large?.floorRatio)}, ${x(c.large?.markjsRatio)}`),
      budget: '—',
    },
    {
      label: 'Large article, longest task of the scan: styled / cold',
      values: cell((c) => `${ms(c.large?.maxSliceMs)} / ${ms(c.large?.cold?.maxSliceMs)}`),
      budget: `≤ ${BUDGET.task} ms`,
      pass: cols.every((c) => c.large?.maxSliceMs <= BUDGET.task && c.large?.cold?.maxSliceMs <= BUDGET.task),
    },
    {
      label: 'Large article, longest task the browser saw: styled / cold (cold page alone renders in)',
      values: cell((c) => `${ms(c.large?.maxLongTaskMs)} / ${ms(c.large?.cold?.maxLongTaskMs)} (${ms(c.large?.cold?.pageRenderMs)})`),
      budget: '—',
    },
    {
      label: 'Append 1 paragraph to 20,000 vs that paragraph alone, each timed after a layout of the page (in a warm loop)',
      values: cell((c) => `${x(c.append?.ratio)} (${ms(c.append?.appendMs)} vs ${ms(c.append?.aloneMs)}; rescan ${ms(c.append?.rescanMs)}) (${x(c.append?.ratioHot)}, alone ${ms(c.append?.aloneHotMs)})`),
      budget: `≤ ${BUDGET.append}×`,
      pass: cols.every((c) => c.append?.ratio <= BUDGET.append),
    },
    {
      label: 'Append storm: 20,000 paragraphs one by one, with / without Backstory',
      values: cell((c) => `${x(c.storm?.ratio)} (${ms(c.storm?.withMs)} vs ${ms(c.storm?.withoutMs)}; ${c.storm?.marks} marks)`),
      budget: `≤ ${BUDGET.storm}×`,
      pass: cols.every((c) => c.storm?.ratio <= BUDGET.storm),
    },
    {
      label: 'Doubled input, cost ratio: blocks / invisible chars / one long block / JSON-LD / storm',
      values: cell((c) => `${['blocks', 'invisible', 'longBlock', 'jsonLd'].map((k) => x(c.doubling?.[k]?.ratio)).join(' / ')} / ${x(c.storm?.doubling?.withRatio)}`),
      budget: `≤ ${BUDGET.doubling}×`,
      pass: cols.every((c) => ['blocks', 'invisible', 'longBlock', 'jsonLd'].every((k) => c.doubling?.[k]?.ratio <= BUDGET.doubling) && c.storm?.doubling?.withRatio <= BUDGET.doubling),
    },
    {
      label: 'One 5 M-char text block, longest task of the scan',
      values: cell((c) => ms(c.doubling?.longBlock?.slicedMaxSliceMs)),
      budget: `≤ ${BUDGET.task} ms`,
      pass: cols.every((c) => c.doubling?.longBlock?.slicedMaxSliceMs <= BUDGET.task),
    },
    {
      label: 'Idle page, 2 s: timers, frames, messages, observer flushes, repaints',
      values: cell((c) => [c.idle?.timers + c.idle?.intervals, c.idle?.frames, c.idle?.messages, c.idle?.flushes, c.idle?.repaints].join(', ')),
      budget: 'all 0',
      pass: cols.every((c) => c.idle?.timers + c.idle?.intervals + c.idle?.frames + c.idle?.messages + c.idle?.flushes + c.idle?.repaints === 0),
    },
    {
      label: 'JS heap per 1,000 marks (large article)',
      values: cell((c) => (c.large?.heap ? kb((c.large?.heap.deltaBytes / c.large?.heap.mentions) * 1000) : 'n/a (no heap API)')),
      budget: '—',
    },
    {
      label: 'JS heap added by a scan of the large article',
      values: cell((c) => (c.large?.heap ? `${(c.large?.heap.deltaBytes / 1048576).toFixed(1)} MB (${c.large?.heap.mentions} marks)` : 'n/a')),
      budget: '—',
    },
    {
      label: 'content.js, gzipped (level 9)',
      values: cell((c) => (sizeOf(c) ? kb(sizeOf(c)) : 'n/a')),
      budget: `≤ ${BUDGET.gzipKB} KB`,
      pass: cols.every((c) => (sizeOf(c) ?? Infinity) <= BUDGET.gzipKB * 1024),
    },
  ];
}

function markdown(results, size, machine) {
  const table = rows(results, size);
  const head = `| | ${results.map((r) => r.result.version).join(' | ')} | Budget |`;
  const sep = `|---|${results.map(() => '---').join('|')}|---|`;
  const body = table.map((r) => `| ${r.label} | ${r.values.join(' | ')} | ${r.budget}${r.pass === undefined ? '' : ` ${r.pass ? '✅' : '❌'}`} |`);
  const note =
    `\nMeasured by \`npm run bench\` on ${machine.date.slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, ` +
    `${machine.os}, Node ${machine.node}. Medians of ${RUNS} interleaved runs after a warm-up; page scripts stripped from the corpus pages. ` +
    'Scan = what the content script does for a full scan (scope, walk, match, ranges, paint); floor = a TreeWalker ' +
    'reading every text node of `<body>` and running one regular expression of the names over it; mark.js = ' +
    '`markRegExp` with that expression on a detached copy of `<body>`; walk = a bare TreeWalker pass reading every text node.\n';
  return [head, sep, ...body].join('\n') + '\n' + note;
}

function printTable(results, size) {
  const table = rows(results, size);
  const widths = [Math.max(...table.map((r) => r.label.length)), ...results.map((_, i) => Math.max(12, ...table.map((r) => r.values[i].length)))];
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 10)).join('  ');
  console.log('\n' + line(['', ...results.map((r) => r.result.version), 'budget']));
  for (const r of table) console.log(line([r.label, ...r.values, `${r.budget} ${r.pass === undefined ? '' : verdict(r.pass)}`]));
  for (const { result: c } of results) {
    const top = [...c.corpus.pages].sort((a, b) => b.ratio - a.ratio).slice(0, 5);
    console.log(`\n${c.version}: highest scan/walk ratios`);
    for (const p of top) console.log(`  ${p.page.padEnd(40)} ${x(p.ratio).padStart(7)}  scan ${ms(p.scanMs)}  walk ${ms(p.walkMs)}  marks ${p.mentions}`);
    const b = c.large?.breakdown ?? {};
    console.log(
      `  large article phases: roots ${ms(b.roots)}, segments ${ms(b.segments)}, match ${ms(b.match)}, ` +
        `visibility ${ms(b.visibility)}, ranges ${ms(b.ranges)}, paint ${ms(b.paint)} (walk ${ms(c.large?.walkMs)})`,
    );
  }
}

/** Before (--baseline) and after, measured side by side in this run. */
function printBaseline(results) {
  console.log(`\nBaseline ${BASELINE} → this checkout, same pages, same run:`);
  for (const { result: c } of results) {
    const b = c.corpus.baseline;
    const lines = [];
    if (b) {
      lines.push(`Backstory / floor ${x(b.medianFloorRatio)} → ${x(c.corpus.medianFloorRatio)}; / mark.js ${x(b.medianMarkjsRatio)} → ${x(c.corpus.medianMarkjsRatio)}; scan ${ms(b.medianScanMs)} → ${ms(c.corpus.medianScanMs)}; same marks on ${b.sameMarks} of ${c.corpus.pages.length} pages`);
      lines.push(`from each page's least time: / floor ${x(b.medianLeastFloorRatio)} → ${x(c.corpus.medianLeastFloorRatio)}; / mark.js ${x(b.medianLeastMarkjsRatio)} → ${x(c.corpus.medianLeastMarkjsRatio)}`);
    }
    const l = c.large?.baseline;
    if (l) {
      lines.push(`large article / floor ${x(l.floorRatio)} → ${x(c.large.floorRatio)}; longest task styled ${ms(l.maxSliceMs)} → ${ms(c.large.maxSliceMs)}, cold ${ms(l.coldMaxSliceMs)} → ${ms(c.large.cold?.maxSliceMs)}; marks ${l.mentions} → ${c.large.mentions}`);
    }
    if (c.append?.baseline) lines.push(`append ${x(c.append.baseline.ratio)} → ${x(c.append.ratio)}`);
    const lb = c.doubling?.longBlock?.baseline;
    if (lb) lines.push(`one 5 M-character block, longest task ${ms(lb.slicedMaxSliceMs)} → ${ms(c.doubling.longBlock.slicedMaxSliceMs)}; marks ${lb.mentions} → ${lb.thisMentions}`);
    console.log(`  ${c.version}:\n    ${lines.join('\n    ')}`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  const { startServer } = await importTs('test/e2e/server.ts');
  const server = await startServer();
  const large = largeArticle();
  server.route('/bench/large.html', large.html, { 'cache-control': 'no-store' });
  server.route('/bench/paragraphs.html', manyParagraphs(), { 'cache-control': 'no-store' });
  server.route('/bench/blank.html', page('Doubling', '<article><h1>Doubling inputs</h1><p>Cloud contracts, live.</p><section id="stage"></section></article>'), { 'cache-control': 'no-store' });
  console.log(`generated: large article ${(large.html.length / 1e6).toFixed(1)} M chars of HTML, ${(large.chars / 1e6).toFixed(2)} M chars of text, ${large.mentions} planted mentions`);

  let corpusPages = SKIP_CORPUS
    ? []
    : readdirSync(CORPUS)
        .filter((f) => f.endsWith('.html'))
        .map((f) => f.slice(0, -5))
        .sort();
  if (FILTER) corpusPages = corpusPages.filter((p) => p.includes(FILTER));
  corpusPages = corpusPages.filter((_, i) => i % EVERY === 0).slice(0, PAGE_LIMIT);
  for (const slug of corpusPages) {
    server.route(`/bench-corpus/${slug}.html`, stripScripts(readFileSync(join(CORPUS, `${slug}.html`), 'utf8')), { 'cache-control': 'no-store' });
  }

  const code = await bundlePage('scripts/bench-page.ts');
  if (BASELINE) baseCode = `${await bundlePage('scripts/bench-page.ts', resolve(BASELINE))};globalThis.__backstoryBenchBase = globalThis.__backstoryBench;`;
  const scopeTargets = [
    ...largestCorpusPages(resolve(CORPUS, '..'), 4).map((p) => {
      server.route(`/bench-scope/${p.path}`, stripScripts(p.html), { 'cache-control': 'no-store' });
      return { label: p.path.replace(/\.html$/, '').replace(/([0-9a-f]{12})[0-9a-f]+/, '$1'), url: `/bench-scope/${p.path}` };
    }),
    { label: 'generated: 200,000 text nodes', url: '/bench/large-dom.html' },
    { label: 'generated: large article', url: '/bench/large.html' },
  ];
  server.route('/bench/large-dom.html', largeDomPage(), { 'cache-control': 'no-store' });
  /** The scope decision in each browser, a browser of its own (after the rest, or alone with --scope). */
  const scopeRuns = async () => {
    const out = {};
    for (const name of ['chromium', 'firefox'].filter((n) => !ONLY || ONLY === n)) {
      const browser = await launch(name, server.port);
      try {
        const tab = await browser.newPage();
        const base = `https://127.0.0.1:${server.port}`;
        out[name] = { version: await browserVersion(browser), pages: await benchScope(tab, scopeTargets, (t, url) => open(t, `${base}${url}`, code)) };
        printScope(out[name].version, out[name].pages);
      } finally {
        await browser.close().catch(() => {});
      }
    }
    return out;
  };
  if (SCOPE_ONLY) {
    try {
      const scope = await scopeRuns();
      mkdirSync(OUT, { recursive: true });
      writeFileSync(join(OUT, 'scope.partial.json'), JSON.stringify({ date: new Date().toISOString(), scope }, null, 1) + '\n');
      console.log(`\nwrote bench/scope.partial.json in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    } finally {
      await server.close();
    }
    return;
  }
  const results = [];
  const errors = [];
  let scope = null;
  try {
    // One browser at a time, as a reader runs one: with both at once on this 2-core machine each stretched the
    // other's times (round 9, the corpus alone in each: floor 1.36× / 1.31× against 1.51× / 1.64× both at once).
    // Every ratio is measured interleaved, page by page, within one browser.
    const names = ['chromium', 'firefox'].filter((name) => !ONLY || ONLY === name);
    const runs = [];
    for (const name of names) runs.push(await benchBrowser(name, server, code, corpusPages));
    if (!CORPUS_ONLY) {
      for (const run of runs) {
        try {
          await longestTasks(run.result.browser, server, code, run.result);
        } catch (error) {
          const message = String(error?.message ?? error).split('\n')[0];
          run.errors.push(`${run.result.browser} longest tasks: ${message}`);
          console.warn(`  ${run.result.browser} longest tasks: ${message}`);
        }
      }
    }
    for (const run of runs) {
      if (run.result.large) run.result.large.chars = large.chars;
      results.push(run);
      errors.push(...run.errors);
    }
    if (!LARGE_APPEND && !CORPUS_ONLY) scope = await scopeRuns();
  } finally {
    await server.close();
  }

  const size = contentSize();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    os: `${platform()} ${release()}`,
    node: process.version,
    browsers: Object.fromEntries(results.map((r) => [r.result.browser, r.result.version])),
    date: new Date().toISOString(),
  };
  printTable(results, size);
  if (BASELINE) printBaseline(results);
  const budgets = Object.fromEntries(rows(results, size).filter((r) => r.pass !== undefined).map((r) => [r.label, verdict(r.pass)]));
  mkdirSync(OUT, { recursive: true });
  const partial = ONLY || FILTER || PAGE_LIMIT !== Infinity || SKIP_CORPUS || CORPUS_ONLY || EVERY !== 1 || BASELINE;
  const suffix = partial ? '.partial' : '';
  writeFileSync(
    join(OUT, `results${suffix}.json`),
    JSON.stringify({ machine, runs: RUNS, budgets, size, scope, peers: Object.fromEntries(results.map((r) => [r.result.browser, peersOf(r.result)])), browsers: results.map((r) => r.result), errors }, null, 1) + '\n',
  );
  writeFileSync(join(OUT, `README-table${suffix}.md`), markdown(results, size, machine));
  console.log(`\nwrote bench/results${suffix}.json and bench/README-table${suffix}.md in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (errors.length) {
    console.error(`\n${errors.length} error(s):\n  ${errors.join('\n  ')}`);
    process.exitCode = 1;
  }
}

// Run when executed (scripts/bench-profile.mjs imports the page generators).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
