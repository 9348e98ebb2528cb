/**
 * Reads whether the page is about the story, for the "automatic" mode.
 *
 * A Unit 8200 mark decides it at once, without reading (tracked from the scanner's changes, not by a pass over
 * the marks). Otherwise the article is read once per scan and title (a single-page app navigating), in a task
 * of its own after the repaint that asked: the first marks are painted without waiting for it (under the
 * first-mention rule), and `decided` repaints if the answer changes. The scope roots are the scanner's: the
 * scope decision is not made a second time. The reading itself and the rule (topic-text.ts) are in card.js,
 * which a page with marks loads anyway: content.js, on every page, stays small.
 */
import type { articleAboutStory } from './topic-text';
import type { MarkChange, Mention } from './mention';
import { yieldToMain } from './yield';

/** `#` private members: the minifier shortens them (content.js size budget). */
export class TopicReader {
  #unitMarks = 0;
  #about = false;
  /** What the last read was for: the roots (one array per full scan) and the title. */
  #readRoots: readonly Element[] | null = null;
  #readTitle = '';
  #reading = false;
  /** Text reads so far (the tests check it stays one per article). */
  reads = 0;

  readonly #doc: Document;
  readonly #roots: () => readonly Element[];
  readonly #decided: () => void;
  readonly #rule: () => Promise<typeof articleAboutStory | undefined>;

  /**
   * @param roots - the scanner's current scope roots
   * @param decided - called when a read changed the answer
   * @param rule - topic-text.ts's reader and rule, from card.js (loaded once a page has a mark: its word lists
   *   need not load on every page); undefined when card.js could not load, and the page stays "not about"
   */
  constructor(doc: Document, roots: () => readonly Element[], decided: () => void, rule: () => Promise<typeof articleAboutStory | undefined>) {
    this.#doc = doc;
    this.#roots = roots;
    this.#decided = decided;
    this.#rule = rule;
  }

  /** Follow the scanner's list (call on every change): only whether it holds a Unit 8200 mark matters here. */
  note(all: readonly Mention[], change: MarkChange): void {
    if (change.reset) {
      this.#unitMarks = 0;
      for (const m of all) if (m.entityId === 'unit-8200') this.#unitMarks++;
      return;
    }
    for (const m of change.added) if (m.entityId === 'unit-8200') this.#unitMarks++;
    for (const m of change.dropped) if (m.entityId === 'unit-8200') this.#unitMarks--;
  }

  /** Whether the page is about the story, as far as known now (a read may be on its way). */
  aboutStory(): boolean {
    if (this.#unitMarks > 0) return true;
    if (!this.#reading && (this.#readRoots !== this.#roots() || this.#readTitle !== this.#doc.title)) {
      this.#reading = true;
      void yieldToMain().then(() => this.#read());
    }
    return this.#about;
  }

  async #read(): Promise<void> {
    const rule = await this.#rule().catch(() => undefined);
    this.#reading = false;
    this.reads++;
    this.#readRoots = this.#roots();
    this.#readTitle = this.#doc.title;
    const about = rule !== undefined && rule(this.#doc, this.#readRoots);
    if (about === this.#about) return;
    this.#about = about;
    this.#decided();
  }
}
