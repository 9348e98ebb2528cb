/**
 * `npm run eval:scope`: how well the shipped scope (src/content/scope.ts) finds the article, as
 * text, on the three sets of ../shared/corpus (see its README), in a real browser with the page's
 * own scripts off. Not part of `npm test` (it loads ~480 pages).
 *
 * Per page: the text the scanner would read (scope roots walked by the shipped SegmentWalker) and
 * all of the page's text are compared, word by word (multisets), with the ground truth:
 *   precision = share of scanned words that are main content;
 *   recall    = share of the main content (as far as it is in the page at all) that is scanned.
 * On trafilatura-dev: share of "with" snippets inside the scanned text and of "without" snippets
 * inside it (a snippet the page does not contain at all is not counted).
 * Pages are split into a tuning half and a held-out half by a stable hash of the file name (FNV-1a,
 * see `half`), fixed before the rules of round 3 were tuned; both halves are reported. Rules are
 * tuned on "tune" only, so "held" says whether they carry to pages nobody looked at.
 *
 * Options: --browser=chromium|firefox|both (default chromium) · --set=readability,article-benchmark,
 * trafilatura-dev,postlight (the last: test/fixtures/scope-eval/postlight) · --split=tune|held (only that half; default both) · --only=<substring> ·
 * --report=<file.json> (every page's figures, with the snippets in and out of scope) · --tabs=<n> ·
 * --no-timing (skip the decision's timing on the largest pages).
 */
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { bundlePage } from './bundle-page.mjs';
import { loadPostlight, postlightTruth } from './scope-eval-postlight.mjs';
import puppeteer from 'puppeteer-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const EXECUTABLES = { chromium: '/usr/bin/chromium', firefox: '/usr/lib/firefox-esr/firefox-esr' };

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? '1']));
const BROWSERS = args.browser === 'both' ? ['chromium', 'firefox'] : [args.browser ?? 'chromium'];
const SETS = (args.set ?? 'readability,article-benchmark,trafilatura-dev,postlight').split(',');
const TABS = Number(args.tabs ?? 2);
const SPLIT = args.split ?? null;
if (SPLIT !== null && SPLIT !== 'tune' && SPLIT !== 'held') throw new Error(`--split=${SPLIT}: tune or held`);

/** FNV-1a (32 bits) of the file name: which half a page is in does not move when pages are added. */
function fnv1a(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
/** 'tune' or 'held', from the page's file name (its full name, as in the corpus folder). */
const half = (file) => ((fnv1a(file) >>> 7) & 1 ? 'held' : 'tune');

// ---------------------------------------------------------------------------------------------
// The pages and their ground truth

function loadSet(set) {
  if (set === 'readability') {
    return readdirSync(join(CORPUS, 'readability'))
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => ({ name: f.slice(0, -5), half: half(f), html: () => readFileSync(join(CORPUS, 'readability', f)), truthHtml: readFileSync(join(CORPUS, 'readability-expected', f.replace(/\.html$/, '.expected.html')), 'utf8') }));
  }
  if (set === 'postlight') return loadPostlight(ROOT, half);
  if (set === 'article-benchmark') {
    const truth = JSON.parse(readFileSync(join(CORPUS, set, 'ground-truth.json'), 'utf8'));
    return Object.keys(truth)
      .sort()
      .map((id) => ({ name: id.slice(0, 12), half: half(`${id}.html.gz`), html: () => gunzipSync(readFileSync(join(CORPUS, set, `${id}.html.gz`))), truth: truth[id].articleBody }));
  }
  const entries = JSON.parse(readFileSync(join(CORPUS, set, 'entries.json'), 'utf8'));
  return entries
    .slice()
    .sort((a, b) => a.file.localeCompare(b.file))
    .map((e) => ({ name: e.file.replace(/\.html\.gz$/, ''), half: half(e.file), html: () => gunzipSync(readFileSync(join(CORPUS, set, e.file))), with: e.with, without: e.without }));
}

const words = (s) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const norm = (s) => ` ${words(s).join(' ')} `;

function bag(list) {
  const m = new Map();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}
function overlap(a, b) {
  let n = 0;
  for (const [w, c] of a) n += Math.min(c, b.get(w) ?? 0);
  return n;
}
const size = (m) => [...m.values()].reduce((s, c) => s + c, 0);

