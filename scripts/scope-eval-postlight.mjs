/**
 * A held-out set for `npm run eval:scope`: 167 saved pages of 141 sites from Postlight Parser's test
 * fixtures (test/fixtures/scope-eval/postlight, README there), with the article located by that
 * project's hand-written per-site extractors, not by us. Added after round 3's rules; split like the
 * other sets by `half` (the file name's hash): only the tuning half may be looked at to find failures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export function loadPostlight(root, half) {
  const dir = join(root, 'test/fixtures/scope-eval/postlight');
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
  return Object.keys(truth)
    .sort()
    .map((file) => ({
      name: file.replace(/\.html$/, ''),
      half: half(file),
      html: () => gunzipSync(readFileSync(join(dir, 'pages', `${file}.gz`))),
      selectors: truth[file],
    }));
}

/**
 * In the page: the article's text as the site's extractor finds it (Postlight Parser's rules: a
 * string selector counts when it matches exactly one element with text, a list of selectors when each
 * matches, and then all their elements together), its `clean` selectors removed, with the headline
 * and standfirst the extractor names. Null when no content selector matches the saved page.
 */
export function postlightTruth({ content, clean, title, dek }) {
  const textOf = (els) => {
    const parts = [];
    for (const el of els) {
      const copy = el.cloneNode(true);
      for (const c of copy.querySelectorAll(['script', 'style', 'noscript', 'template', ...clean].join(','))) c.remove();
      parts.push(copy.textContent ?? '');
    }
    return parts.join(' ');
  };
  const all = (s) => {
    try {
      return [...document.body.querySelectorAll(s)];
    } catch {
      return [];
    }
  };
  const pick = (selectors, multi) => {
    for (const s of selectors ?? []) {
      if (Array.isArray(s)) {
        // [selector, attribute] pairs read meta tags (not page text); lists of selectors join parts.
        if (!multi) continue;
        if (s.every((part) => all(part).length > 0)) return all(s.join(','));
        continue;
      }
      if (s === 'title') continue; // the document's <title>, not a heading in the page
      const found = all(s);
      if (found.length === 1 && (found[0].textContent ?? '').trim()) return found;
    }
    return null;
  };
  const body = pick(content, true);
  if (!body) return null;
  const heading = pick(title, false) ?? [];
  const standfirst = pick(dek, false) ?? [];
  // A heading inside the content is counted once.
  const outside = (els) => els.filter((el) => !body.some((b) => b.contains(el)));
  return [textOf(outside(heading)), textOf(outside(standfirst)), textOf(body)].join(' ');
}
