import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json';
import {
  hostCoveredBy,
  isDefaultSite,
  isScriptableUrl,
  isSiteDisabled,
  isSiteKey,
  matchingPattern,
  normalizeHost,
  originPattern,
  siteKeyFromUrl,
  siteOriginFromUrl,
  withSiteEnabled,
} from '../../src/shared/sites';

const MATCHES = manifest.content_scripts[0]?.matches ?? [];

describe('normalizeHost', () => {
  it.each([
    ['example.com', 'example.com'],
    ['www.example.com', 'example.com'],
    ['WWW.Example.COM', 'example.com'],
    ['example.com.', 'example.com'],
    ['www.example.com.', 'example.com'],
    ['news.example.com', 'news.example.com'],
    ['example.com:8443', 'example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['www.bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['www.מקור.ישראל', 'xn--9dbr1af.xn--4dbrk0ce'],
    ['wwwexample.com', 'wwwexample.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['127.0.0.1:8080', '127.0.0.1'],
    ['  example.com  ', 'example.com'],
    ['[::1]', '[::1]'],
    ['::1', '[::1]'],
    ['[::1]:8443', '[::1]'],
    ['[2001:DB8:0:0:0:0:0:1]', '[2001:db8::1]'],
    ['my_host.example', 'my_host.example'],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`],
  ])('%s → %s', (input, expected) => {
    expect(normalizeHost(input)).toBe(expected);
  });

  it.each(['', ' ', 'a b', 'user@example.com', 'example.com/path', 'exa mple.com', 'http://example.com', 'a..b', '.example.com', `${'a'.repeat(250)}.com`, '[::1', '[zz::1]'])(
    'rejects %j',
    (input) => {
      expect(normalizeHost(input)).toBeNull();
    },
  );
});

describe('isSiteKey: one definition for every list and message', () => {
  it.each<[unknown, boolean]>([
    ['example.com', true],
    ['[::1]', true],
    ['xn--bcher-kva.example', true],
    ['www.example.com', false],
    ['Example.com', false],
    ['example.com.', false],
    ['example.com:80', false],
    ['bücher.example', false],
    ['::1', false],
    [`${'a'.repeat(250)}.com`, false],
    [42, false],
  ])('%j → %s', (value, ok) => {
    expect(isSiteKey(value)).toBe(ok);
  });

  it('every site key of a URL is a site key, and a site key is its own normal form', () => {
    for (const url of ['https://WWW.Bücher.example.:8443/x', 'http://[::1]:8080/', 'https://127.0.0.1/', 'https://a_b.example/']) {
      const key = siteKeyFromUrl(url);
      expect(isSiteKey(key), url).toBe(true);
      expect(normalizeHost(key ?? ''), url).toBe(key);
    }
  });
});

describe('siteKeyFromUrl', () => {
  it.each([
    ['https://www.theguardian.com/world/2025/aug/06/x', 'theguardian.com'],
    ['http://theguardian.com/', 'theguardian.com'],
    ['https://WWW.TheGuardian.com./x', 'theguardian.com'],
    ['https://www.theguardian.com:8443/x', 'theguardian.com'],
    ['https://edition.cnn.com/x', 'edition.cnn.com'],
    ['https://bücher.example/x', 'xn--bcher-kva.example'],
    ['http://[::1]:8080/x', '[::1]'],
    ['chrome://extensions/', null],
    ['about:blank', null],
    ['moz-extension://abc/popup.html', null],
    ['chrome-extension://abc/popup.html', null],
    ['view-source:https://example.com/', null],
    ['file:///tmp/a.html', null],
    ['data:text/html,hi', null],
    ['not a url', null],
    ['', null],
  ])('%s → %s', (url, expected) => {
    expect(siteKeyFromUrl(url)).toBe(expected);
  });
});

describe('siteOriginFromUrl and originPattern', () => {
  it.each([
    ['https://www.example.org/a?b#c', 'https://www.example.org'],
    ['https://example.org:8443/a', 'https://example.org'],
    ['http://Example.org./', 'http://example.org'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example'],
    ['http://[::1]:8080/', 'http://[::1]'],
    ['https://user:pw@example.org/', null],
    ['ftp://example.org/', null],
    ['chrome://newtab', null],
  ])('%s → %s', (url, expected) => {
    expect(siteOriginFromUrl(url)).toBe(expected);
  });
  it('adds the path wildcard', () => {
    expect(originPattern('https://example.org')).toBe('https://example.org/*');
  });
});

describe('isDefaultSite (manifest content-script matches)', () => {
  it.each([
    ['theguardian.com', true],
    ['www.theguardian.com', true],
    ['WWW.THEGUARDIAN.COM', true],
    ['theguardian.com.', true],
    ['amp.theguardian.com', true],
    ['theguardian.com:443', true],
    ['bbc.co.uk', true],
    ['www.bbc.co.uk', true],
    ['edition.cnn.com', true],
    ['aljazeera.net', true],
    ['notguardian.com', false],
    ['theguardian.com.evil.example', false],
    ['theguardian.co', false],
    ['example.com', false],
    ['co.uk', false],
    ['', false],
  ])('%s → %s', (host, expected) => {
    expect(isDefaultSite(host, MATCHES)).toBe(expected);
  });

  it('returns the pattern that covers the host (for re-granting revoked access)', () => {
    expect(matchingPattern('www.theguardian.com', MATCHES)).toBe('*://*.theguardian.com/*');
    expect(matchingPattern('example.com', MATCHES)).toBeNull();
  });

  it.each([
    ['*://example.com/*', 'www.example.com', true],
    ['*://www.example.com/*', 'example.com', true],
    ['https://example.com/*', 'news.example.com', false],
    ['*://*/*', 'anything.example', true],
    ['<all_urls>', 'example.com', false],
  ])('pattern %s, host %s → %s', (pattern, host, expected) => {
    expect(isDefaultSite(host, [pattern])).toBe(expected);
  });

  it('every manifest match is a host wildcard pattern this module understands', () => {
    expect(MATCHES.length).toBeGreaterThan(20);
    for (const pattern of MATCHES) {
      const host = /^\*:\/\/\*\.([^/]+)\/\*$/.exec(pattern)?.[1];
      expect(host, pattern).toBeTruthy();
      expect(isDefaultSite(`www.${host ?? ''}`, MATCHES), pattern).toBe(true);
    }
  });
});

describe('isSiteDisabled: a disabled domain covers www and subdomains', () => {
  const settings = { disabledSites: ['example.com', 'news.example.org', 'xn--bcher-kva.example'] };
  it.each([
    ['example.com', true],
    ['www.example.com', true],
    ['WWW.EXAMPLE.COM.', true],
    ['example.com:8080', true],
    ['news.example.com', true],
    ['a.b.example.com', true],
    ['notexample.com', false],
    ['example.com.evil.test', false],
    ['news.example.org', true],
    ['www.news.example.org', true],
    ['example.org', false],
    ['sport.example.org', false],
    ['bücher.example', true],
    ['www.bücher.example', true],
  ])('%s → %s', (host, expected) => {
    expect(isSiteDisabled(settings, host)).toBe(expected);
  });

  it('is false for an empty list and for invalid hosts', () => {
    expect(isSiteDisabled({ disabledSites: [] }, 'example.com')).toBe(false);
    expect(isSiteDisabled(settings, 'not a host')).toBe(false);
  });

  it('hostCoveredBy is not a plain suffix test', () => {
    expect(hostCoveredBy('badexample.com', 'example.com')).toBe(false);
    expect(hostCoveredBy('a.example.com', 'example.com')).toBe(true);
  });
});

describe('withSiteEnabled', () => {
  it.each<[string[], string, boolean, string[]]>([
    [[], 'www.example.com', false, ['example.com']],
    [['example.com'], 'example.com', false, ['example.com']],
    [['example.com'], 'www.example.com', true, []],
    [['example.com', 'other.org'], 'news.example.com', true, ['other.org']],
    [['news.example.com'], 'example.com', true, ['news.example.com']],
    [['a.org'], 'not a host', false, ['a.org']],
  ])('%j + %s on=%s → %j', (list, host, enabled, expected) => {
    expect(withSiteEnabled(list, host, enabled)).toEqual(expected);
  });
});

describe('isScriptableUrl', () => {
  it.each([
    ['https://www.theguardian.com/world/x', true],
    ['http://example.org/', true],
    ['https://example.org/report.pdf?x=1', false],
    ['https://example.org/REPORT.PDF', false],
    ['https://example.org/pdf-guide', true],
    ['chrome://extensions', false],
    ['chrome://newtab/', false],
    ['edge://settings', false],
    ['about:blank', false],
    ['about:addons', false],
    ['moz-extension://x/popup.html', false],
    ['chrome-extension://x/popup.html', false],
    ['view-source:https://example.org/', false],
    ['file:///home/a.pdf', false],
    ['file:///home/a.html', false],
    ['data:text/html,x', false],
    ['javascript:alert(1)', false],
    ['https://chromewebstore.google.com/detail/x', false],
    ['https://chrome.google.com/webstore/detail/x', false],
    ['https://chrome.google.com/search', true],
    ['https://addons.mozilla.org/en-US/firefox/', false],
    ['https://support.mozilla.org/', false],
    ['https://microsoftedge.microsoft.com/addons/detail/x', false],
    ['https://www.microsoft.com/', true],
    ['', false],
    [undefined, false],
  ])('%s → %s', (url, expected) => {
    expect(isScriptableUrl(url)).toBe(expected);
  });
});