/** Figures for one page from what the browser returned. */
function score(page, got, truthText) {
  const result = { name: page.name, half: page.half, roots: got.roots, scopeMs: got.scopeMs, walkMs: got.walkMs };
  const scanned = bag(words(got.scanned));
  if (truthText !== undefined) {
    const all = bag(words(got.all));
    const truth = bag(words(truthText));
    // Main content as far as the page holds it (the referee may have text the saved page lacks).
    const present = new Map([...truth].map(([w, c]) => [w, Math.min(c, all.get(w) ?? 0)]));
    const hit = overlap(present, scanned);
    result.scannedWords = size(scanned);
    result.truthWords = size(present);
    result.precision = result.scannedWords ? hit / result.scannedWords : null;
    result.recall = result.truthWords ? hit / result.truthWords : null;
    // Scanned blocks whose words are mostly not main content: what lowers precision, block by block.
    if (args.report) result.junk = (got.segments ?? []).filter((s) => {
      const w = words(s);
      return w.length >= 2 && w.filter((x) => truth.has(x)).length < w.length * 0.5;
    }).map((s) => s.trim().slice(0, 160));
  }
  if (page.with) {
    const all = norm(got.all);
    const sc = norm(got.scanned);
    const check = (list) => list.map((s) => norm(s)).filter((s) => s.trim() && all.includes(s)).map((s) => sc.includes(s));
    result.with = check(page.with);
    result.without = check(page.without);
    // The snippets themselves, for reading which boilerplate got in and which content stayed out.
    const present = (list) => list.filter((x) => norm(x).trim() && all.includes(norm(x)));
    result.withoutIn = present(page.without).filter((x) => sc.includes(norm(x)));
    result.withOut = present(page.with).filter((x) => !sc.includes(norm(x)));
    // Precision/recall in words, from the snippets alone (the set has no full article text).
    const w = page.with.filter((s) => all.includes(norm(s)));
    const wo = page.without.filter((s) => all.includes(norm(s)));
    result.snippetRecall = w.length ? result.with.filter(Boolean).length / w.length : null;
    result.snippetPrecision = result.with.filter(Boolean).length + result.without.filter(Boolean).length ? result.with.filter(Boolean).length / (result.with.filter(Boolean).length + result.without.filter(Boolean).length) : null;
    void wo;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Browser

async function launch(name, port) {
  const userDataDir = mkdtempSync(join(tmpdir(), `backstory-evalscope-${name}-`));
  if (name === 'chromium') {
    mkdirSync(join(userDataDir, "Default"), { recursive: true });
    writeFileSync(join(userDataDir, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { javascript: 2 } } }));
    return puppeteer.launch({
      executablePath: EXECUTABLES.chromium,
      headless: true,
      defaultViewport: { width: 1280, height: 900 },
      userDataDir,
      args: ['--no-sandbox', `--host-resolver-rules=MAP * 127.0.0.1:${port}`, '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    });
  }
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    defaultViewport: { width: 1280, height: 900 },
    userDataDir,
    extraPrefsFirefox: {
      'network.dns.forceResolve': '127.0.0.1',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
      'privacy.reduceTimerPrecision': false,
      'javascript.enabled': false,
    },
  });
}

async function pool(items, n, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async (_, worker) => {
    while (next < items.length) await fn(items[next++], worker);
  }));
}

const mean = (v) => {
  const s = v.filter((x) => typeof x === 'number');
  return s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
};
const pct = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '—');

function summary(set, results) {
  const lines = [];
  const halves = [['tuning half', results.filter((r) => r.half === 'tune')], ['held-out half', results.filter((r) => r.half === 'held')]].filter(([, part]) => part.length);
  for (const [label, part] of [['all', results], ...halves]) {
    if (part[0]?.with) {
      const w = part.flatMap((r) => r.with);
      const wo = part.flatMap((r) => r.without);
      lines.push(
        `  ${label.padEnd(15)} ${String(part.length).padStart(3)} pages: "with" in scope ${pct(w.filter(Boolean).length / w.length)} (${w.filter(Boolean).length}/${w.length}), ` +
          `"without" in scope ${pct(wo.filter(Boolean).length / wo.length)} (${wo.filter(Boolean).length}/${wo.length}); ` +
          `snippet precision ${pct(mean(part.map((r) => r.snippetPrecision)))}, recall ${pct(mean(part.map((r) => r.snippetRecall)))}`,
      );
    } else {
      const low = part.filter((r) => r.recall !== null && r.recall < 0.5).length;
      lines.push(
        `  ${label.padEnd(15)} ${String(part.length).padStart(3)} pages: precision ${pct(mean(part.map((r) => r.precision)))}, recall ${pct(mean(part.map((r) => r.recall)))} ` +
          `(mean per page); pages with recall < 50%: ${low}`,
      );
    }
  }
  return `${set}\n${lines.join('\n')}`;
}

