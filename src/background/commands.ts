/** Keyboard commands (desktop only; Firefox for Android has none): step through the page's mentions. */
import { api, type Tabs } from '../shared/browser';
import { sendToTab } from '../shared/messages';

const DIRECTIONS: Readonly<Record<string, 1 | -1>> = { 'next-mention': 1, 'previous-mention': -1 };

export async function onCommand(command: string, tab?: Tabs.Tab): Promise<void> {
  const direction = DIRECTIONS[command];
  if (direction === undefined) return;
  // `tab` is passed by Chrome 86+ and Firefox 126+; otherwise ask for the active tab.
  const tabId = tab?.id ?? (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  // No content script on that page (not a news site, or switched off): nothing to step through.
  await sendToTab(tabId, 'stepMention', { direction }).catch(() => false);
}
