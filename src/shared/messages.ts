/**
 * The one typed message contract between the extension's contexts.
 *
 * Each direction is a map from a message name to `(payload) => result`. `send*` functions are typed
 * from these maps and `handle()` takes an object of handlers for one map, so a misspelt name or a
 * wrong payload is a compile error on both sides. Every incoming message is checked: it must come
 * from this extension (`sender.id === runtime.id`) and be shaped `{type, payload}` with a known type.
 * Handlers validate their own payloads (see `is*` guards) because a type is not a runtime guarantee.
 */
import { api, type Runtime } from './browser';
import type { EntityId } from '../data/types';
import type { SettingsChange, SettingsResult } from './settings-change';
import type { DismissChange, DismissResult } from './dismissed';
import type { TranslatedLang } from '../data/translation-items';

export type MentionCounts = Record<EntityId, number>;

/** Where the page's publication date came from (for "Since this article"). */
export interface PublishedInfo {
  /** `YYYY-MM-DD`. */
  date: string;
  /** e.g. "json-ld", "article:published_time", "itemprop", "time", "meta". */
  from: string;
}

/** What the content script tells the popup about the page it runs in. */
export interface PageInfo {
  /** Backstory is marking this page now. */
  active: boolean;
  counts: MentionCounts;
  published: PublishedInfo | null;
  /**
   * The automatic mode judged the page not about the story, so only the first mention of each name is
   * marked (the popup says why "Microsoft 1" on a page that names it twenty times).
   */
  firstOnly: boolean;
}

/** Messages handled by the background (sent by content scripts, popup and options). */
// Type aliases (not interfaces) so they satisfy the index-signature constraint of `AnyCalls`.
export type BackgroundCalls = {
  /** A content script's current mention counts, for the toolbar badge of its tab. */
  reportMentions: (payload: { counts: MentionCounts }) => void;
  /** Register the content script persistently for an origin the reader granted (popup). */
  enableSite: (payload: { origin: string }) => { ok: boolean; error?: string };
  /** Unregister a user-added origin and give its permission back. */
  removeSite: (payload: { origin: string }) => { ok: boolean; error?: string };
  /** Inject the content script once into a tab (activeTab). */
  scanOnce: (payload: { tabId: number }) => { ok: boolean; error?: string };
  /**
   * Inject the card bundle (card.js) into the sender's frame. Sent by content.js once its page
   * has marks, so pages without any never load the card's code.
   */
  loadCard: (payload: Record<string, never>) => { ok: boolean };
  /**
   * Inject one language's translations of the dataset (card-ar.js, card-he.js) into the sender's frame.
   * Sent by card.js for a card in that language, so card.js carries no table and an English page loads none.
   */
  loadTranslations: (payload: { lang: TranslatedLang }) => { ok: boolean };
  /**
   * Insert the `::highlight(backstory-*)` styles (content.css) into the sender's frame. Sent by
   * content.js with its first mark: a page without a mention must not be able to compute our styles.
   */
  insertHighlightStyles: (payload: Record<string, never>) => { ok: boolean };
  /** Open the options page (from the card). */
  openOptions: (payload: Record<string, never>) => void;
  /**
   * The stored settings as the background's writer reads them (popup, options). `ok: false` with
   * `unreadable` when storage cannot be read: the page then says so instead of showing defaults.
   */
  getSettings: (payload: Record<string, never>) => SettingsResult;
  /**
   * One settings change, applied by the background's writer after every change sent before it
   * (popup, options; a content script may only turn its own tab's site off, the card's "Hide on
   * this site"). Nothing else writes settings.
   */
  changeSettings: (payload: { change: SettingsChange }) => SettingsResult;
  /** Every site's dismissed marks as the background's writer reads them (popup, options). */
  getDismissed: (payload: Record<string, never>) => DismissResult;
  /**
   * One change of the dismissed marks, applied by the background's writer in order with the settings
   * changes (popup and options: any; a content script: only "dismiss" on its own page's site, from the
   * card's trusted press).
   */
  changeDismissed: (payload: { change: DismissChange }) => DismissResult;
};

/** Messages handled by the content script of a tab (sent by popup and background). */
export type ContentCalls = {
  getPageInfo: (payload: Record<string, never>) => PageInfo;
  /** The marks counted now, for the badge after a page load (no card.js needed, unlike the page info's date). */
  getCounts: (payload: Record<string, never>) => MentionCounts;
  /** Scroll to the `index`-th mention of `entityId`, select it and open its card. */
  showMention: (payload: { entityId: EntityId; index: number }) => boolean;
  /** Move to the next (1) or previous (-1) mention, as the keyboard commands do. */
  stepMention: (payload: { direction: 1 | -1 }) => boolean;
  /**
   * The sentences on this page of these dismissed marks ("entity:hash" keys, shared/dismissed.ts
   * `markKey`), read from the live page for the popup's list: key → sentence, only for those found.
   */
  dismissedSentences: (payload: { keys: string[] }) => Record<string, string>;
};

type AnyCalls = Record<string, (payload: never) => unknown>;

export interface Envelope<Name extends string = string, Payload = unknown> {
  type: Name;
  payload: Payload;
}

type PayloadOf<C extends AnyCalls, K extends keyof C> = Parameters<C[K]>[0];
type ResultOf<C extends AnyCalls, K extends keyof C> = Awaited<ReturnType<C[K]>>;

/** Send to the background. */
export function sendToBackground<K extends keyof BackgroundCalls & string>(
  type: K,
  payload: PayloadOf<BackgroundCalls, K>,
): Promise<ResultOf<BackgroundCalls, K>> {
  return api.runtime.sendMessage({ type, payload } satisfies Envelope) as Promise<ResultOf<BackgroundCalls, K>>;
}

/** Send to the content script of a tab (top frame). */
export function sendToTab<K extends keyof ContentCalls & string>(
  tabId: number,
  type: K,
  payload: PayloadOf<ContentCalls, K>,
): Promise<ResultOf<ContentCalls, K>> {
  return api.tabs.sendMessage(tabId, { type, payload } satisfies Envelope, { frameId: 0 }) as Promise<
    ResultOf<ContentCalls, K>
  >;
}

export type Handlers<C extends AnyCalls> = {
  [K in keyof C]: (
    payload: unknown,
    sender: Runtime.MessageSender,
  ) => ReturnType<C[K]> | Promise<Awaited<ReturnType<C[K]>>>;
};

/** True when a message is an envelope from this extension. Exported for tests. */
export function isTrustedEnvelope(message: unknown, sender: Runtime.MessageSender, ownId: string): message is Envelope {
  if (sender.id !== ownId) return false;
  if (typeof message !== 'object' || message === null) return false;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' && 'payload' in message;
}

/**
 * Listen for one direction's messages. Unknown types and foreign senders are ignored (the listener
 * returns undefined so other listeners may answer). Handler errors are reported to the sender as a
 * rejected promise, never thrown into the browser's dispatcher. Returns a function that stops listening.
 */
export function handle<C extends AnyCalls>(handlers: Handlers<C>, signal?: AbortSignal): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isTrustedEnvelope(message, sender, api.runtime.id)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(handlers, message.type)) return undefined;
    const handler = handlers[message.type as keyof C];
    return Promise.resolve().then(() => handler(message.payload, sender));
  };
  api.runtime.onMessage.addListener(listener);
  const stop = () => api.runtime.onMessage.removeListener(listener);
  signal?.addEventListener('abort', stop, { once: true });
  return stop;
}