const code = await bundlePage('scripts/eval-scope-page.ts');
const pages = Object.fromEntries(SETS.map((set) => [set, loadSet(set).filter((p) => (!args.only || p.name.includes(args.only)) && (!SPLIT || p.half === SPLIT))]));
const byPath = new Map();
for (const set of SETS) for (const p of pages[set]) byPath.set(`/${set}/${p.name}.html`, p);

const server = createServer((req, res) => {
  const page = byPath.get(new URL(req.url, 'http://x').pathname);
  if (!page) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page.html());
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const report = {};
for (const name of BROWSERS) {
  const browser = await launch(name, port);
  const tabs = await Promise.all(Array.from({ length: TABS }, () => browser.newPage()));
  const truthTab = await browser.newPage();
  console.log(`\n${name} (${await browser.version()})`);
  const timings = [];
  for (const set of SETS) {
    const results = new Array(pages[set].length);
    const index = new Map(pages[set].map((p, i) => [p, i]));
    await pool(pages[set], TABS, async (page, worker) => {
      const tab = tabs[worker];
      try {
        await tab.goto(`http://127.0.0.1:${port}/${set}/${page.name}.html`, { waitUntil: 'load', timeout: 30_000 });
      } catch (error) {
        // A page whose own markup redirects (Firefox rejects the navigation: "Address rejected") is
        // left out and named, rather than ending the whole run.
        if (!/timeout/i.test(String(error?.message))) {
          console.warn(`  ${set}/${page.name}: not measured (${String(error?.message).split('\n')[0]})`);
          return;
        }
      }
      let got;
      for (let attempt = 0; ; attempt++) {
        try {
          await tab.evaluate(code);
          got = await tab.evaluate('globalThis.__backstoryScope.run()');
          break;
        } catch (error) {
          // A <meta http-equiv=refresh> navigates the page under us: measure it where it lands.
          if (attempt > 2) throw error;
          await new Promise((r) => setTimeout(r, 500));
        }
      }
      let truth = page.truth;
      if (page.selectors) {
        truth = await tab.evaluate(postlightTruth, page.selectors);
        if (truth === null) {
          console.warn(`  ${set}/${page.name}: not measured (the site's extractor finds no article in the saved page)`);
          return;
        }
      }
      if (page.truthHtml !== undefined) {
        truth = await truthTab.evaluate((html) => {
          const doc = new DOMParser().parseFromString(html, 'text/html');
          for (const el of doc.querySelectorAll('script, style, noscript, template')) el.remove();
          return doc.body.textContent ?? '';
        }, page.truthHtml);
      }
      results[index.get(page)] = score(page, got, truth);
      timings.push({ set, name: page.name, chars: got.all.length, scopeMs: got.scopeMs, walkMs: got.walkMs, tab: worker });
    });
    // Pages left out above hold no figures.
    for (let i = results.length - 1; i >= 0; i--) if (results[i] === undefined) results.splice(i, 1);
    report[`${name} ${set}`] = results;
    console.log(summary(set, results));
  }
  // The scope decision's cost on the largest pages, beside the walk of the scope it decides.
  const largest = args['no-timing'] ? [] : timings.sort((a, b) => b.chars - a.chars).slice(0, 5);
  const tab = tabs[0];
  console.log('  scope decision vs the walk of the scope it decides and a bare walk of the page, largest pages (fastest of 15 runs):');
  for (const t of largest) {
    await tab.goto(`http://127.0.0.1:${port}/${t.set}/${t.name}.html`, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
    await tab.evaluate(code);
    const m = await tab.evaluate('globalThis.__backstoryScope.timing(15)');
    console.log(
      `    ${t.set}/${t.name} (${(t.chars / 1000).toFixed(0)} k chars): decision ${m.scopeMs.toFixed(1)} ms, scope walk ${m.walkMs.toFixed(1)} ms ` +
        `(×${(m.scopeMs / m.walkMs).toFixed(2)}), bare page walk ${m.bareMs.toFixed(1)} ms (×${(m.scopeMs / m.bareMs).toFixed(2)})`,
    );
  }
  await browser.close();
}
server.close();
if (args.report) writeFileSync(args.report, JSON.stringify(report, null, 1));
