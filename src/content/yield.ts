/** Give the main thread back to the page between slices of work. */

interface SchedulerLike {
  yield?: () => Promise<void>;
}

let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

/**
 * `scheduler.yield()` where present (Chrome 129, Firefox 142) keeps our continuation ahead of
 * other queued tasks; elsewhere a MessageChannel round-trip, which unlike `setTimeout(0)` is not
 * clamped to 4 ms after a few nested calls.
 */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
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
