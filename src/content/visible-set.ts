import type { EntityId } from '../data/types';
import type { Mention } from './mention';

/** Mentions that started (`show`) and stopped (`hide`) being shown. */
export type VisibleChange = (show: readonly Mention[], hide: readonly Mention[]) => void;

/**
 * The mentions the reader can see (after mode, per-name settings and dismissals), as the content script
 * keeps them (ShownMarks, shown.ts), with their count per name for the badge and the popup. The lookups
 * that hit-testing and keyboard navigation make (visible-index.ts) live in card.js, which is loaded as
 * soon as there is one mark and follows this set's changes from then on.
 */
export interface VisibleSet {
  has(mention: Mention): boolean;
  /** How many mentions are visible. */
  size(): number;
  /** Every visible mention, in no particular order. */
  values(): Mention[];
  /** How many mentions of each name are visible, without a pass over them. */
  counts(): Record<EntityId, number>;
  /** Called after every change with what changed; stops when `signal` aborts. */
  onUpdate(listener: VisibleChange, signal: AbortSignal): void;
}
