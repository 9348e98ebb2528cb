/**
 * Reads whether the page is about the story, for the "automatic" mode: the article's own words (the text of the
 * scanner's scope roots, at most `MAX_CHARS` of it, and the title) go to the pure rule in detect/about-story.ts.
 *
 * A Unit 8200 mark decides it at once, without reading (tracked from the scanner's changes, not by a pass over
 * the marks). Otherwise the text is read once per scan and title (a single-page app navigating), in a task of
 * its own after the repaint that asked: the first marks are painted without waiting for it (under the
 * first-mention rule), and `decided` repaints if the answer changes. The scope roots are the scanner's: the
 * scope decision is not made a second time.
 *
 * Only text the reader can see counts, as for marks (scanner.ts `isShown`): a page cannot make a console
 * review "about the story" with the story's words in `hidden`, `display: none` or `visibility: hidden`
 * text. Attributes (alt, title, aria-label) are never read, and navigation and footers outside the article
 * are outside the scope roots.
 */
import type { isAboutStory } from '../detect/about-story';
import type { MarkChange, Mention } from './mention';
import { yieldToMain } from './yield';

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
  private unitMarks = 0;
  private about = false;
  /** What the last read was for: the roots (one array per full scan) and the title. */
  private readRoots: readonly Element[] | null = null;
  private readTitle = '';
  private reading = false;
  /** Text reads so far (the tests check it stays one per article). */
  reads = 0;

  /**
   * @param roots - the scanner's current scope roots
   * @param decided - called when a read changed the answer
   * @param rule - the rule of detect/about-story.ts, from card.js (loaded once a page has a mark: its word lists
   *   need not load on every page); undefined when card.js could not load, and the page stays "not about"
   */
  constructor(
    private readonly doc: Document,
    private readonly roots: () => readonly Element[],
    private readonly decided: () => void,
    private readonly rule: () => Promise<typeof isAboutStory | undefined>,
  ) {}

  /** Follow the scanner's list (call on every change): only whether it holds a Unit 8200 mark matters here. */
  note(all: readonly Mention[], change: MarkChange): void {
    if (change.reset) {
      this.unitMarks = 0;
      for (const m of all) if (m.entityId === 'unit-8200') this.unitMarks++;
      return;
    }
    for (const m of change.added) if (m.entityId === 'unit-8200') this.unitMarks++;
    for (const m of change.dropped) if (m.entityId === 'unit-8200') this.unitMarks--;
  }

  /** Whether the page is about the story, as far as known now (a read may be on its way). */
  aboutStory(): boolean {
    if (this.unitMarks > 0) return true;
    if (!this.reading && (this.readRoots !== this.roots() || this.readTitle !== this.doc.title)) {
      this.reading = true;
      void yieldToMain().then(() => this.read());
    }
    return this.about;
  }

  private async read(): Promise<void> {
    const rule = await this.rule().catch(() => undefined);
    this.reading = false;
    this.reads++;
    this.readRoots = this.roots();
    this.readTitle = this.doc.title;
    const about = rule !== undefined && rule(this.articleText(this.readRoots), false);
    if (about === this.about) return;
    this.about = about;
    this.decided();
  }

  private articleText(roots: readonly Element[]): string {
    let text = this.doc.title;
    let budget = MAX_NODES;
    for (const root of roots) {
      if (!root.isConnected || !rendered(root)) continue;
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
