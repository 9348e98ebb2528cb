/**
 * Connects the popup view to the browser: reads the tab, the settings, the permission state and the
 * content script's page info, and performs the actions. Everything the popup knows is read fresh
 * each time it opens; nothing is kept between openings.
 */
import { api, type Tabs } from '../shared/browser';
import { defaultMatches } from '../shared/default-sites';
import { dataset } from '../data/index';
import { sendToBackground, sendToTab, type PageInfo } from '../shared/messages';
import { defaultSettings, type Settings } from '../shared/settings';
import type { SettingsChange } from '../shared/settings-change';
import { fetchSettings, settingsProblem } from '../shared/settings-client';
import { changeDismissed, fetchDismissed } from '../shared/dismissed-client';
import { listOf, markKey } from '../shared/dismissed';
import { dismissedItems, type DismissedItem } from './dismissed-view';
import {
  isScriptableUrl,
  isSiteDisabled,
  matchingPattern,
  originPattern,
  siteKeyFromUrl,
  siteOriginFromUrl,
} from '../shared/sites';
import type { Notice, PageView, PopupActions, PopupData, SiteView } from './model';

declare const __CONTENT_HASH__: string;

const ownPage = (tab: Tabs.Tab): boolean => (tab.url ?? '').startsWith(api.runtime.getURL(''));

/**
 * The tab the reader is looking at. Where the popup opens as a tab itself (Firefox for Android,
 * or popup.html opened directly), the active tab is the popup, so take the most recently used
 * other tab of that window (WofWca/jumpcutter#65).
 */
export async function readerTab(): Promise<Tabs.Tab | undefined> {
  const [active] = await api.tabs.query({ active: true, currentWindow: true });
  if (active && !ownPage(active)) return active;
  const tabs = (await api.tabs.query({ currentWindow: true })).filter((t) => !ownPage(t));
  return tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}

/** The pattern to ask for: the default-list pattern for news sites, else the exact origin. */
function sitePattern(site: SiteView): string {
  return matchingPattern(site.host, defaultMatches()) ?? originPattern(site.origin);
}

async function siteView(url: string, settings: Settings): Promise<SiteView | null> {
  const host = siteKeyFromUrl(url);
  const origin = siteOriginFromUrl(url);
  if (!host || !origin) return null;
  const isDefault = matchingPattern(host, defaultMatches()) !== null;
  const kind = isDefault ? 'default' : settings.addedSites.includes(origin) ? 'added' : 'other';
  const view: SiteView = { host, origin, kind, enabled: !isSiteDisabled(settings, host), granted: false };
  view.granted = await api.permissions.contains({ origins: [sitePattern(view)] }).catch(() => false);
  return view;
}

export async function pageInfo(tabId: number): Promise<PageInfo | null> {
  return sendToTab(tabId, 'getPageInfo', {}).catch(() => null);
}

/**
 * This site's dismissed marks, with the sentences the open page has (asked of its content script, which
 * reads them from the live page; nothing about the sentence is stored). Unreadable: none listed.
 */
async function dismissedOnSite(site: string, tabId: number, running: boolean): Promise<DismissedItem[]> {
  const read = await fetchDismissed();
  if (!read.ok) return [];
  const keys = (listOf(read.dismissed, site) ?? []).map((e) => markKey(e.entity, e.hash));
  if (keys.length === 0) return [];
  const answer: unknown = running ? await sendToTab(tabId, 'dismissedSentences', { keys }).catch(() => null) : null;
  // The page's own text, so bounded and checked before it is shown (as text, never markup).
  const sentences: Record<string, string> = {};
  if (typeof answer === 'object' && answer !== null) {
    for (const key of keys) {
      const value = Object.prototype.hasOwnProperty.call(answer, key) ? (answer as Record<string, unknown>)[key] : undefined;
      if (typeof value === 'string' && value.length > 0) sentences[key] = value.slice(0, 1000);
    }
  }
  return dismissedItems(read.dismissed, site, dataset.entities, sentences);
}

export interface Connection {
  data: PopupData;
  tabId: number | null;
}

/** Send one change to the background's writer; resolves to the notice to show (null when saved). */
async function changeSettings(change: SettingsChange): Promise<Notice> {
  const result = await sendToBackground('changeSettings', { change });
  // 'invalid' cannot come from our own buttons: the generic notice.
  return result.ok ? null : (settingsProblem(result.error) ?? 'popup_failed');
}

