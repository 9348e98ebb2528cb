import type { Mention, MentionIndex } from './mention';

/** What VisibleIndex needs from the painter: its copies' owners, and the repair of the registry. */
export interface RegistryGuard {
  /** Backstory's own range for a copy found in `CSS.highlights`, if it is one. */
  ownRange(range: AbstractRange): Range | undefined;
  /** Put back whatever the page changed in the registry. */
  verify(): boolean;
}

/** At most one registry check per this many ms on the hit-testing path (it is O(marks)). */
const VERIFY_EVERY_MS = 200;

/**
 * The mentions the reader can see (after mode and per-name settings), as a MentionIndex for the
 * card, hit-testing and keyboard navigation: an unmarked mention must not open a card.
 *
 * Everything here is Backstory's own: the mentions and their ranges never enter `CSS.highlights`
 * (the painter registers copies). A range from the registry maps back to a mention only through the
 * painter's copies, and every use first lets the painter check and repair the registry.
 */
export class VisibleIndex implements MentionIndex {
  private mentions: readonly Mention[] = [];
  private current = new Set<Mention>();
  private readonly ranges = new WeakMap<Range, Mention>();
  private readonly listeners = new Set<() => void>();
  private lastVerify = -Infinity;
  private trailing = 0;

  constructor(private readonly guard?: RegistryGuard) {}

  set(mentions: readonly Mention[]): void {
    this.mentions = mentions;
    this.current = new Set(mentions);
    for (const m of mentions) this.ranges.set(m.range, m);
    for (const listener of this.listeners) listener();
  }

  list(): readonly Mention[] {
    this.check();
    return this.mentions;
  }

  inNode(node: Node): readonly Mention[] {
    this.check();
    return this.mentions.filter((m) => m.range.startContainer === node || m.range.endContainer === node || m.range.intersectsNode(node));
  }

  forRange(range: AbstractRange): Mention | undefined {
    this.check();
    const own = this.guard?.ownRange(range);
    const mention = own ? this.ranges.get(own) : undefined;
    return mention && this.current.has(mention) ? mention : undefined;
  }

  onChange(listener: () => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  private check(): void {
    if (!this.guard || this.mentions.length === 0) return;
    const wait = this.lastVerify + VERIFY_EVERY_MS - performance.now();
    if (wait <= 0) {
      this.verifyNow();
      return;
    }
    // Throttled: check once more when the window ends, so a change made just after a check is still repaired.
    this.trailing ||= window.setTimeout(() => this.verifyNow(), wait);
  }

  private verifyNow(): void {
    window.clearTimeout(this.trailing);
    this.trailing = 0;
    this.lastVerify = performance.now();
    try {
      if (this.mentions.length) this.guard?.verify();
    } catch (error) {
      // A content script must never break the page; the next use checks again.
      console.debug('Backstory could not check its marks:', error);
    }
  }
}
