/**
 * Reads whether the page is about the story, for the "automatic" mode: the article's own words (the scope
 * roots' text, at most `MAX_CHARS` of it, and the title) go to the pure rule in detect/about-story.ts. Read only
 * on pages that have marks, and again only when the title or the presence of a Unit 8200 mark changes (a
 * single-page app navigating), so it costs one bounded text walk per article.
 *
 * Only text the reader can see counts, as for marks (scanner.ts `isShown`): a page cannot make a console
 * review "about the story" with the story's words in `hidden`, `display: none` or `visibility: hidden`
 * text. Attributes (alt, title, aria-label) are never read, and navigation and footers outside the article
 * are outside the scope roots.
 */
import { isAboutStory } from '../detect/about-story';
import type { Mention } from './mention';
import { findScopeRoots } from './scope';

const MAX_CHARS = 40_000;
/** Nodes looked at per read (elements too): hidden text adds no characters, so the character bound alone would not end the walk. */
const MAX_NODES = 50_000;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** Whether `el` has a box (no `display: none` or `content-visibility: hidden` on it or above it). */
const rendered = (el: Element): boolean => typeof el.checkVisibility !== 'function' || el.checkVisibility();
/** Whether text directly in `el` is painted (also not `visibility: hidden`), as scanner.ts decides for marks. */
const painted = (el: Element): boolean =>
  typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true });

export class TopicReader {
  private key = '';
  private about = false;

  constructor(private readonly doc: Document) {}

  aboutStory(mentions: readonly Mention[]): boolean {
    const namesUnit = mentions.some((m) => m.entityId === 'unit-8200');
    const key = `${namesUnit}|${this.doc.title}`;
    if (key !== this.key) {
      this.key = key;
      this.about = isAboutStory(this.articleText(), namesUnit);
    }
    return this.about;
  }

  private articleText(): string {
    let text = this.doc.title;
    let budget = MAX_NODES;
    for (const root of findScopeRoots(this.doc)) {
      if (!rendered(root)) continue;
      const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
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
}
