import type { EntityId } from '../data/types';

/**
 * One marked name on the page: the entity and the live Range that covers exactly its text. The Range
 * is Backstory's own and never leaves the content script (`CSS.highlights` holds copies, see Painter).
 */
export interface Mention {
  entityId: EntityId;
  range: Range;
}

/**
 * What changed in the scanner's list since its last change callback: the mentions added and dropped,
 * or `reset` when the list started over (a full scan, or cleared), in which case only `list()` counts.
 */
export interface MarkChange {
  reset: boolean;
  added: readonly Mention[];
  dropped: readonly Mention[];
}

/**
 * What the scanner exposes to the card, hit-testing, keyboard navigation and the popup.
 * Mentions are kept in document order; ranges whose text changed are removed before listeners run.
 */
export interface MentionIndex {
  /** All live mentions, in document order. */
  list(): readonly Mention[];
  /** Mentions whose range starts or ends in `node`. */
  inNode(node: Node): readonly Mention[];
  /**
   * The mention a Range from `highlightsFromPoint` belongs to: only one of our registered copies maps
   * to one, and the caller still confirms the point against the mention's own range.
   */
  forRange(range: AbstractRange): Mention | undefined;
  /** Called after every change to the set of mentions. */
  onChange(listener: () => void, signal: AbortSignal): void;
}
