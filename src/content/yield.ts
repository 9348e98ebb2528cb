/** Give the main thread back to the page between slices of work. */

/**
 * Resume after the page's own queued work has had its turn: a plain `setTimeout(0)`.
 *
 * Measured alternatives were worse for the page: `scheduler.yield()` continuations and
 * `scheduler.postTask()` tasks are picked ahead of the page's timers and messages, so a long scan
 * cut into slices still kept the page waiting until its end (Firefox, 200,000 text nodes: page timers
 * delayed ~5 s; Chromium, 5 MB article: a 2.7 s gap in a MessageChannel heartbeat). Timers are one
 * FIFO queue with the page's own; the 4 ms clamp after nested calls only stretches a long scan's
 * wall time, not its work.
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Milliseconds of work per slice before yielding (DESIGN.md: ~5 ms). */
export const SLICE_MS = 5;
