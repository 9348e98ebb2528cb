/**
 * The page's publication date, read only from its own metadata, for "Since this article".
 *
 * Runs once per page in the content script, so it stays cheap: a handful of querySelector calls,
 * JSON-LD blocks parsed once, no walk over the DOM. Being wrong here would put words in an
 * article's mouth, so any doubt gives null: no date means no "since" section, never a guess.
 *
 * Order of trust. Every "published" source is tried before any "modified" one, because many CMSs
 * stamp dateModified on every re-save (some with the render time), which would hide real
 * developments: JSON-LD datePublished, article:published_time, itemprop=datePublished, the
 * article header's <time>, publisher metas; then JSON-LD dateModified, article:modified_time,
 * itemprop=dateModified, modified metas.
 */
import type { PublishedInfo } from '../shared/messages';

const DEFAULT_STORY_START = '2021-01-01';
/** Dates before the web had news sites are CMS defaults (1970-01-01, 0001-01-01), not dates. */
const PLAUSIBLE_FROM = '1995-01-01';
const DAY_MS = 86_400_000;

interface Candidate {
  value: string;
  from: string;
}

/**
 * Find the page's publication date. `now` bounds future dates (one day of skew allowed);
 * a first plausible date before `storyStart` means the page is older than the story, which gives null.
 */
export function findPublishedDate(doc: Document, now = new Date(), storyStart = DEFAULT_STORY_START): PublishedInfo | null {
  const latest = new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
  for (const { value, from } of candidates(doc)) {
    const date = calendarDate(value);
    // Unparseable, future and placeholder values are the page's mistakes: try the next source.
    if (!date || date > latest || date < PLAUSIBLE_FROM) continue;
    // A real date before the story is an old page; a later, less trusted date would only mislead.
    return date < storyStart ? null : { date, from };
  }
  return null;
}

function* candidates(doc: Document): Generator<Candidate> {
  const jsonLd = lazy(() => readJsonLd(doc));
  const metas = lazy(() => readMetas(doc));
  for (const value of jsonLd().published) yield { value, from: 'json-ld' };
  yield* fromMeta(metas(), 'article:published_time', 'article:published_time');
  yield* fromElement(doc.querySelector('[itemprop~="datePublished"]'), 'itemprop');
  for (const selector of TIME_SELECTORS) yield* fromElement(doc.querySelector(selector), 'time');
  for (const name of PUBLISHED_METAS) yield* fromMeta(metas(), name, `meta:${name}`);
  for (const value of jsonLd().modified) yield { value, from: 'json-ld' };
  yield* fromMeta(metas(), 'article:modified_time', 'article:modified_time');
  yield* fromElement(doc.querySelector('[itemprop~="dateModified"]'), 'itemprop');
  for (const name of MODIFIED_METAS) yield* fromMeta(metas(), name, `meta:${name}`);
}

/**
 * `pubdate` marks the article's own date (HTML5 draft); a microdata article's byline comes next; a bare
 * header may also be the site's masthead. A <time> marked as the modified date waits for its turn.
 */
const TIME_SELECTORS = [
  'time[pubdate][datetime]',
  'article header time[datetime]',
  '[itemscope][itemtype$="Article"] time[datetime]',
  'header time[datetime]',
  'article time[datetime]',
].map((selector) => `${selector}:not([itemprop~="dateModified"])`);

/** Publisher metas (name or property, compared lower-case), most specific first. */
const PUBLISHED_METAS = [
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.date',
  'dcterms.created',
  'citation_publication_date',
  'article:published',
  'article:publicationdate',
  'og:published_time',
  'dcsext.articlefirstpublished',
  'datepublished',
  'publish-date',
  'publish_date',
  'publishdate',
  'published_at',
  'pubdate',
  'pdate',
  'ptime',
  'displaydate',
  'date',
];
const MODIFIED_METAS = ['og:updated_time', 'article:modified', 'dcterms.modified'];

function* fromMeta(metas: Map<string, string>, key: string, from: string): Generator<Candidate> {
  const value = metas.get(key);
  if (value) yield { value, from };
}

/** `content` (meta), `datetime` (time), then the visible text, which must be short to be a date. */
function* fromElement(el: Element | null, from: string): Generator<Candidate> {
  if (!el) return;
  const value = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent?.slice(0, 200);
  if (value) yield { value, from };
}

/** Every meta's content by lower-cased name and property; the first of each wins. */
function readMetas(doc: Document): Map<string, string> {
  const map = new Map<string, string>();
  for (const meta of doc.querySelectorAll('meta[content]')) {
    const content = meta.getAttribute('content') ?? '';
    for (const key of [meta.getAttribute('property'), meta.getAttribute('name')]) {
      const k = key?.trim().toLowerCase();
      if (k && !map.has(k)) map.set(k, content);
    }
  }
  return map;
}

function lazy<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: make() }).v;
}

// ---------- JSON-LD ----------

/** Article-like schema.org types: Article and its subtypes (NewsArticle, ReportageNewsArticle, ...), BlogPosting, Report. */
const ARTICLE_TYPE = /(?:Article|Posting|Report)$/;
/** A page node's date is the article's on many CMSs (Yoast's @graph), but only if no article node has one. */
const PAGE_TYPE = /WebPage$/;
/**
 * Bounds on what one page can make us parse: a page with thousands of JSON-LD blocks, or one
 * block listing a million items, costs at most these (issue 11). The article's own block comes
 * early on every corpus page that has one (the most seen there: 4 blocks).
 */
