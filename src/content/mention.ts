import type { EntityId } from '../data/types';

/** One marked name on the page: the entity and the live Range that covers exactly its text. */
export interface Mention {
  entityId: EntityId;
  range: Range;
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
  /** The mention a Range from `highlightsFromPoint` belongs to. */
  forRange(range: AbstractRange): Mention | undefined;
  /** Called after every change to the set of mentions. */
  onChange(listener: () => void, signal: AbortSignal): void;
}
