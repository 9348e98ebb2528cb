/**
 * The card is a second content-script bundle (card.js), injected by the background only into pages
 * that have marks (or, before the first paint, into pages of a site where the reader dismissed marks:
 * see dismissals.ts): most news pages mention none of our names and never pay for Preact,
 * floating-ui and the story's text. Both bundles run in the extension's isolated world of the
 * same frame, so card.js hands its entry point over through this key on that world's global.
 */
import type { createCard, dismissedSentences } from './card-actions';
import type { Dismissals } from './dismissals';
import type { PublishedInfo } from '../shared/messages';
import type { articleAboutStory } from './topic-text';

export const CARD_MODULE = Symbol.for('backstory.card');

export interface CardModule {
  /** The card, its buttons' actions and the commands (card-actions.ts). */
  createCard: typeof createCard;
  /** The dismissed-marks filter: in card.js too, loaded only on sites with dismissals (dismissals.ts). */
  Dismissals: typeof Dismissals;
  /** The popup's list of dismissed marks found on this page. */
  dismissedSentences: typeof dismissedSentences;
  /**
   * The article's publication date, for the popup's "since this article", read once: in card.js because only
   * the card and the popup use it (4.8 KB of date formats that would otherwise load on every page).
   */
  publishedInfo: () => PublishedInfo | null;
  /** Whether the article is about the story (topic.ts asks; the reading and the rule's word lists load with the card). */
  articleAboutStory: typeof articleAboutStory;
}

export type CardScope = { [CARD_MODULE]?: CardModule };
