/** Give the main thread back to the page between slices of work. */

interface SchedulerLike {
  postTask?: (callback: () => void, options?: { priority?: 'user-blocking' | 'user-visible' | 'background' }) => Promise<void>;
}

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/**
 * Resume after the page's own queued work has had its turn.
 *
 * Not `scheduler.yield()`: its continuations are run ahead of other queued tasks, so a long scan
 * cut into slices still kept the page's timers waiting until the end (seen in Firefox with 200,000
 * text nodes: timers delayed ~5 s). `scheduler.postTask` at the default 'user-visible' priority
 * queues behind the page's tasks; where it is missing, a MessageChannel round-trip does the same
 * without the 4 ms clamp that nested `setTimeout(0)` calls get.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => undefined, { priority: 'user-visible' });
  }
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
