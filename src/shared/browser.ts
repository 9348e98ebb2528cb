/**
 * The one module that touches the WebExtension API. Everything else imports `api` from here, so
 * there is a single seam for tests and one place that knows about browser differences.
 *
 * webextension-polyfill is a no-op where a promise-based `browser` already exists: Firefox, and Chromium from
 * 148, our minimum (manifest.json). The content script's build swaps it for the native `browser` (build.mjs
 * `nativeBrowserPlugin`), so pages do not load code that does nothing there.
 */
import browser from 'webextension-polyfill';

export type { Browser, Runtime, Tabs, Storage, Permissions, Scripting } from 'webextension-polyfill';

export const api = browser;
