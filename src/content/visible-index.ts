import type { Mention, MentionIndex } from './mention';

/**
 * The mentions the reader can see (after mode and per-name settings), as a MentionIndex for the
 * card, hit-testing and keyboard navigation: an unmarked mention must not open a card.
 */
export class VisibleIndex implements MentionIndex {
  private mentions: readonly Mention[] = [];
  private readonly ranges = new WeakMap<AbstractRange, Mention>();
  private readonly listeners = new Set<() => void>();

  set(mentions: readonly Mention[]): void {
    this.mentions = mentions;
    for (const m of mentions) this.ranges.set(m.range, m);
    for (const listener of this.listeners) listener();
  }

  list(): readonly Mention[] {
    return this.mentions;
  }

  inNode(node: Node): readonly Mention[] {
    return this.mentions.filter((m) => m.range.startContainer === node || m.range.endContainer === node || m.range.intersectsNode(node));
  }

  forRange(range: AbstractRange): Mention | undefined {
    const direct = this.ranges.get(range);
    if (direct && this.mentions.includes(direct)) return direct;
    return undefined;
  }

  onChange(listener: () => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }
}
