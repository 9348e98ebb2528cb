/**
 * Which marks are near the viewport, per containing element, so the painter registers only those on
 * a page with many marks. Firefox re-checks the order of every registered range at the first access
 * after any DOM change (bench/profile-summary.md, round 5: 1.2 ms at 1,000 ranges, 6 ms at 3,000), so
 * fewer registered ranges is the whole win; what is not registered costs nothing there.
 *
 * A reader must never see a mark appear late:
 * - a new mark's element counts as near until the observer's first answer, so a mark is registered in
 *   the frame its text is painted. Its box is not read then: that would force, inside the scan's task, a
 *   layout the page still owes (a paint of a 5 M-character article held a 670 ms layout when the page had
 *   not been laid out yet); the observer answers after the browser's own next layout, and a far mark is
 *   registered for that one frame only;
 * - an IntersectionObserver with a margin of one viewport on each side follows scrolling and layout:
 *   its answer comes a frame late, but a mark comes into view only after crossing that margin;
 * - a scroll that jumps further than half the margin in one frame (End, a scrollbar drag, a command
 *   that scrolls to a mark, an element scroller the observer's margin does not reach) re-decides every
 *   element in the scroll event, which runs before that frame is painted.
 * Nothing runs on an idle page: the observer calls back only when an element crosses the margin.
 */

/** The margin around the viewport within which marks are registered, in viewport sizes. */
const MARGIN = 1;

/** Whether a box lies within the margin. A box of no size (`display: contents`, hidden) counts as near: it is cheaper to register than to guess. */
function nearBox(box: DOMRectReadOnly): boolean {
  return (
    !(box.width || box.height) ||
    (box.bottom >= innerHeight * -MARGIN && box.top <= innerHeight * (1 + MARGIN) && box.right >= innerWidth * -MARGIN && box.left <= innerWidth * (1 + MARGIN))
  );
}

/** Called with the own ranges of one element when they become near (true) or far (false). */
export type NearChange = (ranges: ReadonlySet<Range>, near: boolean) => void;

export class NearMarks {
  /** Element → the own ranges that start in it. */
  readonly #ranges = new Map<Element, Set<Range>>();
  readonly #elementOf = new Map<Range, Element>();
  readonly #near = new Set<Element>();
  readonly #observer: IntersectionObserver;
  /**
   * Scroll position per scroller at the last decision (the page's: at its last scroll event). Unknown
   * means 0: a page opened scrolled down re-decides once, at its first scroll. (Scroll events cannot be
   * cancelled: the listener needs no `passive`.)
   */
  readonly #at = new WeakMap<EventTarget, [number, number]>();
  readonly #changed: NearChange;

  constructor(changed: NearChange) {
    this.#changed = changed;
    this.#observer = new IntersectionObserver(
      (entries) => {
        // Clipped by an element scroller (not intersecting) but within the margin by its own box: kept,
        // as the scroll check decides it (the observer's margin applies to the viewport only).
        for (const entry of entries) this.#set(entry.target, entry.isIntersecting || nearBox(entry.boundingClientRect));
      },
      { rootMargin: `${MARGIN * 100}%` },
    );
    // Capture: element scrollers' scroll events do not bubble.
    document.addEventListener('scroll', this.#scrolled, true);
  }

  /** Follow `range` (one of the painter's own); whether it is near now. */
  track(range: Range): boolean {
    const element = range.startContainer.parentElement ?? document.documentElement;
    this.#elementOf.set(range, element);
    let set = this.#ranges.get(element);
    if (!set) {
      this.#ranges.set(element, (set = new Set()));
      this.#near.add(element);
      this.#observer.observe(element);
    }
    set.add(range);
    return this.#near.has(element);
  }

  untrack(range: Range): void {
    const element = this.#elementOf.get(range);
    if (!element) return;
    this.#elementOf.delete(range);
    const set = this.#ranges.get(element);
    set?.delete(range);
    if (set?.size) return;
    this.#ranges.delete(element);
    this.#near.delete(element);
    this.#observer.unobserve(element);
  }

  stop(): void {
    this.#observer.disconnect();
    document.removeEventListener('scroll', this.#scrolled, true);
  }

  #set(element: Element, near: boolean): void {
    const ranges = this.#ranges.get(element);
    if (!ranges || near === this.#near.has(element)) return;
    if (near) this.#near.add(element);
    else this.#near.delete(element);
    this.#changed(ranges, near);
  }

  /**
   * A jump further than half the margin: the observer's answer would come after this frame is painted,
   * so every element is decided now. The page's own scrolling is compared with its last scroll event
   * (the observer follows it frame by frame); an element scroller with its position at the last
   * decision (the observer's margin does not extend its clip).
   */
  readonly #scrolled = (event: Event): void => {
    const target = event.target as EventTarget;
    const page = target === document;
    const scroller = target as Element;
    const x = page ? scrollX : scroller.scrollLeft;
    const y = page ? scrollY : scroller.scrollTop;
    const [x0, y0] = this.#at.get(target) ?? [0, 0];
    const jumped = Math.abs(x - x0) > innerWidth * (MARGIN / 2) || Math.abs(y - y0) > innerHeight * (MARGIN / 2);
    if (jumped) for (const element of this.#ranges.keys()) this.#set(element, nearBox(element.getBoundingClientRect()));
    if (jumped || page) this.#at.set(target, [x, y]);
  };
}
