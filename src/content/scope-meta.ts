/**
 * The article's own text and authors as the page declares them in JSON-LD (`articleBody`,
 * `author`), one signal of scope (scope-score.ts): where the page gives its article's text, a
 * block whose text is not in it (a caption, a comment, an author's box) is not the article, and a
 * short block naming the author is the byline. Read once per decision, from a few script elements.
 */

export interface ArticleMeta {
  /** The article's text, folded (see fold). */
  body: string;
  /** Author names, folded. */
  authors: string[];
}

/** Lower case, letters and digits only: markup, quotes and spaces differ between JSON-LD and the page. */
export const fold = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A JSON-LD script this long is not read (a catalogue, not an article's metadata). */
const MAX_SCRIPT = 300_000;

const querySelectorAll = Element.prototype.querySelectorAll;

/** From the JSON-LD scripts in <head> and `inBody`, those the tree's walk met in <body> (not a search of the whole page). */
export function articleMeta(doc: Document, inBodyScripts: Element[] = []): ArticleMeta | null {
  let body = '';
  const authors: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const o = value as Record<string, unknown>;
    const text = o.articleBody;
    // The standfirst is the description, and is the article's text too.
    if (typeof text === 'string' && text.length > body.length) body = `${typeof o.description === 'string' ? o.description : ''} ${text}`;
    for (const a of [o.author, o.creator].flat()) {
      const person = a !== null && typeof a === 'object' ? (a as Record<string, unknown>) : null;
      const name = typeof a === 'string' ? a : person !== null && person['@type'] !== 'Organization' ? person.name : undefined;
      // A person's full name ("Lena Hoffmann", "김민지"): a one-word Latin name ("RT", "Reuters") is
      // found inside too many words.
      if (typeof name === 'string' && (/\S\s+\S/.test(name) || /[^\u0000-\u024f]{2}/.test(name))) authors.push(fold(name));
    }
    for (const key in o) if (key !== 'articleBody' && key !== 'author') visit(o[key], depth + 1);
  };
  const head = doc.head ? [...querySelectorAll.call(doc.head, 'script[type="application/ld+json"]')] : [];
  for (const script of [...head, ...inBodyScripts]) {
    const json = script.textContent ?? '';
    if (json.length > MAX_SCRIPT) continue;
    try {
      visit(JSON.parse(json), 0);
    } catch {
      // Broken JSON-LD is common; it tells nothing.
    }
  }
  return body || authors.length ? { body: fold(body), authors } : null;
}

/** Where `text` (folded) is in the article: 1 all of it, 0 none, else part (probes at its start, middle, end). */
export function inBody(meta: ArticleMeta, text: string): number {
  const probe = 40;
  if (text.length <= probe) return meta.body.includes(text) ? 1 : 0;
  const mid = (text.length - probe) >> 1;
  let found = 0;
  for (const at of [0, mid, text.length - probe]) if (meta.body.includes(text.slice(at, at + probe))) found++;
  return found === 3 ? 1 : found === 0 ? 0 : 0.5;
}