export async function loadPopup(notice: Notice = null): Promise<Connection> {
  const [tab, read] = await Promise.all([readerTab(), fetchSettings()]);
  // Unreadable settings: the site switch is not shown (its state is unknown), so these defaults only
  // fill the view's other fields; nothing is ever written from them.
  const settings = read.settings ?? defaultSettings();
  if (!read.ok && read.error === 'unreadable') notice = 'ui_settingsUnreadable';
  const tabId = tab?.id ?? null;
  let page: PageView = { state: 'unsupported' };
  let dismissed: DismissedItem[] = [];
  if (tab?.url && tabId !== null && isScriptableUrl(tab.url)) {
    const site = await siteView(tab.url, settings);
    if (site) {
      const info = await pageInfo(tabId);
      page = { state: 'site', site, info };
      dismissed = await dismissedOnSite(site.host, tabId, info?.active === true);
    }
  }
  const story = dataset.stories[0];
  if (!story) throw new Error('the dataset has no story');
  return {
    tabId,
    data: {
      page,
      mode: settings.mode,
      story,
      entities: dataset.entities,
      sources: new Map(dataset.sources.map((s) => [s.id, s])),
      dataset: { version: dataset.meta.version, asOf: dataset.meta.asOf, hash: __CONTENT_HASH__ },
      notice,
      dismissed,
    },
  };
}

/** Wait for a freshly injected content script to answer (scan once, enable, grant). */
async function waitForContentScript(tabId: number, tries = 20): Promise<void> {
  for (let i = 0; i < tries; i++) {
    const info = await pageInfo(tabId);
    if (info?.active) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The popup's actions. `refresh(notice)` re-reads everything and re-renders. Permission requests
 * run first and synchronously inside the click handler: a user gesture does not survive an await.
 */
export function popupActions(getConnection: () => Connection, refresh: (notice?: Notice) => void): PopupActions {
  const site = (): SiteView | null => {
    const page = getConnection().data.page;
    return page.state === 'site' ? page.site : null;
  };
  const tabId = () => getConnection().tabId;
  const run = (task: () => Promise<Notice | void>) => {
    task().then(
      (notice) => refresh(notice ?? null),
      () => refresh('popup_failed'),
    );
  };
  const afterGrant = (request: Promise<boolean>, then: (s: SiteView, tab: number) => Promise<Notice | void>) => {
    const s = site();
    const tab = tabId();
    run(async () => {
      if (!(await request)) return 'popup_denied';
      if (s && tab !== null) {
        const notice = await then(s, tab);
        if (notice) return notice;
        await waitForContentScript(tab);
      }
    });
  };
  return {
    setSiteEnabled(enabled) {
      const s = site();
      if (!s) return;
      // The content script of every tab on this site listens to the storage change and applies it at once.
      run(() => changeSettings({ op: 'setSiteEnabled', site: s.host, on: enabled }));
    },
    showMention(entityId) {
      const tab = tabId();
      if (tab === null) return;
      run(async () => {
        await sendToTab(tab, 'showMention', { entityId, index: 0 });
        // Opened as a tab (Android): bring the article forward before closing ourselves.
        if (await api.tabs.getCurrent()) await api.tabs.update(tab, { active: true });
        window.close();
      });
    },
    enableSite() {
      const s = site();
      if (!s) return;
      const request = api.permissions.request({ origins: [originPattern(s.origin)] });
      afterGrant(request, async (granted) => {
        const result = await sendToBackground('enableSite', { origin: granted.origin });
        if (result.ok) return;
        const problem = settingsProblem(result.error);
        if (problem) return problem;
        throw new Error(result.error ?? 'enableSite failed');
      });
    },
    scanOnce() {
      const tab = tabId();
      if (tab === null) return;
      run(async () => {
        const result = await sendToBackground('scanOnce', { tabId: tab });
        if (!result.ok) return 'popup_failed';
        await waitForContentScript(tab);
      });
    },
    removeSite() {
      const s = site();
      if (!s) return;
      run(async () => {
        const result = await sendToBackground('removeSite', { origin: s.origin });
        if (!result.ok) return settingsProblem(result.error) ?? 'popup_failed';
      });
    },
    grantAccess() {
      const s = site();
      if (!s) return;
      const request = api.permissions.request({ origins: [sitePattern(s)] });
      afterGrant(request, async (granted, tab) => {
        if (granted.kind === 'added') {
          const result = await sendToBackground('enableSite', { origin: granted.origin });
          if (!result.ok) return settingsProblem(result.error);
        }
        // A default site runs from the manifest on the next load; run it in this tab now.
        else await sendToBackground('scanOnce', { tabId: tab });
      });
    },
    openOptions() {
      void api.runtime.openOptionsPage().then(() => window.close());
    },
    retry() {
      refresh(null);
    },
    undoDismissed(entity, hash) {
      const s = site();
      if (!s) return;
      // Every tab of the site (this one included) brings the mark back from the storage change.
      run(async () => {
        const result = await changeDismissed({ op: 'undo', site: s.host, entity, hash });
        if (!result.ok) return settingsProblem(result.error) ?? 'popup_failed';
      });
    },
  };
}
