/**
 * Site rules, pure (no browser API): what a "site" is, which sites are in the default list, which the
 * reader turned off, and on which URLs an extension can run at all.
 *
 * A site is a normalised hostname: lowercase, IDN as punycode, no trailing dot, no port, no leading
 * `www.`. Turning a site off covers that host and every subdomain of it: disabling `example.com`
 * (from `www.example.com` or `example.com`) also covers `news.example.com`, the way a reader means
 * "this site"; disabling `news.example.com` leaves `example.com` alone.
 */
import type { Settings } from './settings';

/** The longest hostname DNS allows (RFC 1035), after IDN → punycode. One limit for every list. */
export const MAX_HOST_LENGTH = 253;

/** Letters, digits, hyphens and underscores in dot-separated labels; no empty label. */
const NAME_RE = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;
/** What the WHATWG URL parser leaves of an IPv6 host: compressed, lowercase, in brackets. */
const IPV6_RE = /^\[[0-9a-f:.]+\]$/;

/**
 * The exact hostname of a host string, as URLs carry it: lowercase, IDN as punycode, IPv6 in
 * brackets, no trailing dot, no port; null if it is not a valid host. `new URL()` does the IDN
 * and IPv6 normalisation (WHATWG URL host parser). A bare IPv6 address gets its brackets.
 */
export function exactHost(host: string): string | null {
  let trimmed = host.trim();
  if (trimmed === '' || /[/\s@?#\\]/.test(trimmed)) return null;
  if (!trimmed.startsWith('[') && (trimmed.match(/:/g)?.length ?? 0) >= 2) trimmed = `[${trimmed}]`;
  let hostname: string;
  try {
    hostname = new URL(`http://${trimmed}/`).hostname;
  } catch {
    return null;
  }
  if (IPV6_RE.test(hostname)) return hostname;
  hostname = hostname.replace(/\.+$/, '');
  return hostname.length <= MAX_HOST_LENGTH && NAME_RE.test(hostname) ? hostname : null;
}

/**
 * The site key of a host: its exact form without a leading `www.`, or null if it is not a valid
 * host. The one definition every list, message and check uses (settings validation, the writer,
 * the popup, options and content scripts): ports are never part of a site.
 */
export function normalizeHost(host: string): string | null {
  const exact = exactHost(host);
  if (exact === null) return null;
  return exact.startsWith('www.') && exact.length > 4 ? exact.slice(4) : exact;
}

/** True if `value` is a site key in its normalised form (what `disabledSites` holds). */
export function isSiteKey(value: unknown): value is string {
  return typeof value === 'string' && normalizeHost(value) === value;
}

function parseHttpUrl(url: string): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
}

/** The site key (normalised host) of an http(s) URL; null for every other URL. */
export function siteKeyFromUrl(url: string): string | null {
  const parsed = parseHttpUrl(url);
  return parsed ? normalizeHost(parsed.hostname) : null;
}

/**
 * The origin Backstory registers for a user-added site: scheme and exact hostname, no port
 * (match patterns ignore ports, and `permissions.request` takes patterns). Null for non-http(s).
 */
export function siteOriginFromUrl(url: string): string | null {
  const parsed = parseHttpUrl(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return null;
  const host = exactHost(parsed.hostname);
  return host ? `${parsed.protocol}//${host}` : null;
}

/** True if `value` is an origin in the form `addedSites` holds (`https://example.org`, no port, no path). */
export function isSiteOrigin(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/[^/]+$/.test(value) && siteOriginFromUrl(value) === value;
}

/** The match pattern for an origin: `https://example.org` → `https://example.org/*`. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** True if `host` (any form) is `domain` or a subdomain of it. Both are normalised first. */
export function hostCoveredBy(host: string, domain: string): boolean {
  const h = normalizeHost(host);
  const d = normalizeHost(domain);
  if (!h || !d) return false;
  return h === d || h.endsWith(`.${d}`);
}

/** The host part of a match pattern such as `*://*.theguardian.com/*`, or null if it has none. */
function patternHost(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/([^/]+)\//.exec(pattern);
  return m?.[1] ?? null;
}

/**
 * The manifest match pattern that covers `host`, if any (`*.example.com` covers `example.com` and
 * every subdomain, as in Chrome's and Firefox's match-pattern rules; `*` covers everything).
 */
export function matchingPattern(host: string, matches: readonly string[]): string | null {
  const h = normalizeHost(host);
  if (!h) return null;
  for (const pattern of matches) {
    const ph = patternHost(pattern);
    if (ph === null) continue;
    if (ph === '*') return pattern;
    // An exact pattern host is compared in normalised form, so `www.` and bare forms are one site.
    if (ph.startsWith('*.') ? hostCoveredBy(h, ph.slice(2)) : normalizeHost(ph) === h) return pattern;
  }
  return null;
}

/** True if `host` is in the default site list given as the manifest's content-script matches. */
export function isDefaultSite(host: string, matches: readonly string[]): boolean {
  return matchingPattern(host, matches) !== null;
}

/** The `disabledSites` entry that turns `host` off, if any (itself or a parent domain). */
export function disablingEntry(settings: Pick<Settings, 'disabledSites'>, host: string): string | null {
  for (const entry of settings.disabledSites) if (hostCoveredBy(host, entry)) return entry;
  return null;
}

/** True if the reader turned Backstory off for `host` (or for a domain it belongs to). */
export function isSiteDisabled(settings: Pick<Settings, 'disabledSites'>, host: string): boolean {
  return disablingEntry(settings, host) !== null;
}

/**
 * The disabled list after switching `host` on or off. Off adds its normalised form; on removes every
 * entry that covers it (the reader asked for this page's site to run, so a parent entry must go too).
 */
export function withSiteEnabled(disabledSites: readonly string[], host: string, enabled: boolean): string[] {
  const key = normalizeHost(host);
  if (!key) return [...disabledSites];
  if (enabled) return disabledSites.filter((entry) => !hostCoveredBy(key, entry));
  return disabledSites.includes(key) ? [...disabledSites] : [...disabledSites, key];
}

/**
 * Hosts where browsers never run extension scripts (their stores and account pages).
 * Chromium: the Web Store (old and new) and Edge Add-ons; Firefox: `extensions.webextensions.restrictedDomains`.
 */
const RESTRICTED_HOSTS = [
  'chrome.google.com/webstore',
  'chromewebstore.google.com',
  'microsoftedge.microsoft.com/addons',
  'addons.mozilla.org',
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
];

/**
 * True if a content script could run on `url`: http(s) only (not browser pages, extension pages,
 * `view-source:`, `data:`, `file:`), not the browsers' stores, and not a PDF (shown by the browser's
 * built-in viewer, where content scripts do not run).
 */
export function isScriptableUrl(url: string | undefined): boolean {
  if (!url) return false;
  const parsed = parseHttpUrl(url);
  if (!parsed) return false;
  const host = parsed.hostname.replace(/\.+$/, '');
  const path = parsed.pathname.toLowerCase();
  for (const restricted of RESTRICTED_HOSTS) {
    const [rHost, rPath] = restricted.split('/', 2) as [string, string | undefined];
    if (host !== rHost) continue;
    if (rPath === undefined || path === `/${rPath}` || path.startsWith(`/${rPath}/`)) return false;
  }
  return !path.endsWith('.pdf');
}
