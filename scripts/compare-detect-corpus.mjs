/**
 * Marks the matcher makes on the text of the shared corpus, compared between two checkouts of the matcher
 * (this one and another, e.g. an older commit unpacked with `git archive`). Pages are read as blocks of
 * text (nearest block element of each text node), the way the scanner reads them, without the DOM scope.
 *
 * Usage: node scripts/compare-detect-corpus.mjs <other-checkout-root>
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';

const HERE = resolve(import.meta.dirname, '..');
const OTHER = resolve(process.argv[2] ?? '');
const CORPUS = resolve(HERE, '../shared/corpus');
const BLOCK = new Set('P LI H1 H2 H3 H4 H5 H6 TD TH DIV BLOCKQUOTE FIGCAPTION DD DT SECTION ARTICLE ASIDE HEADER FOOTER NAV MAIN BODY TITLE PRE TABLE UL OL FORM LABEL SPAN'.split(' ').filter((t) => t !== 'SPAN'));
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'CODE', 'BUTTON']);

async function loadMatcher(root) {
  const { importTs } = await import(pathToFileURL(join(root, 'scripts/load-ts.mjs')).href);
  const detect = await importTs('src/detect/index.ts');
  const { entityAliases, otherNames } = await importTs('src/data/aliases.ts');
  return { detect, matcher: detect.compileMatcher(entityAliases, otherNames) };
}

function blocks(html) {
  const window = new Window({
    url: 'https://example.com/',
    settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableJavaScriptEvaluation: true, disableIframePageLoading: true },
  });
  const doc = window.document;
  doc.write(html.replace(/<script[\s\S]*?<\/script>|<link[^>]*>|<iframe[\s\S]*?<\/iframe>/gi, ''));
  const texts = new Map();
  const walker = doc.createTreeWalker(doc.documentElement, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let el = n.parentElement;
    let skip = false;
    while (el && !BLOCK.has(el.tagName)) { if (SKIP.has(el.tagName)) skip = true; el = el.parentElement; }
    if (skip || !el || SKIP.has(el.tagName)) continue;
    texts.set(el, (texts.get(el) ?? '') + n.data);
  }
  const out = [doc.title, ...texts.values()];
  void window.happyDOM.close();
  return out;
}

function marks({ detect, matcher }, list) {
  const page = { microsoft: false, cloud: false, unit8200: false };
  for (const b of list) for (const [k, v] of Object.entries(matcher.context(b))) if (v) page[k] = true;
  const out = [];
  list.forEach((b, i) => {
    for (const c of matcher.find(b)) if (detect.accepts(c, page)) out.push(`${c.entityId}|${b.slice(c.start, c.end)}|${b.slice(Math.max(0, c.start - 40), c.end + 40).replace(/\s+/g, ' ')}`);
  });
  return out;
}

function pages() {
  const out = [];
  const r = join(CORPUS, 'readability');
  for (const f of readdirSync(r).filter((f) => f.endsWith('.html'))) out.push([`readability/${f}`, () => readFileSync(join(r, f), 'utf8')]);
  for (const dir of ['article-benchmark', 'trafilatura-dev']) {
    const d = join(CORPUS, dir);
    for (const f of readdirSync(d).filter((f) => f.endsWith('.gz'))) out.push([`${dir}/${f}`, () => gunzipSync(readFileSync(join(d, f))).toString('utf8')]);
  }
  return out;
}

const now = await loadMatcher(HERE);
const other = await loadMatcher(OTHER);
let same = 0;
let total = [0, 0];
for (const [name, read] of pages()) {
  const html = read();
  if (!/microsoft|azure|8200|مايكروسوفت|ميكروسوفت|מיקרוסופט|אז.ור|أزور|آزور|微软|微軟|마이크로소프트|애저|Майкрософт|مایکروسافت|آژور/i.test(html)) continue;
  const list = blocks(html);
  const a = marks(other, list);
  const b = marks(now, list);
  total[0] += a.length;
  total[1] += b.length;
  const gone = a.filter((m) => !b.includes(m));
  const added = b.filter((m) => !a.includes(m));
  if (process.env.LIST && b.length) console.log(`${name}: ${b.length}`);
  if (gone.length === 0 && added.length === 0) { same++; continue; }
  console.log(`\n${name}: ${a.length} -> ${b.length}`);
  for (const m of gone) console.log(`  - ${m}`);
  for (const m of added) console.log(`  + ${m}`);
}
console.log(`\npages with a name and unchanged marks: ${same}; marks before ${total[0]}, after ${total[1]}`);
