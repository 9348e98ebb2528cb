/**
 * How the extension's own pages (popup, options) read the dismissed marks and follow their changes.
 * Reads go through the background's writer, like settings (settings-client.ts); a background that does
 * not answer counts as unreadable.
 */
import { api } from './browser';
import { DISMISSED_KEY, type DismissChange, type DismissResult } from './dismissed';
import { sendToBackground } from './messages';

export function fetchDismissed(): Promise<DismissResult> {
  return sendToBackground('getDismissed', {}).catch((): DismissResult => ({ ok: false, error: 'unreadable', dismissed: null }));
}

export function changeDismissed(change: DismissChange): Promise<DismissResult> {
  return sendToBackground('changeDismissed', { change }).catch((): DismissResult => ({ ok: false, error: 'unwritable', dismissed: null }));
}

/** Call `listener` whenever the stored dismissals change; stops when `signal` aborts. */
export function onDismissedChanged(listener: () => void, signal: AbortSignal): void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && DISMISSED_KEY in changes) listener();
  };
  api.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => api.storage.onChanged.removeListener(onChanged), { once: true });
}
