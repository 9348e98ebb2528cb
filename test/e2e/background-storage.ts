/**
 * Failure injection in the extension's own background context, with no test-only code in the
 * extension: the test reaches the real background (Chromium: the service worker through the
 * DevTools protocol; Firefox: the event page through `runtime.getBackgroundPage()` from an extension
 * page) and replaces `storage.local.get` there, the way a failing profile database would behave.
 * Popup, options and content scripts keep their own working storage objects.
 */
import type { Session } from './harness';

// Both run with `g` = the background's global object. Extension CSP forbids eval there, so the
// code is evaluated by the automation protocol (Chromium) or from an extension page holding the
// background window (Firefox), never by the extension itself.
const BREAK = `
  const local = (g.browser ?? g.chrome).storage.local;
  if (!g.__backstoryRealGet) g.__backstoryRealGet = local.get;
  local.get = () => Promise.reject(new Error('IO error: injected by the test'));
  return true;`;

const RESTORE = `
  const local = (g.browser ?? g.chrome).storage.local;
  if (g.__backstoryRealGet) local.get = g.__backstoryRealGet;
  return true;`;

async function inBackground<T = void>(session: Session, body: string): Promise<T> {
  if (session.name === 'chromium') {
    const target = session.browser.targets().find((t) => t.type() === 'service_worker' && t.url().endsWith('/background.js'));
    const worker = await target?.worker();
    if (!worker) throw new Error('no background service worker');
    return (await worker.evaluate(`((g) => {${body}})(globalThis)`)) as T;
  }
  return session.inExtension<T>(`
    const g = await browser.runtime.getBackgroundPage();
    ${body}`);
}

/**
 * Record the files the background injects into tabs from now on (`scripting.executeScript`), as
 * `tabId:file` entries in order: which bundles a page was given. Wraps the API in the background itself.
 */
export const recordInjections = (session: Session): Promise<void> =>
  inBackground(
    session,
    `g.__injected = [];
    for (const api of new Set([g.browser, g.chrome].filter(Boolean))) {
      const scripting = api.scripting;
      if (!scripting || scripting.__recording) continue;
      const real = scripting.executeScript;
      scripting.executeScript = function (details, ...rest) {
        for (const file of details?.files ?? []) g.__injected.push(details.target.tabId + ':' + file);
        return real.call(this, details, ...rest);
      };
      scripting.__recording = true;
    }
    return undefined;`,
  );

/** What `recordInjections` saw so far. */
export const injections = (session: Session): Promise<string[]> => inBackground<string[]>(session, 'return [...(g.__injected ?? [])];');

/** Make every `storage.local.get` in the background reject until `restoreStorageGet`. */
export const breakStorageGet = (session: Session): Promise<void> => inBackground(session, BREAK);
export const restoreStorageGet = (session: Session): Promise<void> => inBackground(session, RESTORE);

/** Start counting `storage.onChanged` events for the settings key (seen from an extension page). */
export function countSettingsWrites(session: Session): Promise<void> {
  return session.inExtension(`
    globalThis.__settingsWrites = 0;
    if (!globalThis.__settingsWatch) {
      globalThis.__settingsWatch = true;
      api.storage.onChanged.addListener((changes, area) => {
        if (area === 'local' && 'settings' in changes) globalThis.__settingsWrites++;
      });
    }
    return true;`);
}

export const settingsWrites = (session: Session): Promise<number> => session.inExtension(`return globalThis.__settingsWrites;`);

/** The stored settings object as it is in storage.local (read from an extension page). */
export const storedSettings = <T>(session: Session): Promise<T> =>
  session.inExtension(`return (await api.storage.local.get('settings')).settings ?? null;`);
