/**
 * The card is a second content-script bundle (card.js), injected by the background only into pages
 * that have marks: most news pages mention none of our names and never pay for Preact,
 * floating-ui and the story's text. Both bundles run in the extension's isolated world of the
 * same frame, so card.js hands its entry point over through this key on that world's global.
 */
import type { createCardUI } from './interaction';

export const CARD_MODULE = Symbol.for('backstory.card');

export interface CardModule {
  createCardUI: typeof createCardUI;
}

export type CardScope = { [CARD_MODULE]?: CardModule };
