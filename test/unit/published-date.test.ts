// @vitest-environment happy-dom
/// <reference types="node" />
import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { calendarDate, findPublishedDate } from '../../src/content/published-date';
import type { PublishedInfo } from '../../src/shared/messages';

const FIXTURES = path.resolve(__dirname, '../fixtures/dates');
const CORPUS = path.resolve(__dirname, '../../../shared/corpus/readability');
const NOW = new Date('2026-07-01T12:00:00Z');

// Pages get a Window of their own with scripts and subresources off: the test environment's window
// would run the corpus pages' inline scripts, which rewrite some documents and make the run slow.
const window = new Window({
  settings: {
    disableJavaScriptEvaluation: true,
    disableJavaScriptFileLoading: true,
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    disableComputedStyleRendering: true,
  },
});

/**
 * `<link>` elements are dropped first: happy-dom preloads `rel=preload as=fetch` even with loading
 * disabled, and rejects on relative URLs (topicseed-1). The extractor never reads links.
 */
function parse(html: string): Document {
  const source = html.replace(/<link\b[^>]*>/gi, '');
  return new window.DOMParser().parseFromString(source, 'text/html') as unknown as Document;
}

function fixture(name: string): Document {
  return parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
}

const at = (date: string, from: string): PublishedInfo => ({ date, from });

