/**
 * The one module that touches the WebExtension API. Everything else imports `api` from here, so
 * there is a single seam for tests and one place that knows about browser differences.
 *
 * webextension-polyfill is a no-op where a promise-based `browser` already exists (Firefox,
 * Chrome 148+), and wraps `chrome.*` on older Chromium (our minimum is 121).
 */
import browser from 'webextension-polyfill';

export type { Browser, Runtime, Tabs, Storage, Permissions, Scripting } from 'webextension-polyfill';

export const api = browser;
