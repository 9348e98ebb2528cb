/**
 * Reads whether the page is about the story, for the "automatic" mode: the article's own words (the scope
 * roots' text, at most `MAX_CHARS` of it, and the title) go to the pure rule in detect/about-story.ts. Read only
 * on pages that have marks, and again only when the title or the presence of a Unit 8200 mark changes (a
 * single-page app navigating), so it costs one bounded text walk per article.
 */
import { isAboutStory } from '../detect/about-story';
import type { Mention } from './mention';
import { findScopeRoots } from './scope';

const MAX_CHARS = 40_000;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

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
    for (const root of findScopeRoots(this.doc)) {
      const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) => (SKIP.has(node.parentElement?.tagName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let node = walker.nextNode(); node && text.length < MAX_CHARS; node = walker.nextNode()) {
        text += ' ' + (node as Text).data;
      }
      if (text.length >= MAX_CHARS) break;
    }
    return text.slice(0, MAX_CHARS);
  }
}
