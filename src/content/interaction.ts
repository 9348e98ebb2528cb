/**
 * When the card opens and closes: hover with an intent delay, focus, touch, the keyboard commands,
 * Escape. Implements WCAG 1.4.13 (content on hover or focus): the pointer can move from the mention
 * into the card, the card stays while hovered or focused, and Escape dismisses it.
 *
 * Only trusted events count (`event.isTrusted`): a page's own script cannot open the card or steer it.
 * All listeners sit on `document` in the capture phase and end with `deps.signal`.
 */
import type { EntityId } from '../data/types';
import type { PublishedInfo } from '../shared/messages';
import { findPublishedDate } from './published-date';
import type { Mention } from './mention';
import { VisibleIndex, type MarkSource } from './visible-index';
import { dataset } from '../data/index';
import { buildCardModel } from '../card/model';
import { localeDir, translator, type CardLocale } from '../card/i18n';
import { loadedTables, tableLoading } from '../card/translation-files';
import { cardLocale } from './mention-lang';
import { contentFor } from '../data/content';
import { CardHost, type CardView } from './card-host';
import { pageTheme } from './card-theme';
import { mentionAt } from './hit-test';
import { siteKeyFromUrl } from '../shared/sites';

export interface CardUI {
  /** Select the `index`-th visible mention of `entityId`, scroll to it, open its card with focus in it. */
  show(entityId: EntityId, index: number): Promise<boolean>;
  /** The keyboard commands: move to the next (1) or previous (-1) mention, as `show` does. */
  step(direction: 1 | -1): Promise<boolean>;
  close(): void;
  /** True while the card shows "Off on <site> — Undo": the page's stop must leave it in place. */
  holding(): boolean;
  destroy(): void;
}

export interface CardUIDeps {
  /** The content script's marks: the card indexes them itself (visible-index.ts) for as long as it lives. */
  marks: MarkSource;
  hideSite: () => void;
  /** Turns the site back on after hideSite (the card's "Undo"). */
  undoHide?: () => void;
  /** The card's "Not about this story" for the mention it opened on. */
  dismiss?: (mention: Mention) => void;
  /** The reader's "open cards on click only" option: hovering opens nothing. */
  clickOnly?: () => boolean;
  signal: AbortSignal;
}

/** The suggested shortcuts of the commands (manifest.json); content scripts cannot read the reader's own. */
const KEYS = { next: 'Alt+Shift+N', prev: 'Alt+Shift+P' };

/** How the open card was opened decides what closes it. */
type Via = 'hover' | 'pinned' | 'focus' | 'key';

/** Hover intent: long enough that sweeping the pointer across a line opens nothing. */
const OPEN_DELAY = 300;
/** Time to travel from the mention into the card (or back) before a hover card closes. */
const CLOSE_DELAY = 400;

/** How soon after a key press a focus change counts as keyboard focus. */
const KEY_FOCUS_WINDOW = 250;

/** A pointer that drifts further than this while the intent delay runs is sweeping past, not resting. */
const REST_RADIUS = 6;

type Point = { x: number; y: number };

