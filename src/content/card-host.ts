/**
 * The one element Backstory adds to a page: a plain `<div>` under `<html>` (not `<body>`, which
 * frameworks own and re-render), created when the first card opens. Everything else lives in its
 * closed shadow root, so page scripts cannot reach the card and page CSS cannot restyle it.
 *
 * - Why a `div` and not a custom element (DESIGN.md once said "a custom element"): a page can define
 *   any valid custom-element name before we create it, and a constructor that calls
 *   `this.attachInternals()` then receives, through `internals.shadowRoot`, the closed root we attach
 *   later (issue 11, finding 1: the page read and rewrote the card and pressed "Hide on this site").
 *   A `div` made by `createElement('div')` has no `is` value, so it can never be a page's class or be
 *   upgraded later (customized built-ins need `is` at creation), `attachInternals()` on it throws
 *   NotSupportedError, and `div` is one of the built-ins that may host a shadow root.
 * - Page patches to `Element.prototype.attachShadow`, `customElements.define`, `Node.prototype.append`
 *   and the like stay in the page's world: content scripts run in an isolated world (Chrome) or see
 *   the DOM through Xray vision (Firefox). Named elements (`<img name="createElement">`) can shadow
 *   properties of `document` itself, so the document methods are taken from `Document.prototype`.
 * - Only trusted events reach the card: a capture listener on the root drops untrusted clicks, key and
 *   pointer events before any control sees them (and cancels their default, so a synthetic click on a
 *   source link opens nothing). Defence in depth: the closed root already keeps page scripts out.
 * - Top layer via `popover="manual"` on an element inside the shadow root, so no page z-index or
 *   `overflow: hidden` ancestor can cover or clip it; we close it ourselves (no light dismiss).
 * - Styles: a `<style>` created and filled by this content script before it is connected. Under a strict
 *   page CSP Firefox then applies the content script's CSP, not the page's (bug 1706787; Rob--W in
 *   mozilla/firefox-translations#272); Chrome exempts isolated-world insertions. Checked by the
 *   strict-CSP e2e test in both browsers.
 */
import { h, render } from 'preact';
import css from '../card/card.css';
import { Card, type CardProps } from '../card/Card';
import { trackPosition } from './card-position';

/** A built-in element that accepts a shadow root and that no page can define (see above). */
export const HOST_TAG = 'div';

/** Events a page script could forge to press the card's controls; untrusted ones stop at the root. */
const GATED = ['click', 'auxclick', 'dblclick', 'contextmenu', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend',
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'submit'] as const;

function dropUntrusted(event: Event): void {
  if (event.isTrusted) return;
  event.stopImmediatePropagation();
  event.preventDefault();
}

// From the prototype, not `document`: named elements can shadow document properties (DOM clobbering).
const createElement = Document.prototype.createElement;
const rootElement = Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')?.get;
const activeElement = Object.getOwnPropertyDescriptor(Document.prototype, 'activeElement')?.get;
const docPart = <T>(getter: (() => unknown) | undefined): T | null => (getter ? (getter.call(document) as T | null) : null);

export type CardView = Omit<CardProps, 'onClose' | 'onHideSite' | 'onDismiss'>;

export interface CardHostActions {
  onClose: () => void;
  onHideSite: () => void;
  /** "Not about this story" (absent: the card does not offer it). */
  onDismiss?: (() => void) | undefined;
}

interface Parts {
  host: HTMLElement;
  root: ShadowRoot;
  pop: HTMLElement;
  live: HTMLElement;
}

export class CardHost {
  private parts: Parts | null = null;
  private stopTracking: (() => void) | null = null;
  private announceTimer = 0;

  constructor(private readonly actions: CardHostActions) {}

  get isOpen(): boolean {
    return this.stopTracking !== null;
  }

  /** True if `target` (an event target seen from the page side) is our card. Closed roots retarget to the host. */
  contains(target: EventTarget | null): boolean {
    return this.parts !== null && target === this.parts.host;
  }

  /** True if keyboard focus is inside the card. */
  hasFocus(): boolean {
    return this.parts !== null && docPart<Element>(activeElement) === this.parts.host;
  }

  /**
   * Shows `view` next to `range`. `point` picks the hovered line of a wrapped name; `pageRtl` puts
   * the card's inline-start edge at the name's right end on right-to-left pages.
   */
  open(view: CardView, range: Range, where: { point?: { x: number; y: number } | undefined; pageRtl: boolean }): void {
    const parts = this.ensure();
    if (!parts) return;
    this.stopTracking?.();
    render(h(Card, { ...view, ...this.actions }), parts.pop);
    // The frame follows the UI language's direction; floating-ui mirrors start/end alignment from it.
    parts.pop.dir = view.dir;
    if (!parts.pop.matches(':popover-open')) parts.pop.showPopover();
    const body = parts.pop.querySelector('.body');
    if (body) body.scrollTop = 0;
    // floating-ui reads start/end from the card's own direction; align with the page's reading edge.
    const placement = where.pageRtl === (view.dir === 'rtl') ? 'bottom-start' : 'bottom-end';
    this.stopTracking = trackPosition(range, parts.pop, where.point, placement);
  }

  /** Moves focus to the dialog itself so screen readers read its name first. */
  focus(): void {
    this.parts?.pop.querySelector<HTMLElement>('[role="dialog"]')?.focus();
  }

  close(): void {
    if (!this.parts || !this.stopTracking) return;
    this.stopTracking();
    this.stopTracking = null;
    if (this.parts.pop.matches(':popover-open')) this.parts.pop.hidePopover();
    render(null, this.parts.pop);
  }

  /** Polite announcement through a live region in our shadow root (it outlives the card). */
  announce(text: string): void {
    const live = this.ensure()?.live;
    if (!live) return;
    window.clearTimeout(this.announceTimer);
    live.textContent = '';
    // A region created in the same task as its text is often not announced; give it a moment.
    this.announceTimer = window.setTimeout(() => {
      live.textContent = text;
    }, 120);
  }

  destroy(): void {
    this.close();
    window.clearTimeout(this.announceTimer);
    this.parts?.host.remove();
    this.parts = null;
  }

  private ensure(): Parts | null {
    if (this.parts?.host.isConnected) return this.parts;
    this.parts?.host.remove();
    this.parts = null;
    const html = docPart<Element>(rootElement);
    if (!html) return null;
    const make = (tag: string) => createElement.call(document, tag) as HTMLElement;
    const host = make(HOST_TAG);
    let root: ShadowRoot;
    try {
      root = host.attachShadow({ mode: 'closed' });
    } catch {
      // Not expected for a fresh div; show nothing rather than break the page.
      return null;
    }
    for (const type of GATED) root.addEventListener(type, dropUntrusted, { capture: true });
    // Inline !important beats page rules like `html > div { display: none }`; CSSOM is allowed under CSP.
    host.style.setProperty('all', 'initial', 'important');
    host.style.setProperty('display', 'block', 'important');
    const style = make('style');
    style.textContent = css;
    const pop = make('div');
    pop.className = 'pop';
    pop.setAttribute('popover', 'manual');
    const live = make('div');
    live.className = 'sr-only';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.append(style, live, pop);
    html.append(host);
    this.parts = { host, root, pop, live };
    return this.parts;
  }
}
