/**
 * Sites the reader added beyond the default list: one persistent dynamic content script per origin,
 * registered only while the browser grants that origin. Registrations can be lost (browser
 * profile resets) and permissions revoked (Firefox lets readers revoke host access at any time),
 * so `reconcile()` brings the registrations back in line with settings and permissions; it runs at
 * install, at browser start, and whenever permissions or the list change.
 */
import { api } from '../shared/browser';
import { defaultMatches } from '../shared/default-sites';
import type { SettingsResult } from '../shared/settings-change';
import { isDefaultSite, isSiteOrigin, originPattern } from '../shared/sites';
import { dismissWriter, settingsWriter } from './writer';

const PREFIX = 'site:';
export const scriptId = (origin: string): string => PREFIX + origin;

/** The origin behind a granted pattern such as `https://example.org/*`; null for wildcards. */
export function originOfPattern(pattern: string): string | null {
  if (!pattern.endsWith('/*')) return null;
  const origin = pattern.slice(0, -2);
  return isSiteOrigin(origin) ? origin : null;
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs registry changes one at a time, so two events cannot register the same id at once. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

const granted = (origin: string): Promise<boolean> =>
  api.permissions.contains({ origins: [originPattern(origin)] }).catch(() => false);

async function registeredOrigins(): Promise<Set<string>> {
  const scripts = await api.scripting.getRegisteredContentScripts();
  return new Set(scripts.filter((s) => s.id.startsWith(PREFIX)).map((s) => s.id.slice(PREFIX.length)));
}

async function register(origin: string): Promise<void> {
  await api.scripting.registerContentScripts([
    {
      id: scriptId(origin),
      matches: [originPattern(origin)],
      // No css: the highlight styles come with the first mark (insertHighlightStyles), not with every page.
      js: ['content.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

/** Run Backstory now in one tab (the content script ignores a second injection). */
export async function injectInto(tabId: number): Promise<void> {
  await api.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}

/** Inject into every open tab of `origin` (after the reader enabled it). */
async function injectIntoOpenTabs(origin: string): Promise<void> {
  const tabs = await api.tabs.query({ url: originPattern(origin) });
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : injectInto(tab.id).catch(() => undefined))));
}

/** Make registrations match settings.addedSites ∩ granted origins. */
export function reconcile(): Promise<void> {
  return serial(async () => {
    const read = await settingsWriter.read();
    // Unknown settings are not an empty list: unregistering every added site on a failed read
    // would lose them (the next reconcile after a good read restores the rest).
    if (!read.ok) return;
    const { addedSites } = read.settings;
    const wanted = new Set<string>();
    for (const origin of addedSites) if (await granted(origin)) wanted.add(origin);
    const registered = await registeredOrigins();
    const stale = [...registered].filter((origin) => !wanted.has(origin));
    if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale.map(scriptId) });
    for (const origin of wanted) if (!registered.has(origin)) await register(origin);
  });
}

/** The reader granted `origin`: remember it, register it, and run in its open tabs. */
export function enableSite(origin: string): Promise<{ ok: boolean; error?: string }> {
  return serial(async () => {
    if (!(await granted(origin))) return { ok: false, error: 'permission' };
    const saved = await settingsWriter.change({ op: 'addSite', origin });
    if (!saved.ok) return { ok: false, error: saved.error };
    if (!(await registeredOrigins()).has(origin)) await register(origin);
    await injectIntoOpenTabs(origin);
    return { ok: true };
  });
}

/** Forget `origin`: unregister, give the permission back, drop it from settings. */
export function removeSite(origin: string): Promise<{ ok: boolean; error?: string }> {
  return serial(async () => {
    // Settings first: a permissions.onRemoved reconcile then already sees the final list. If they
    // cannot be saved, nothing else changes either (the site stays listed, registered and granted).
    const saved = await settingsWriter.change({ op: 'removeSite', origin });
    if (!saved.ok) return { ok: false, error: saved.error };
    if ((await registeredOrigins()).has(origin)) {
      await api.scripting.unregisterContentScripts({ ids: [scriptId(origin)] });
    }
    await api.permissions.remove({ origins: [originPattern(origin)] }).catch(() => false);
    return { ok: true };
  });
}

/**
 * Origins granted through the browser's own UI (Chrome's "On this site" menu, or a permission prompt
 * whose popup closed before it could tell us, as Firefox's does) become added sites.
 */
export async function adoptGranted(patterns: readonly string[] | undefined, defaults: readonly string[]): Promise<void> {
  for (const pattern of patterns ?? []) {
    const origin = originOfPattern(pattern);
    // A default site runs from the manifest already; registering it again would inject twice.
    if (origin && !isDefaultSite(new URL(origin).hostname, defaults)) await enableSite(origin);
  }
}

/** Host patterns the manifest grants or runs on: reset keeps them (they are the default sites). */
function manifestPatterns(): Set<string> {
  return new Set([...(api.runtime.getManifest().host_permissions ?? []), ...defaultMatches()]);
}

/**
 * Options' reset: settings back to the defaults, then every added site's script unregistered and
 * every optional host access the reader granted given back, so nothing of the old state stays.
 * If the settings cannot be reset (unreadable, unwritable), nothing else is touched either.
 */
export function resetAll(): Promise<SettingsResult> {
  return serial(async () => {
    const result = await settingsWriter.change({ op: 'reset' });
    if (!result.ok) return result;
    // Reset forgets the dismissed marks too; if that write fails, the settings are still reset, and
    // options' "Clear all dismissed marks" shows the count that remains.
    const cleared = await dismissWriter.change({ op: 'clear' });
    if (!cleared.ok) console.debug('Backstory reset: dismissed marks not cleared:', cleared.error);
    try {
      const registered = [...(await registeredOrigins())];
      if (registered.length) await api.scripting.unregisterContentScripts({ ids: registered.map(scriptId) });
      const keep = manifestPatterns();
      const { origins = [] } = await api.permissions.getAll();
      const optional = origins.filter((o) => !keep.has(o));
      if (optional.length) await api.permissions.remove({ origins: optional });
    } catch (error) {
      // The settings are reset; a registration left behind is dropped by the next reconcile
      // (addedSites is empty now), which the settings change has already queued.
      console.debug('Backstory reset:', error);
    }
    return result;
  });
}
