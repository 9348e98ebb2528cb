import type { EntityId } from '../data/types';
import type { Mention } from './mention';

/** Mentions that started (`show`) and stopped (`hide`) being shown, as ShownMarks applied them. */
export type VisibleChange = (show: readonly Mention[], hide: readonly Mention[]) => void;

/**
 * The mentions the reader can see (after mode and per-name settings), with their count per name for
 * the badge and the popup. This is all the content script itself needs; the lookups that hit-testing
 * and keyboard navigation make (visible-index.ts) live in card.js, which is loaded as soon as there is
 * one mark and follows this set's changes from then on.
 */
export class VisibleSet {
  private readonly current = new Set<Mention>();
  private readonly tally: Record<EntityId, number> = { microsoft: 0, azure: 0, 'unit-8200': 0 };
  private readonly listeners = new Set<VisibleChange>();

  /** Start and stop showing these mentions (already shown or hidden ones are left as they are). */
  update(show: readonly Mention[], hide: readonly Mention[]): void {
    const hidden: Mention[] = [];
    const shown: Mention[] = [];
    for (const m of hide) {
      if (!this.current.delete(m)) continue;
      this.tally[m.entityId]--;
      hidden.push(m);
    }
    for (const m of show) {
      if (this.current.has(m)) continue;
      this.current.add(m);
      this.tally[m.entityId]++;
      shown.push(m);
    }
    for (const listener of this.listeners) listener(shown, hidden);
  }

  /** Forget every mention. */
  clear(): void {
    this.update([], [...this.current]);
  }

  has(mention: Mention): boolean {
    return this.current.has(mention);
  }

  /** How many mentions are visible. */
  size(): number {
    return this.current.size;
  }

  /** Every visible mention, in no particular order. */
  values(): Mention[] {
    return [...this.current];
  }

  /** How many mentions of each name are visible (the badge and the popup), without a pass over them. */
  counts(): Record<EntityId, number> {
    return { ...this.tally };
  }

  /** Called after every update with what changed; stops when `signal` aborts. */
  onUpdate(listener: VisibleChange, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }
}
