/**
 * Backstory's background: a service worker in Chromium, an event page in Firefox. It keeps no state
 * of its own in memory; badge counts live in the browser's per-tab action state, the site list in
 * storage, registrations in the browser's content-script registry. Every listener is added
 * synchronously at top level, so an event that wakes the worker finds its listener.
 */
import { api } from '../shared/browser';
import { defaultMatches } from '../shared/default-sites';
import { handle, sendToTab, type BackgroundCalls } from '../shared/messages';
import { onSettingsChanged } from '../shared/settings';
import { setBadge } from './badge';
import { onCommand } from './commands';
import { backgroundHandlers, parseCounts } from './handlers';
import { adoptGranted, reconcile } from './site-scripts';

const quietly = (task: Promise<unknown>): void => {
  task.catch((error: unknown) => console.debug('Backstory background:', error));
};

handle<BackgroundCalls>(backgroundHandlers);

api.commands.onCommand.addListener((command, tab) => quietly(onCommand(command, tab)));

api.runtime.onInstalled.addListener(() => quietly(reconcile()));
api.runtime.onStartup.addListener(() => quietly(reconcile()));

api.permissions.onAdded.addListener((permissions) =>
  quietly(adoptGranted(permissions.origins, defaultMatches()).then(reconcile)),
);
api.permissions.onRemoved.addListener(() => quietly(reconcile()));

// Options "reset" or "remove" changes addedSites; registrations follow.
let lastAdded: string | null = null;
onSettingsChanged((settings) => {
  const key = JSON.stringify(settings.addedSites);
  if (key !== lastAdded) quietly(reconcile());
  lastAdded = key;
}, new AbortController().signal);

/**
 * After a page load completes, ask its content script for the count again: Chromium keeps a tab's
 * badge across navigations, so a page without Backstory would otherwise show the last page's number.
 */
api.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status !== 'complete') return;
  quietly(
    sendToTab(tabId, 'getCounts', {})
      .then((counts) => setBadge(tabId, parseCounts(counts)))
      .catch(() => setBadge(tabId, null)),
  );
});
