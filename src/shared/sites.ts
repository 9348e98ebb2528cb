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

/**
 * A hostname in its comparable form, or null if it is not a valid host.
 * `new URL()` does the IDN → punycode and lowercasing for us (WHATWG URL host parser).
 */
export function normalizeHost(host: string): string | null {
  const trimmed = host.trim();
  if (trimmed === '' || /[/\s@?#]/.test(trimmed)) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${trimmed}/`).hostname;
  } catch {
    return null;
  }
  hostname = hostname.replace(/\.+$/, '');
  if (hostname.startsWith('www.')) hostname = hostname.slice(4);
  if (hostname.startsWith('[')) return hostname; // IPv6 literal
  return hostname !== '' && /^[a-z0-9.-]+$/.test(hostname) ? hostname : null;
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
  if (!parsed) return null;
  const host = parsed.hostname.replace(/\.+$/, '');
  return host ? `${parsed.protocol}//${host}` : null;
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