export function createCardUI(deps: CardUIDeps): CardUI {
  const own = new AbortController();
  const signal = AbortSignal.any([deps.signal, own.signal]);
  const index = new VisibleIndex(deps.marks, signal);
  // The page's language table comes with the card's code, before the first hover can need it.
  void tableLoading(cardLocale(null, document, navigator.languages));
  const host = new CardHost({ onClose: () => close(true), onHideSite: hideSite, onDismiss: deps.dismiss ? dismiss : undefined });

  let current: { mention: Mention; via: Via } | null = null;
  let pending: { mention: Mention; timer: number; at: Point } | null = null;
  /** The pointer went into the open card: page scrolling no longer closes it. */
  let pointerEntered = false;
  /** Closed with Escape under the pointer: stays closed until the pointer leaves that name. */
  let dismissed: Mention | null = null;
  /** The page element whose keyboard focus opened the card ('focus'): Tab or ↓ from it enters the card. */
  let opener: HTMLElement | null = null;
  /** Focus given back to `opener` on Tab out of the card: do not open the card again for it. */
  let skipFocusOpen: EventTarget | null = null;
  /** The keyboard hint shows on the first card of the page, once. */
  let hintShown = false;
  /** After "Hide on this site": the site and where focus goes back to after Undo. */
  let offSite: string | null = null;
  let closeTimer = 0;
  let frame = 0;
  let pointer: Point | null = null;
  let lastPointerType = 'mouse';
  /** Where keyboard focus was before the command moved it into the card. */
  let returnFocus: HTMLElement | null = null;
  /** The mention the keyboard commands last moved to. */
  let stepped: Mention | null = null;
  /** When the reader last pressed a key: only keyboard focus opens the card (see focusin). */
  let lastKeyAt = -Infinity;
  /** The article's publication date, read once when a card first opens. */
  let published: PublishedInfo | null | undefined;

  /**
   * The card's language: `lang` of the mention's nearest ancestor (an Arabic quote on an English page),
   * then the page's, then the browser's. Labels and content use this one locale, so they agree.
   */
  function mentionLocale(mention: Mention): CardLocale {
    const start = mention.range.startContainer;
    const el = start.nodeType === Node.ELEMENT_NODE ? (start as Element) : start.parentElement;
    return cardLocale(el ?? null, document, navigator.languages);
  }

  /** For messages about the page rather than one mention (announcements): the page's language, then the browser's. */
  function pageLocale(): CardLocale {
    return cardLocale(null, document, navigator.languages);
  }

  function view(mention: Mention): CardView | null {
    published ??= findPublishedDate(document);
    const locale = mentionLocale(mention);
    const model = buildCardModel(dataset, mention.entityId, published?.date ?? null, contentFor(locale, loadedTables()));
    if (!model) return null;
    const keys = hintShown ? null : KEYS;
    hintShown = true;
    return {
      model,
      t: translator(locale),
      locale,
      dir: localeDir(locale),
      theme: pageTheme(),
      publishedDate: published?.date ?? null,
      onLeave: leave,
      keys,
      off: offSite ? { site: offSite, onUndo: undo } : null,
    };
  }

  function pageIsRtl(mention: Mention): boolean {
    const el = mention.range.startContainer.parentElement ?? document.documentElement;
    return getComputedStyle(el).direction === 'rtl';
  }

  /**
   * `open` once the card's language table is here, so a card never shows English first: at once when it
   * is (the page's language is loaded with card.js), else when it arrives, if `still` holds then (the
   * reader may have moved on). `then` runs after the card opened. Whether the card opened or will.
   */
  function openReady(mention: Mention, via: Via, point?: Point, still: () => boolean = () => true, then?: () => void): boolean {
    const waiting = tableLoading(mentionLocale(mention));
    if (!waiting) {
      const opened = open(mention, via, point);
      if (opened) then?.();
      return opened;
    }
    void waiting.then(() => {
      if (destroyed || !mention.range.startContainer.isConnected || !still()) return;
      if (open(mention, via, point)) then?.();
    });
    return true;
  }

  function open(mention: Mention, via: Via, point?: Point): boolean {
    cancelPending();
    cancelClose();
    const v = view(mention);
    if (!v) return false;
    host.open(v, mention.range, { point, pageRtl: pageIsRtl(mention) });
    if (current?.mention !== mention) pointerEntered = false;
    current = { mention, via };
    return true;
  }

  function close(restoreFocus = false): void {
    cancelPending();
    cancelClose();
    offSite = null;
    if (!current) return;
    const closed = current;
    const hadFocus = host.hasFocus();
    current = null;
    opener = null;
    pointerEntered = false;
    host.close();
    if (hadFocus && restoreFocus && returnFocus?.isConnected) {
      // Back on the link the card came from: that focus must not open the card again.
      skipFocusOpen = returnFocus;
      returnFocus.focus({ preventScroll: true });
    }
    if (hadFocus) returnFocus = null;
    // After the keyboard command the reader's place is the selected mention: keep it selected.
    if (closed.via === 'key') select(closed.mention);
  }

  /**
   * "Hide on this site": marks go at once, and the card becomes "Off on <site> — Undo" in its place,
   * with focus on Undo, so the reader keeps their place and one key press brings everything back.
   */
  function hideSite(): void {
    const open = current;
    const site = siteKeyFromUrl(location.href);
    if (!open || !site || !deps.undoHide) {
      close();
      deps.hideSite();
      return;
    }
    offSite = site;
    const v = view(open.mention);
    if (v) host.open(v, open.mention.range, { pageRtl: pageIsRtl(open.mention) });
    open.via = 'pinned';
    deps.hideSite();
  }

  /** "Not about this story": the card closes (focus back where the reader was) and its mark goes. */
  function dismiss(): void {
    const open = current;
    if (!open) return;
    close(true);
    deps.dismiss?.(open.mention);
    const locale = pageLocale();
    host.announce(translator(locale)('card_dismissedDone'));
  }

  function undo(): void {
    const site = offSite;
    const back = returnFocus;
    close();
    skipFocusOpen = back;
    if (back?.isConnected) back.focus({ preventScroll: true });
    deps.undoHide?.();
    if (site) {
      const locale = pageLocale();
      host.announce(translator(locale)('card_backOn', site));
    }
  }

  /** Tab past the card's last control, or Shift+Tab before its first: back to where the reader was. */
  function leave(direction: 1 | -1): void {
    const back = returnFocus;
    if (direction === 1) {
      // Forward: focus lands on the element the card belongs to, and the next Tab continues the page.
      skipFocusOpen = back;
      close();
      if (back?.isConnected) back.focus({ preventScroll: true });
      return;
    }
    if (back?.isConnected && current?.via === 'focus') {
      // Backward onto the link it came from: the card stays, and Tab goes back in.
      opener = back;
      back.focus({ preventScroll: true });
      return;
    }
    close(true);
  }

  /** Tab or ↓ on the element whose focus opened the card: into the card. */
  function enter(): void {
    if (!current || !opener) return;
    returnFocus = opener;
    host.focus();
  }

  function cancelPending(): void {
    if (pending) window.clearTimeout(pending.timer);
    pending = null;
  }

  function cancelClose(): void {
    window.clearTimeout(closeTimer);
    closeTimer = 0;
  }

  function scheduleClose(): void {
    if (current?.via !== 'hover' || closeTimer) return;
    closeTimer = window.setTimeout(() => {
      closeTimer = 0;
      if (current?.via === 'hover') close();
    }, CLOSE_DELAY);
  }

  /** One hit test per frame, on the latest pointer position. */
  function checkPointer(): void {
    frame = 0;
    if (!pointer) return;
    const point = pointer;
    const mention = mentionAt(index, point.x, point.y);
    // Escape under the pointer holds until the pointer leaves that name, however little it moves on it.
    if (dismissed && mention !== dismissed) dismissed = null;
    if (mention && mention === current?.mention) {
      cancelPending();
      cancelClose();
      return;
    }
    if (!mention || mention === dismissed || deps.clickOnly?.()) {
      cancelPending();
      scheduleClose();
      return;
    }
    // Resting, not sweeping: the delay starts again whenever the pointer drifts off the spot.
    if (pending?.mention === mention && Math.hypot(point.x - pending.at.x, point.y - pending.at.y) <= REST_RADIUS) return;
    cancelPending();
    pending = {
      mention,
      at: point,
      timer: window.setTimeout(() => {
        pending = null;
        // Still resting on it when a late table arrives (it is asked for below, as the delay starts).
        openReady(mention, 'hover', point, () => pointer !== null && mentionAt(index, pointer.x, pointer.y) === mention);
      }, OPEN_DELAY),
    };
    void tableLoading(mentionLocale(mention));
  }

  const listen = <K extends keyof DocumentEventMap>(type: K, fn: (event: DocumentEventMap[K]) => void) =>
    document.addEventListener(type, fn, { capture: true, passive: type !== 'click' && type !== 'keydown', signal });

  listen('pointermove', (event) => {
    if (!event.isTrusted || event.pointerType === 'touch') return;
    if (host.contains(event.target)) {
      // In the card: it stays, and whatever the pointer crossed on the way no longer counts.
      pointerEntered = true;
      pointer = null;
      cancelPending();
      cancelClose();
      return;
    }
    pointer = { x: event.clientX, y: event.clientY };
    frame ||= requestAnimationFrame(checkPointer);
  });

  listen('pointerout', (event) => {
    // Leaving the window: nothing is hovered any more.
    if (event.isTrusted && event.relatedTarget === null && event.pointerType !== 'touch') {
      cancelPending();
      scheduleClose();
    }
  });

  listen('pointerdown', (event) => {
    if (!event.isTrusted) return;
    lastPointerType = event.pointerType || 'mouse';
    if (host.contains(event.target)) {
      // Clicking into the card means the reader is using it: it no longer closes on pointer leave.
      if (current?.via === 'hover') current.via = 'pinned';
      return;
    }
    if (current && mentionAt(index, event.clientX, event.clientY) !== current.mention) close();
  });

  listen('click', (event) => {
    if (!event.isTrusted || host.contains(event.target)) return;
    const mention = mentionAt(index, event.clientX, event.clientY);
    if (!mention) return;
    const type = (event as Partial<PointerEvent>).pointerType || lastPointerType;
    const link = mention.range.startContainer.parentElement?.closest('a[href]');
    dismissed = null;
    // "Open cards on click only" makes the mouse work as touch does below.
    if (type === 'mouse' && !deps.clickOnly?.()) {
      // With a mouse, hovering already opens the card; a click on a linked name is the link's.
      if (!link) openReady(mention, 'pinned', { x: event.clientX, y: event.clientY });
      return;
    }
    // Touch has no hover, so a tap opens the card. A name inside a link: the first tap opens the card
    // and holds back the navigation; a second tap on the same name (card already open for it) is left
    // alone and follows the link. So links keep working, one tap later, and the card is reachable.
    if (current?.mention === mention) return;
    openReady(mention, 'pinned', { x: event.clientX, y: event.clientY });
    if (link) event.preventDefault();
  });

  listen('focusin', (event) => {
    if (!event.isTrusted) return;
    const target = event.target;
    if (host.contains(target)) {
      cancelClose();
      return;
    }
    // Focus went back to the page: a card opened by focus or by the command has done its job, unless
    // focus came back (Shift+Tab) to the link the card belongs to.
    if (current?.via === 'focus' && target === opener) {
      cancelClose();
      return;
    }
    if (current && (current.via === 'focus' || current.via === 'key')) close();
    // A link or button whose text includes a name, reached with the keyboard, gets the card as hover
    // would (1.4.13), without taking focus from it. Focus events are trusted even when a page script
    // calls focus(), and a click focuses links too (which would eat the first tap on touch), so only
    // focus that follows a real key press counts.
    if (performance.now() - lastKeyAt > KEY_FOCUS_WINDOW) return;
    if (!(target instanceof HTMLElement) || target === document.body || target === document.documentElement) return;
    if (target === skipFocusOpen) {
      skipFocusOpen = null;
      return;
    }
    skipFocusOpen = null;
    const mention = index.list().find((m) => target.contains(m.range.startContainer));
    if (mention) openReady(mention, 'focus', undefined, () => document.activeElement === target, () => (opener = target));
  });

  // The page scrolled under a hover card the pointer never went into: the reader is reading on, and
  // the card must not ride under a still pointer and take the wheel from the page.
  listen('scroll', (event) => {
    if (!event.isTrusted || host.contains(event.target) || current?.via !== 'hover' || pointerEntered) return;
    const scrolled = event.target;
    // The page itself, or a scroller the name sits in (not an unrelated carousel elsewhere).
    if (scrolled === document || (scrolled instanceof Node && scrolled.contains(current.mention.range.startContainer))) close();
  });

  listen('keydown', (event) => {
    if (!event.isTrusted) return;
    lastKeyAt = performance.now();
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
    if (
      plain &&
      current?.via === 'focus' &&
      opener &&
      event.target === opener &&
      ((event.key === 'Tab' && !event.shiftKey) || (event.key === 'ArrowDown' && !event.shiftKey))
    ) {
      // The card belongs to the focused link: the next Tab (or ↓) goes into it, not to the next link.
      event.preventDefault();
      enter();
      return;
    }
    if (event.key !== 'Escape' || !current) return;
    const inCard = host.contains(event.target);
    if (current.via === 'hover' || current.via === 'pinned') dismissed = current.mention;
    close(true);
    // Our Escape, not the page's: a page dialog under the card should not close with it.
    if (inCard) {
      event.preventDefault();
      event.stopPropagation();
    }
  });

  index.onChange(() => {
    if (current && !current.mention.range.startContainer.isConnected) close();
    if (pending && !pending.mention.range.startContainer.isConnected) cancelPending();
  }, signal);

  function select(mention: Mention): void {
    const selection = document.getSelection();
    if (!selection) return;
    selection.removeAllRanges();
    selection.addRange(mention.range.cloneRange());
  }

  function scrollTo(mention: Mention): void {
    // Nested scrollers first (element level), then centre the name itself in the window.
    mention.range.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const rect = mention.range.getBoundingClientRect();
    // On a short viewport (400% zoom: 256 CSS px) the name goes near the top, leaving the card room below.
    const short = window.innerHeight < 500;
    const margin = short ? 8 : 80;
    const below = window.innerHeight - (short ? window.innerHeight / 3 : margin);
    if (rect.top < margin || rect.bottom > below) {
      window.scrollBy({ top: rect.top - (short ? margin * 2 : window.innerHeight / 3), behavior: 'instant' });
    }
  }

  /** The commands: the card's table first (the popup's "show" and the keys wait for it), then `goTo`. */
  async function goToReady(mention: Mention): Promise<boolean> {
    await tableLoading(mentionLocale(mention));
    return !destroyed && mention.range.startContainer.isConnected && goTo(mention);
  }

  function goTo(mention: Mention): boolean {
    const list = index.list();
    const active = document.activeElement;
    if (!host.hasFocus() && active instanceof HTMLElement && active !== document.body) returnFocus = active;
    select(mention);
    scrollTo(mention);
    if (!open(mention, 'key')) return false;
    stepped = mention;
    host.focus();
    const name = dataset.entities.find((e) => e.id === mention.entityId)?.name ?? mention.entityId;
    const locale = pageLocale();
    host.announce(translator(locale)('card_announce', name, String(list.indexOf(mention) + 1), String(list.length)));
    return true;
  }

  /** Where the command starts when it has not moved yet: from the reader's selection, else the top. */
  function startFrom(list: readonly Mention[], direction: 1 | -1): number {
    const selection = document.getSelection();
    const anchor = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    if (!anchor) return direction === 1 ? 0 : list.length - 1;
    const after = list.findIndex((m) => m.range.compareBoundaryPoints(Range.START_TO_START, anchor) >= 0);
    if (direction === 1) return after < 0 ? 0 : after;
    return after <= 0 ? list.length - 1 : after - 1;
  }

  function show(entityId: EntityId, n: number): Promise<boolean> {
    const mention = index.list().filter((m) => m.entityId === entityId)[n];
    return mention ? goToReady(mention) : Promise.resolve(false);
  }

  function step(direction: 1 | -1): Promise<boolean> {
    const list = index.list();
    if (list.length === 0) return Promise.resolve(false);
    const at = stepped ? list.indexOf(stepped) : -1;
    // Wraps around at either end, like find-in-page.
    const next = at >= 0 ? (at + direction + list.length) % list.length : startFrom(list, direction);
    const mention = list[next];
    return mention ? goToReady(mention) : Promise.resolve(false);
  }

  let destroyed = false;
  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    close();
    own.abort();
    cancelAnimationFrame(frame);
    host.destroy();
  }

  signal.addEventListener('abort', destroy, { once: true });

  return { show, step, close: () => close(true), holding: () => offSite !== null, destroy };
}
