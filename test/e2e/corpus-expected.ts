/**
 * The referee for scope: the article text Readability extracted from each corpus page
 * (../shared/corpus/readability-expected/<slug>.expected.html), whitespace-normalised.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { CORPUS } from './server';

export const EXPECTED_DIR = resolve(CORPUS, '../readability-expected');

export const normalise = (s: string): string => s.replace(/[\s\u00a0\u200b\u00ad\u202f]+/g, ' ').trim();

/** Slugs of the corpus pages, sorted. */
export function corpusSlugs(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
}

export interface Article {
  /** All of the article's text, normalised. */
  text: string;
  /** The normalised text of every element of the article (to place short blocks exactly). */
  elements: Set<string>;
}

const cache = new Map<string, Article>();

/** The article of one page (text of every text node, script and style left out). */
export function expectedArticle(slug: string): Article {
  const cached = cache.get(slug);
  if (cached !== undefined) return cached;
  const window = new Window();
  const doc = window.document;
  doc.body.innerHTML = readFileSync(resolve(EXPECTED_DIR, `${slug}.expected.html`), 'utf8');
  for (const el of doc.querySelectorAll('script, style, noscript, template')) el.remove();
  const text = normalise(doc.body.textContent ?? '');
  const elements = new Set([...doc.body.querySelectorAll('*')].map((el) => normalise(el.textContent ?? '')));
  void window.happyDOM.close();
  const article = { text, elements };
  cache.set(slug, article);
  return article;
}

/**
 * Whether the page's article could name one of ours at all: a cheap look at the raw file, so
 * that only those few pages are parsed.
 */
export function mayName(slug: string): boolean {
  return /microsoft|azure|8200|مايكروسوفت|מיקרוסופט/i.test(readFileSync(resolve(EXPECTED_DIR, `${slug}.expected.html`), 'utf8'));
}

/** Rough guide to the names in a text (false friends exist: check by hand). */
export const NAME_PATTERN = /\b(Microsoft|Azure|Unit\s8200)\b/g;