describe('findPublishedDate on hand-made pages', () => {
  it.each<[string, PublishedInfo | null]>([
    ['jsonld-newsarticle.html', at('2025-08-07', 'json-ld')],
    ['jsonld-graph.html', at('2025-08-06', 'json-ld')],
    ['jsonld-array.html', at('2025-09-25', 'json-ld')],
    ['jsonld-malformed.html', at('2025-08-07', 'json-ld')],
    ['jsonld-broken-only.html', at('2025-08-08', 'article:published_time')],
    ['future-date.html', at('2025-08-07', 'article:published_time')],
    ['pre-story.html', null],
    ['placeholder-date.html', at('2025-08-07', 'meta:parsely-pub-date')],
    ['modified-only.html', at('2025-09-26', 'article:modified_time')],
    ['itemprop-text.html', at('2025-08-07', 'itemprop')],
    ['itemprop-datetime.html', at('2025-08-07', 'itemprop')],
    ['time-header.html', at('2025-08-07', 'time')],
    ['time-modified-only.html', at('2025-09-14', 'itemprop')],
    ['meta-parsely.html', at('2025-08-07', 'meta:parsely-pub-date')],
    ['meta-dublin-core.html', at('2025-08-07', 'meta:dc.date.issued')],
    ['meta-sailthru.html', at('2025-08-07', 'meta:sailthru.date')],
    ['meta-java-date.html', at('2025-08-07', 'meta:article:publicationdate')],
    ['meta-compact.html', at('2025-08-07', 'meta:ptime')],
    ['unparseable.html', null],
    ['no-metadata.html', null],
  ])('%s', (name, expected) => {
    expect(findPublishedDate(fixture(name), NOW)).toEqual(expected);
  });

  it('covers every fixture', () => {
    expect(fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.html'))).toHaveLength(20);
  });

  it('reads a page older than the story when the story starts earlier', () => {
    expect(findPublishedDate(fixture('pre-story.html'), NOW, '1990-01-01')).toEqual(at('2016-03-02', 'json-ld'));
  });

  it('allows one day of clock skew and no more', () => {
    const page = (value: string) => parse(`<meta property="article:published_time" content="${value}">`);
    const now = new Date('2025-08-07T12:00:00Z');
    expect(findPublishedDate(page('2025-08-08T09:00:00+09:00'), now)).toEqual(at('2025-08-08', 'article:published_time'));
    expect(findPublishedDate(page('2025-08-09T09:00:00Z'), now)).toBeNull();
  });

  it('never throws on odd documents', () => {
    const odd = [
      '',
      '<script type="application/ld+json">null</script>',
      '<script type="application/ld+json">[[[[[[[[{"@type":"NewsArticle","datePublished":"2025-08-07"}]]]]]]]]</script>',
      '<script type="application/ld+json">{"@type":42,"datePublished":{"nested":true},"@graph":"x"}</script>',
      '<script type="application/ld+json">{"@type":"Article","datePublished":["", 7]}</script>',
      `<p itemprop="datePublished">${'9'.repeat(100_000)}</p>`,
    ];
    for (const html of odd) expect(() => findPublishedDate(parse(html), NOW)).not.toThrow();
  });
});

describe('findPublishedDate bounds (a page cannot make it parse without limit)', () => {
  const block = (json: string) => `<script type="application/ld+json">${json}</script>`;
  const article = block('{"@type":"NewsArticle","datePublished":"2025-08-07"}');
  const filler = block('{"@type":"Organization","name":"x"}');

  it('reads the article block among the first twenty, and not after them', () => {
    expect(findPublishedDate(parse(filler.repeat(19) + article), NOW)).toEqual(at('2025-08-07', 'json-ld'));
    expect(findPublishedDate(parse(filler.repeat(20) + article), NOW)).toBeNull();
  });

  it('stops reading the nodes of a block that lists thousands of items', () => {
    const items = Array.from({ length: 600 }, () => '{"@type":"Thing"}').join(',');
    expect(findPublishedDate(parse(block(`[${items},{"@type":"NewsArticle","datePublished":"2025-08-07"}]`)), NOW)).toBeNull();
    const few = Array.from({ length: 100 }, () => '{"@type":"Thing"}').join(',');
    expect(findPublishedDate(parse(block(`[${few},{"@type":"NewsArticle","datePublished":"2025-08-07"}]`)), NOW)).toEqual(at('2025-08-07', 'json-ld'));
  });

  it('reads at most two million characters of JSON-LD in all', () => {
    const big = block(`{"@type":"Thing","name":"${'x'.repeat(900_000)}"}`);
    const bigArticle = block(`{"@type":"NewsArticle","datePublished":"2025-08-07","articleBody":"${'x'.repeat(900_000)}"}`);
    expect(findPublishedDate(parse(big + bigArticle), NOW)).toEqual(at('2025-08-07', 'json-ld'));
    expect(findPublishedDate(parse(big + big + bigArticle), NOW)).toBeNull();
  });
});

describe('calendarDate', () => {
  it.each([
    ['2025-08-07', '2025-08-07'],
    ['2025-08-07T23:30:00-04:00', '2025-08-07'],
    ['2025-08-07T23:30:00.000Z', '2025-08-07'],
    ['2025-08-07 06:01:07', '2025-08-07'],
    ['2025/8/7', '2025-08-07'],
    ['20250807', '2025-08-07'],
    ['20250807133838', '2025-08-07'],
    ['7 August 2025', '2025-08-07'],
    ['Aug. 7, 2025', '2025-08-07'],
    ['Sept 7 2025', '2025-09-07'],
    ['Thu, 07 Aug 2025 23:30:00 -0400', '2025-08-07'],
    ['Thu Aug 07 21:30:09 EST 2025', '2025-08-07'],
    ['07.08.2025 à 13h36', '2025-08-07'],
    ['25/08/2025', '2025-08-25'],
    ['08/25/2025 09:49:00', '2025-08-25'],
  ])('%j is %s', (value, expected) => expect(calendarDate(value)).toBe(expected));

  it.each(['', 'yesterday', '2025-13-01', '2025-02-30', '08/07/2025', '1754554200', 'PDT08:05:41-07:00', '7 Smarch 2025'])(
    'refuses %j',
    (value) => expect(calendarDate(value)).toBeNull(),
  );
});

/**
 * Every corpus page with a date in its metadata, checked by hand against the file (JSON-LD,
 * article:published_time, itemprop, header <time>, publisher metas). The survey uses a story start
 * of 1990 so that these 2000s–2010s pages count.
 */
const CORPUS_DATES: Record<string, PublishedInfo> = {
  '001.html': at('2013-09-29', 'itemprop'),
  '002.html': at('2015-03-10', 'time'),
  'aclu.html': at('2018-04-05', 'json-ld'),
  'aktualne.html': at('2021-11-01', 'json-ld'),
  'article-author-tag.html': at('2015-07-10', 'json-ld'),
  'ars-1.html': at('2015-04-16', 'time'),
  'bbc-1.html': at('2015-07-24', 'json-ld'),
  'breitbart.html': at('2016-12-22', 'article:published_time'),
  'bug-1255978.html': at('2015-09-17', 'article:published_time'),
  'citylab-1.html': at('2019-04-30', 'itemprop'),
  'cnet-svg-classes.html': at('2017-12-01', 'itemprop'),
  'cnn.html': at('2016-02-01', 'meta:dc.date.issued'),
  'dropbox-blog.html': at('2020-11-11', 'meta:publishdate'),
  'ehow-1.html': at('2007-05-29', 'meta:publishdate'),
  // Its publish_date "05/08/2014" could be May or August: refused, so the modified date is used.
  'ehow-2.html': at('2016-09-14', 'itemprop'),
  'engadget.html': at('2017-11-03', 'json-ld'),
  'firefox-nightly-blog.html': at('2020-12-18', 'time'),
  'folha.html': at('2018-12-21', 'json-ld'),
  'gitlab-blog.html': at('2024-06-25', 'json-ld'),
  'gmw.html': at('2017-03-10', 'meta:publishdate'),
  'guardian-1.html': at('2019-01-03', 'article:published_time'),
  'heise.html': at('2015-04-08', 'meta:date'),
  'herald-sun-1.html': at('2015-03-13', 'meta:article:publicationdate'),
  'iab-1.html': at('2015-10-15', 'article:published_time'),
  'ietf-1.html': at('2014-12-15', 'meta:dc.date.issued'),
  'keep-images.html': at('2015-03-27', 'article:published_time'),
  'lazy-image-1.html': at('2019-10-18', 'json-ld'),
  'lazy-image-2.html': at('2013-09-11', 'json-ld'),
  'lemonde-1.html': at('2015-05-04', 'itemprop'),
  'liberation-1.html': at('2015-04-30', 'article:published_time'),
  'medicalnewstoday.html': at('2017-07-27', 'itemprop'),
  'medium-1.html': at('2015-03-17', 'article:published_time'),
  'medium-2.html': at('2015-02-24', 'article:published_time'),
  'medium-3.html': at('2015-10-15', 'json-ld'),
  'nytimes-1.html': at('2017-01-13', 'itemprop'),
  'nytimes-2.html': at('2016-07-29', 'itemprop'),
  'nytimes-3.html': at('2019-02-21', 'itemprop'),
  'nytimes-4.html': at('2018-09-25', 'itemprop'),
  'nytimes-5.html': at('2019-08-06', 'meta:pdate'),
  'parsely-metadata.html': at('2024-04-20', 'meta:parsely-pub-date'),
  'schema-org-context-object.html': at('2024-12-06', 'json-ld'),
  'seattletimes-1.html': at('2019-04-28', 'article:published_time'),
  'spiceworks.html': at('2020-07-10', 'json-ld'),
  'telegraph.html': at('2017-11-16', 'itemprop'),
  'theverge.html': at('2023-06-07', 'json-ld'),
  'toc-missing.html': at('2020-09-21', 'json-ld'),
  'topicseed-1.html': at('2018-06-12', 'article:published_time'),
  'tumblr.html': at('2014-09-02', 'json-ld'),
  'v8-blog.html': at('2019-11-21', 'itemprop'),
  'videos-1.html': at('2017-12-15', 'json-ld'),
  'videos-2.html': at('2017-11-24', 'json-ld'),
  'wikia.html': at('2017-02-23', 'article:published_time'),
  'wikipedia-2.html': at('2001-10-29', 'json-ld'),
  'wikipedia-3.html': at('2003-02-28', 'json-ld'),
  'wikipedia-4.html': at('2014-03-27', 'json-ld'),
  'wordpress.html': at('2017-03-09', 'article:published_time'),
  'yahoo-3.html': at('2015-03-12', 'itemprop'),
  'youth.html': at('2017-03-10', 'meta:publishdate'),
};

/**
 * happy-dom 21 ends cnet.html at a <style> inside an SVG <symbol>, before the byline; Chromium
 * parses the whole page and finds 2017-01-18 from itemprop (checked with puppeteer). Not asserted here.
 */
const HAPPY_DOM_PARSE_GAPS = new Set(['cnet.html']);

/**
 * Pages with a date on screen but none in metadata: a <time> outside any article header (msn,
 * yahoo-1/2, royal-road) or a date only inside scripts (buzzfeed-1, quanta-1, wapo-1/2). No guess.
 */
const NO_METADATA_DATE = ['msn.html', 'yahoo-1.html', 'yahoo-2.html', 'royal-road.html', 'buzzfeed-1.html', 'quanta-1.html', 'wapo-1.html', 'wapo-2.html'];

describe('findPublishedDate on the corpus', () => {
  const pages = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.html')).sort();
  const found = new Map<string, PublishedInfo | null>();

  it.each(pages)('%s', (name) => {
    const doc = parse(fs.readFileSync(path.join(CORPUS, name), 'utf8'));
    const result = findPublishedDate(doc, NOW, '1990-01-01');
    found.set(name, result);
    if (HAPPY_DOM_PARSE_GAPS.has(name)) return;
    expect(result).toEqual(CORPUS_DATES[name] ?? null);
    // With the real story start, pages from before the story give no date at all.
    const current = findPublishedDate(doc, NOW);
    expect(current).toEqual(result && result.date >= '2021-01-01' ? result : null);
  }, 20_000);

  it('names every hand-checked page, and none without metadata', () => {
    expect(Object.keys(CORPUS_DATES).every((name) => pages.includes(name))).toBe(true);
    for (const name of NO_METADATA_DATE) expect(found.get(name)).toBeNull();
    expect([...found.values()].filter(Boolean)).toHaveLength(Object.keys(CORPUS_DATES).length);
  });
});
