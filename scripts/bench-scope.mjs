/**
 * The scope decision's part of `npm run bench` (issue 13: its time on the largest corpus pages, with
 * its ratio to the scan). Before the decision was sliced it ran in one task, so its one-task time
 * (`wholeMs`) was the longest task it gave the page; now the scanner reads it in ~5 ms slices
 * (`maxSliceMs`, `slices`, `workMs` their sum, `wallMs` with the page's turns in between).
 *
 * Pages: the largest pages of the three corpus sets (by HTML size, page scripts stripped) and two
 * generated ones: the 200,000-text-node page of test/e2e/hostile.test.ts and bench.mjs's large article.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The `count` largest pages over readability, article-benchmark and trafilatura-dev: { path, html }. */
export function largestCorpusPages(corpus, count) {
  const pages = [];
  const dir = join(corpus, 'readability');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    pages.push({ path: `readability/${f}`, size: statSync(join(dir, f)).size, read: () => readFileSync(join(dir, f), 'utf8') });
  }
  for (const set of ['article-benchmark', 'trafilatura-dev']) {
    const d = join(corpus, set);
    for (const f of readdirSync(d).filter((f) => f.endsWith('.html.gz'))) {
      const html = gunzipSync(readFileSync(join(d, f))).toString('utf8');
      pages.push({ path: `${set}/${f.replace(/\.gz$/, '')}`, size: html.length, read: () => html });
    }
  }
  return pages
    .sort((a, b) => b.size - a.size)
    .slice(0, count)
    .map((p) => ({ path: p.path, html: p.read() }));
}

/** The hostile test's very large DOM: 1,000 paragraphs of 100 `<i>w</i>`, 200,000 text nodes. */
export function largeDomPage() {
  const paragraphs = [];
  for (let i = 0; i < 1000; i++) {
    const words = '<i>w</i> '.repeat(100);
    paragraphs.push(i === 0 || i === 500 || i === 999 ? `<p>Microsoft ${words}</p>` : `<p>${words}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Large DOM</title></head><body><article><h1>Large DOM</h1>${paragraphs.join('\n')}</article></body></html>`;
}

/**
 * Measures every target in one tab: `open(tab, url)` loads the page and the bench code, then the
 * page's `scopeDecision(runs)` runs. Returns one row per target.
 */
export async function benchScope(tab, targets, open, runs = 5) {
  const rows = [];
  for (const { label, url } of targets) {
    await open(tab, url);
    const m = await tab.evaluate(`globalThis.__backstoryBench.scopeDecision(${runs})`);
    rows.push({ page: label, ...m });
  }
  return rows;
}

const ms = (v) => (typeof v !== 'number' ? 'n/a' : v < 10 ? `${v.toFixed(2)} ms` : `${v.toFixed(1)} ms`);

/** A table per browser: one task before, slices now, and the share of the scan. */
export function printScope(version, rows) {
  console.log(`\n${version}: scope decision (one task, as before slicing → in slices now; decision ÷ full scan)`);
  for (const r of rows) {
    console.log(
      `  ${r.page.padEnd(44)} ${String(r.elements).padStart(7)} el.  one task ${ms(r.wholeMs).padStart(9)} → longest slice ${ms(r.maxSliceMs).padStart(8)} ` +
        `× ${String(r.slices).padStart(4)} (work ${ms(r.workMs)}, wall ${ms(r.wallMs)}, of it the decision after the read ${ms(r.decideMs)}); ÷ scan ${ms(r.scanMs)} = ${r.shareOfScan.toFixed(2)}`,
    );
  }
}
