/**
 * Precision and recall of the matcher on the hand-written evaluation set (test/fixtures/detection-eval/).
 * Each line of a .jsonl file is one page: `text` (a paragraph or a list of paragraphs), marked up as
 * [[m|Microsoft]], [[a|Azure]], [[u|Unit 8200]] where a mark is expected, exactly over the expected range.
 * A page is read as the content script reads one: candidates per paragraph, then the page context decides
 * the conditional ones (see src/detect/accepts.ts). A mark counts only with its exact range and entity.
 *
 * Usage: npm run eval:detect [-- --verbose] [-- --json] [-- --holdout | --set holdout2]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { importTs } from './load-ts.mjs';

const ROOT = resolve(import.meta.dirname, '..');
// `--holdout`: the sentences written after the matcher's second round, never tuned against; `--set <dir>` another
// folder of test/fixtures/detection-eval (holdout2, holdout3, unit-numbers: see its README).
const setArg = process.argv.indexOf('--set');
const SET = setArg > 0 ? process.argv[setArg + 1] : process.argv.includes('--holdout') ? 'holdout' : '';
if (SET && !/^[\w-]+$/.test(SET)) throw new Error(`--set: a folder name, not ${SET}`);
const DIR = join(ROOT, 'test/fixtures/detection-eval', SET);
const CODES = { m: 'microsoft', a: 'azure', u: 'unit-8200' };
const MARKUP = /\[\[([mau])\|([^\]]+)\]\]/g;
const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');

/** Plain text and the expected marks [start, end, entity] of one marked-up paragraph. */
export function parse(marked) {
  const marks = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(MARKUP)) {
    text += marked.slice(last, m.index);
    marks.push([text.length, text.length + m[2].length, CODES[m[1]]]);
    text += m[2];
    last = m.index + m[0].length;
  }
  return { text: text + marked.slice(last), marks };
}

function pages() {
  const out = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(DIR, file), 'utf8').split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const page = JSON.parse(line);
      const paragraphs = (Array.isArray(page.text) ? page.text : [page.text]).map(parse);
      out.push({ where: `${file}:${i + 1}`, lang: page.lang, paragraphs });
    });
  }
  return out;
}

/** Marks the matcher makes on one page, per paragraph, as "start:end:entity" keys. */
function markPage(detect, matcher, paragraphs) {
  const context = { microsoft: false, cloud: false, unit8200: false };
  const found = paragraphs.map((p) => matcher.find(p.text));
  for (const p of paragraphs) Object.assign(context, Object.fromEntries(Object.entries(matcher.context(p.text)).filter(([, v]) => v)));
  for (const list of found) for (const c of list) {
    if (c.needs !== 'none') continue;
    if (c.entityId === 'microsoft') context.microsoft = context.cloud = true;
    else if (c.entityId === 'azure') context.cloud = true;
    else context.unit8200 = true;
  }
  return found.map((list) => list.filter((c) => detect.accepts(c, context)).map((c) => `${c.start}:${c.end}:${c.entityId}`));
}

const detect = await importTs('src/detect/index.ts');
const { entityAliases, otherNames } = await importTs('src/data/aliases.ts');
const matcher = detect.compileMatcher(entityAliases, otherNames);

const stats = new Map();
const misses = [];
let sentences = 0;
let negatives = 0;
for (const page of pages()) {
  const s = stats.get(page.lang) ?? { tp: 0, fp: 0, fn: 0, sentences: 0, negatives: 0 };
  stats.set(page.lang, s);
  const got = markPage(detect, matcher, page.paragraphs);
  page.paragraphs.forEach((p, i) => {
    s.sentences++;
    sentences++;
    if (p.marks.length === 0) { s.negatives++; negatives++; }
    const want = new Set(p.marks.map(([a, b, e]) => `${a}:${b}:${e}`));
    const have = new Set(got[i]);
    for (const k of have) if (want.has(k)) s.tp++; else { s.fp++; misses.push(['FP', page.where, p.text, k]); }
    for (const k of want) if (!have.has(k)) { s.fn++; misses.push(['FN', page.where, p.text, k]); }
  });
}

const pct = (a, b) => (b === 0 ? 100 : (100 * a) / b);
const rows = [...stats].map(([lang, s]) => ({
  lang, sentences: s.sentences, negatives: s.negatives, tp: s.tp, fp: s.fp, fn: s.fn,
  precision: pct(s.tp, s.tp + s.fp), recall: pct(s.tp, s.tp + s.fn),
}));
const total = rows.reduce((t, r) => ({ tp: t.tp + r.tp, fp: t.fp + r.fp, fn: t.fn + r.fn }), { tp: 0, fp: 0, fn: 0 });
if (asJson) {
  console.log(JSON.stringify({ rows, total: { ...total, precision: pct(total.tp, total.tp + total.fp), recall: pct(total.tp, total.tp + total.fn) } }));
} else {
  console.log('lang  sentences  negatives   TP  FP  FN  precision  recall');
  for (const r of rows) {
    console.log(`${r.lang.padEnd(4)} ${String(r.sentences).padStart(10)} ${String(r.negatives).padStart(10)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)} ${r.precision.toFixed(1).padStart(9)}% ${r.recall.toFixed(1).padStart(6)}%`);
  }
  console.log(`all  ${String(sentences).padStart(10)} ${String(negatives).padStart(10)} ${String(total.tp).padStart(4)} ${String(total.fp).padStart(3)} ${String(total.fn).padStart(3)} ${pct(total.tp, total.tp + total.fp).toFixed(1).padStart(9)}% ${pct(total.tp, total.tp + total.fn).toFixed(1).padStart(6)}%`);
  if (verbose) for (const [kind, where, text, key] of misses) {
    const [a, b, e] = key.split(':');
    console.log(`${kind} ${where} ${e} «${text.slice(Number(a), Number(b))}» in: ${text}`);
  }
}
