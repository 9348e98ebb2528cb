/** Give the main thread back to the page between slices of work. */

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/**
 * Resume after the page's queued work has had its turn: a MessageChannel round-trip, a task of
 * ordinary priority that is queued behind what the page has already queued.
 *
 * Measured alternatives were worse: `scheduler.yield()` continuations and `scheduler.postTask()`
 * tasks are picked ahead of the page's timers, so a long scan cut into slices still kept the page
 * waiting until its end (Firefox, 200,000 text nodes: page timers delayed ~5 s); `setTimeout(0)` is
 * clamped to 4 ms after a few nested calls, which stretched a 100-slice scan to most of a second
 * of wall time before its last marks appeared.
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

/** Milliseconds of work per slice before yielding (DESIGN.md: ~5 ms). */
export const SLICE_MS = 5;

/**
 * Resume after the browser's next frame (its style and layout brought up to date), then a yield so
 * that the frame's rendering has run. A hidden document gets no frames: it resumes after a yield.
 */
export function nextFrame(doc: Document): Promise<void> {
  if (doc.visibilityState !== 'visible' || typeof requestAnimationFrame !== 'function') return yieldToMain();
  return new Promise((resolve) => requestAnimationFrame(() => void yieldToMain().then(resolve)));
}
