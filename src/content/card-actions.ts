/**
 * What the card's buttons and the popup's commands do to the page, in card.js: "Hide on this site" and
 * its Undo, "Not about this story", "show" and the keyboard steps, and the popup's list of dismissed
 * sentences. Only a card or a command needs them, so content.js (loaded on every page, 30 KB budget)
 * hands the card what they act on (CardPage) instead of carrying them.
 */
import { ENTITY_IDS, type EntityId } from '../data/types';
import { sendToBackground } from '../shared/messages';
import { Dismissals } from './dismissals';
import { createCardUI, type CardUI } from './interaction';
import type { Mention } from './mention';
import type { MarkSource } from './visible-index';

/** The content script's side of the card (index.ts). */
export interface CardPage {
  marks: MarkSource;
  /** This page's site key (shared/sites.ts), null when it has none. */
  site: string | null;
  /** Stop marking now (the reader turned the site off). */
  stop(): void;
  /** Back in line with the settings (the site was not turned off after all). */
  resume(): void;
  /** The site's dismissed marks: the page's own if it has them, else `made`, kept from now on. */
  dismissals(made: Dismissals): Dismissals;
  /** Show the marks again from the whole list (the dismissed ones changed). */
  reselect(): void;
  /** The reader's "open cards on click only" option. */
  clickOnly(): boolean;
  signal: AbortSignal;
}

/** The card, with the commands that reach it through the content script. */
export interface Card extends CardUI {
  /** The popup's "show" (payload checked here: any shape may arrive); settles once the card is open. */
  showMention(payload: unknown): Promise<boolean>;
  /** The keyboard commands (payload checked here). */
  stepMention(payload: unknown): Promise<boolean>;
}

export function createCard(page: CardPage): Card {
  const ui = createCardUI({
    marks: page.marks,
    hideSite: () => void hideSite(page),
    undoHide: () => void undoHide(page),
    dismiss: (mention) => void dismiss(page, mention),
    clickOnly: page.clickOnly,
    signal: page.signal,
  });
  return {
    ...ui,
    showMention: (payload) => {
      const { entityId, index } = (payload ?? {}) as { entityId?: unknown; index?: unknown };
      if (!ENTITY_IDS.includes(entityId as EntityId) || typeof index !== 'number' || !Number.isInteger(index)) return Promise.resolve(false);
      return ui.show(entityId as EntityId, index);
    },
    stepMention: (payload) => {
      const direction = (payload as { direction?: unknown } | null)?.direction;
      return direction === 1 || direction === -1 ? ui.step(direction) : Promise.resolve(false);
    },
  };
}

/** The popup's list: the sentences of these dismissed marks on this page (payload checked here). */
export function dismissedSentences(dismissals: Dismissals, list: readonly Mention[], payload: unknown): Record<string, string> {
  const keys = (payload as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return {};
  const valid = keys.filter((k): k is string => typeof k === 'string' && k.length <= 64).slice(0, 200);
  return dismissals.sentences(list, valid);
}

async function hideSite(page: CardPage): Promise<void> {
  const site = page.site;
  if (site === null) return;
  // Stop at once; the background's writer saves the change and the storage change then reaches
  // every other tab of this site. The content script never writes settings itself (its read may have
  // fallen back to defaults), and if the change was not saved the marks come back, as on reload.
  page.stop();
  const saved = await sendToBackground('changeSettings', { change: { op: 'setSiteEnabled', site, on: false } }).catch(() => null);
  if (!saved?.ok) page.resume();
}

async function undoHide(page: CardPage): Promise<void> {
  const site = page.site;
  if (site === null) return;
  // Through the background's writer, like hideSite; the storage change then brings the marks back
  // in every tab of this site.
  await sendToBackground('changeSettings', { change: { op: 'setSiteEnabled', site, on: true } }).catch(() => null);
}

/**
 * "Not about this story": the mark goes at once; the background's writer stores it for this site, and
 * the storage change removes it in every other tab of the site. If it was not stored, it comes back.
 */
async function dismiss(page: CardPage, mention: Mention): Promise<void> {
  const site = page.site;
  if (site === null) return;
  const dismissals = page.dismissals(new Dismissals(site));
  const key = dismissals.keyOf(mention);
  dismissals.add(key);
  page.reselect();
  const change = { op: 'dismiss', site, entity: mention.entityId, hash: key.slice(key.indexOf(':') + 1) } as const;
  const saved = await sendToBackground('changeDismissed', { change }).catch(() => null);
  if (!saved?.ok) {
    dismissals.remove(key);
    page.reselect();
  }
}
