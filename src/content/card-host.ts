/**
 * The one element Backstory adds to a page: `<backstory-card>` under `<html>` (not `<body>`, which
 * frameworks own and re-render), created when the first card opens. Everything else lives in its
 * closed shadow root, so page scripts cannot reach the card and page CSS cannot restyle it.
 *
 * - No `customElements.define`: content scripts' `customElements` is null in Firefox (and in Chrome's
 *   isolated world), and an undefined element with a valid custom-element name can still attach a shadow root.
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

export const HOST_TAG = 'backstory-card';

export type CardView = Omit<CardProps, 'onClose' | 'onHideSite'>;

export interface CardHostActions {
  onClose: () => void;
  onHideSite: () => void;
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
    return this.parts !== null && document.activeElement === this.parts.host;
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
    const host = document.createElement(HOST_TAG);
    let root: ShadowRoot;
    try {
      root = host.attachShadow({ mode: 'closed' });
    } catch {
      // A page that registered this element name first can own its shadow root: show nothing rather than break.
      return null;
    }
    // Inline !important beats page rules like `backstory-card { display: none }`; CSSOM is allowed under CSP.
    host.style.setProperty('all', 'initial', 'important');
    host.style.setProperty('display', 'block', 'important');
    const style = document.createElement('style');
    style.textContent = css;
    const pop = document.createElement('div');
    pop.className = 'pop';
    pop.setAttribute('popover', 'manual');
    const live = document.createElement('div');
    live.className = 'sr-only';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.append(style, live, pop);
    document.documentElement.append(host);
    this.parts = { host, root, pop, live };
    return this.parts;
  }
}
