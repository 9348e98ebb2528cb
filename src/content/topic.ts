/**
 * Reads whether the page is about the story, for the "automatic" mode: the article's own words (the text of the
 * scanner's scope roots, at most `MAX_CHARS` of it, and the title) go to the pure rule in detect/about-story.ts.
 *
 * A Unit 8200 mark decides it at once, without reading (tracked from the scanner's changes, not by a pass over
 * the marks). Otherwise the text is read once per scan and title (a single-page app navigating), in a task of
 * its own after the repaint that asked: the first marks are painted without waiting for it (under the
 * first-mention rule), and `decided` repaints if the answer changes. The scope roots are the scanner's: the
 * scope decision is not made a second time.
 */
import { isAboutStory } from '../detect/about-story';
import type { MarkChange, Mention } from './mention';
import { yieldToMain } from './yield';

const MAX_CHARS = 40_000;
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

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
   */
  constructor(
    private readonly doc: Document,
    private readonly roots: () => readonly Element[],
    private readonly decided: () => void,
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

  private read(): void {
    this.reading = false;
    this.reads++;
    this.readRoots = this.roots();
    this.readTitle = this.doc.title;
    const about = isAboutStory(this.articleText(this.readRoots), false);
    if (about === this.about) return;
    this.about = about;
    this.decided();
  }

  private articleText(roots: readonly Element[]): string {
    let text = this.doc.title;
    for (const root of roots) {
      if (!root.isConnected) continue;
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
