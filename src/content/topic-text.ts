/**
 * The article's own words for the "about the story" rule (topic.ts asks; this half is in card.js, with the
 * rule's word lists): the text of the scanner's scope roots, at most `MAX_CHARS` of it, and the title.
 *
 * Only text the reader can see counts, as for marks (scanner.ts `isShown`): a page cannot make a console
 * review "about the story" with the story's words in `hidden`, `display: none` or `visibility: hidden`
 * text. Attributes (alt, title, aria-label) are never read, and navigation and footers outside the article
 * are outside the scope roots.
 */
import { isAboutStory } from '../detect/about-story';

const MAX_CHARS = 40_000;
/** Nodes looked at per read (elements too): hidden text adds no characters, so the character bound alone would not end the walk. */
const MAX_NODES = 50_000;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** Whether `el` has a box (no `display: none` or `content-visibility: hidden` on it or above it). */
const rendered = (el: Element): boolean => typeof el.checkVisibility !== 'function' || el.checkVisibility();
/** Whether text directly in `el` is painted (also not `visibility: hidden`), as scanner.ts decides for marks. */
const painted = (el: Element): boolean =>
  typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });

/** Whether the article in `roots` (and the page's title) is about the story. */
export function articleAboutStory(doc: Document, roots: readonly Element[]): boolean {
  return isAboutStory(articleText(doc, roots), false);
}

function articleText(doc: Document, roots: readonly Element[]): string {
  let text = doc.title;
  let budget = MAX_NODES;
  for (const root of roots) {
    if (!root.isConnected || !rendered(root)) continue;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        // Out of budget: hand back the next node at once, and the loop below stops.
        if (--budget <= 0) return NodeFilter.FILTER_ACCEPT;
        if (node.nodeType === Node.TEXT_NODE) {
          const parent = node.parentElement;
          return parent === null || painted(parent) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
        }
        // A hidden element hides its whole subtree: not walked at all.
        return SKIP.has((node as Element).tagName) || !rendered(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      },
    });
    for (let node = walker.nextNode(); node && budget > 0 && text.length < MAX_CHARS; node = walker.nextNode()) {
      text += ' ' + (node as Text).data;
    }
    if (text.length >= MAX_CHARS || budget <= 0) break;
  }
  return text.slice(0, MAX_CHARS);
}