const MAX_JSON_LD_CHARS = 1_000_000;
const MAX_JSON_LD_BLOCKS = 20;
const MAX_JSON_LD_TOTAL_CHARS = 2_000_000;
const MAX_JSON_LD_NODES = 500;

interface JsonLdDates {
  published: string[];
  modified: string[];
}

function readJsonLd(doc: Document): JsonLdDates {
  const article: JsonLdDates = { published: [], modified: [] };
  const page: JsonLdDates = { published: [], modified: [] };
  const scripts = doc.querySelectorAll('script[type^="application/ld+json" i]');
  let budget = MAX_JSON_LD_TOTAL_CHARS;
  let nodes = 0;
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_BLOCKS; i++) {
    const text = (scripts[i] as Element).textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS || text.length > budget) continue;
    budget -= text.length;
    for (const node of nodesOf(parseJson(text), 0)) {
      if (++nodes > MAX_JSON_LD_NODES) break;
      const types = typesOf(node);
      const into = types.some((t) => ARTICLE_TYPE.test(t)) ? article : types.some((t) => PAGE_TYPE.test(t)) ? page : null;
      if (!into) continue;
      pushValue(into.published, node['datePublished']);
      pushValue(into.modified, node['dateModified']);
    }
  }
  return { published: [...article.published, ...page.published], modified: [...article.modified, ...page.modified] };
}

/** Parse a JSON-LD block, tolerating HTML comment/CDATA wrappers, raw control characters and trailing commas. */
function parseJson(raw: string): unknown {
  const text = raw
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/|\]\]>)$/, '');
  try {
    return JSON.parse(text);
  } catch {
    try {
      // Only a fallback: these edits could change a string's content, which cannot matter for a date.
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return null; // A broken block is the page's problem; skip it.
    }
  }
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The nodes that describe this page: top-level objects and arrays, `@graph` members and a page's
 * `mainEntity`. Deeper nesting (`hasPart`, `itemListElement`, `relatedLink`) describes other articles.
 */
function* nodesOf(value: unknown, depth: number): Generator<JsonObject> {
  if (depth > 4) return;
  if (Array.isArray(value)) {
    for (const item of value) yield* nodesOf(item, depth + 1);
    return;
  }
  if (!isObject(value)) return;
  yield value;
  yield* nodesOf(value['@graph'], depth + 1);
  for (const key of ['mainEntity', 'mainEntityOfPage']) {
    if (isObject(value[key])) yield* nodesOf(value[key], depth + 1);
  }
}

/** `@type` as bare names: "NewsArticle", ["Article", "NewsArticle"], "schema:NewsArticle", "https://schema.org/NewsArticle". */
function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf(':')) + 1));
}

/** A date property may be a string, `{"@value": ...}` or a list of either. */
function pushValue(into: string[], value: unknown): void {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  const text = isObject(first) ? first['@value'] : first;
  if (typeof text === 'string' && text.trim()) into.push(text);
}

// ---------- Date strings ----------

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const FULL_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * The calendar date a value names, as `YYYY-MM-DD`, or null. The date is the one written, in the
 * value's own offset ("2025-08-07T23:30:00-04:00" is 7 Aug), since that is the publisher's day.
 * Accepts ISO 8601 (also with a space or "/"), compact `YYYYMMDD[hhmmss]`, English month names
 * ("7 August 2025", "Aug. 7, 2025", RFC 2822, Java's Date#toString) and d.m.yyyy; a d/m/yyyy that could be either order is refused.
 */
export function calendarDate(value: string): string | null {
  const text = value.trim().slice(0, 200);
  let m = /(?<!\d)(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?!\d)/.exec(text);
  if (m) return ymd(m[1], m[2], m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?:\d{6})?$/.exec(text);
  if (m) return ymd(m[1], m[2], m[3]);
  m = /(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})(?!\d)/i.exec(text);
  if (m && monthNumber(m[2])) return ymd(m[3], monthNumber(m[2]), m[1]);
  m = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/i.exec(text);
  if (m && monthNumber(m[1])) return ymd(m[3], monthNumber(m[1]), m[2]);
  // Java's Date#toString, which some CMSs print into metas: "Fri Mar 13 21:30:09 EST 2015".
  m = /\b([a-z]{3})\s+(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s+[a-z]{1,5})?\s+(\d{4})(?!\d)/i.exec(text);
  if (m && monthNumber(m[1])) return ymd(m[3], monthNumber(m[1]), m[2]);
  m = /(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/.exec(text);
  if (m) return ymd(m[3], m[2], m[1]);
  m = /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) return ymd(m[3], m[2], m[1]);
    if (b > 12 && a <= 12) return ymd(m[3], m[1], m[2]);
  }
  return null;
}

/** "Aug", "aug.", "August", "Sept" → "8"; any other word → undefined. */
function monthNumber(word: string | undefined): string | undefined {
  const w = word?.toLowerCase() ?? '';
  const i = MONTHS.indexOf(w.slice(0, 3));
  return i >= 0 && FULL_MONTHS[i]?.startsWith(w) ? String(i + 1) : undefined;
}

function ymd(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  const [y, mo, d] = [Number(year), Number(month), Number(day)];
  if (!Number.isInteger(y) || mo < 1 || mo > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
