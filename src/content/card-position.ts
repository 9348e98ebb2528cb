/**
 * Places the card next to a mention with @floating-ui/dom: below the hovered line (above if there is
 * no room), never over it, shifted to stay 8px inside the viewport, with its height capped to the space
 * left so long content scrolls inside the card. Re-runs on scroll and resize while the card is open.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  hide,
  inline,
  offset,
  shift,
  size,
  type Middleware,
  type VirtualElement,
} from '@floating-ui/dom';

const PADDING = 8;
/** Below this the card would be a sliver; floating-ui then flips to the roomier side first. */
const MIN_HEIGHT = 120;

/** A floating-ui reference built from a live Range (no wrapper element exists around marked text). */
export function virtualFromRange(range: Range): VirtualElement {
  const context = range.startContainer.parentElement ?? undefined;
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    ...(context ? { contextElement: context } : {}),
  };
}

export function middleware(point: { x: number; y: number } | undefined): Middleware[] {
  return [
    // A mention wrapped over two lines: anchor to the line under the pointer (or the first line).
    inline(point ? { x: point.x, y: point.y, padding: 2 } : { padding: 2 }),
    offset(6),
    // Only the vertical side flips, so the card never lands on the hovered line itself.
    flip({ padding: PADDING, crossAxis: false, fallbackStrategy: 'bestFit' }),
    // Before shift(): the room is measured on the side of the line the card is on; measured after a
    // shift over the line it would be the whole viewport, and the card would grow to cover the name.
    size({
      padding: PADDING,
      apply({ availableHeight, availableWidth, elements }) {
        // CSSOM, not a style attribute: allowed under a strict page CSP.
        elements.floating.style.setProperty('--bs-max-h', `${String(Math.max(MIN_HEIGHT, Math.floor(availableHeight)))}px`);
        elements.floating.style.setProperty('max-width', `${String(Math.max(200, Math.floor(availableWidth)))}px`);
      },
    }),
    // On a viewport too short for a card on either side of the line (400% zoom), slide it up over the
    // line rather than past the bottom edge: every part stays reachable by scrolling the card.
    shift({ padding: PADDING, crossAxis: true }),
    hide(),
  ];
}

function lineAt(range: Range, { x, y }: { x: number; y: number }): number {
  return [...range.getClientRects()].findIndex((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
}

/**
 * Positions `floating` at `range` now and on every scroll/resize/layout change until the returned
 * cleanup runs. The card hides (not closes) while its mention is scrolled out of sight.
 */
export function trackPosition(
  range: Range,
  floating: HTMLElement,
  point: { x: number; y: number } | undefined,
  placement: 'bottom-start' | 'bottom-end' = 'bottom-start',
): () => void {
  const reference = virtualFromRange(range);
  // Remember which line of a wrapped mention was hovered, not the viewport point: after a scroll the
  // old point lies elsewhere, but the same line box is still the one the reader pointed at.
  const line = Math.max(0, point ? lineAt(range, point) : 0);
  const update = () => {
    if (!range.startContainer.isConnected) return;
    const rect = range.getClientRects()[line];
    const anchor = rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : undefined;
    void computePosition(reference, floating, {
      strategy: 'fixed',
      placement,
      middleware: middleware(anchor),
    }).then(({ x, y, middlewareData }) => {
      floating.style.setProperty('left', `${String(Math.round(x))}px`);
      floating.style.setProperty('top', `${String(Math.round(y))}px`);
      floating.style.setProperty('visibility', middlewareData.hide?.referenceHidden ? 'hidden' : 'visible');
    });
  };
  return autoUpdate(reference, floating, update, { animationFrame: false });
}
