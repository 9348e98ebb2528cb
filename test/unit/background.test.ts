import { beforeEach, describe, expect, it, vi } from 'vitest';

// A fake browser: storage, permissions, the content-script registry, tabs and the action badge.
const fake = vi.hoisted(() => {
  const state = {
    storage: {} as Record<string, unknown>,
    granted: new Set<string>(),
    registered: new Map<string, { matches: string[] }>(),
    injected: [] as number[],
    badge: new Map<number, string>(),
    tabs: [] as { id: number; url: string }[],
    failGet: false,
  };
  const api = {
    runtime: {
      id: 'ext',
      getURL: (p: string) => `chrome-extension://ext/${p}`,
      getManifest: () => ({ host_permissions: ['*://*.theguardian.com/*'], content_scripts: [{ matches: ['*://*.theguardian.com/*'] }] }),
    },
    storage: {
      local: {
        get: async (k: string) => {
          if (state.failGet) throw new Error('storage unavailable');
          return k in state.storage ? { [k]: structuredClone(state.storage[k]) } : {};
        },
        set: async (items: Record<string, unknown>) => void Object.assign(state.storage, structuredClone(items)),
      },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)),
      remove: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.delete(o)),
      getAll: async () => ({ origins: [...state.granted] }),
    },
    scripting: {
      getRegisteredContentScripts: async () => [...state.registered.keys()].map((id) => ({ id })),
      registerContentScripts: async (scripts: { id: string; matches: string[] }[]) => {
        for (const s of scripts) {
          if (state.registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          state.registered.set(s.id, { matches: s.matches });
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => ids.forEach((id) => state.registered.delete(id)),
      insertCSS: async () => undefined,
      executeScript: async ({ target }: { target: { tabId: number } }) => void state.injected.push(target.tabId),
    },
    tabs: {
      query: async ({ url }: { url?: string }) =>
        state.tabs.filter((t) => !url || t.url.startsWith(url.replace(/\*$/, ''))),
    },
    action: {
      setBadgeText: async ({ tabId, text }: { tabId: number; text: string }) => void state.badge.set(tabId, text),
      setBadgeBackgroundColor: async () => undefined,
      setBadgeTextColor: async () => undefined,
    },
  };
  return { state, api };
});
vi.mock('../../src/shared/browser', () => ({ api: fake.api }));

import { badgeText, setBadge } from '../../src/background/badge';
import { backgroundHandlers } from '../../src/background/handlers';
import { enableSite, originOfPattern, reconcile, removeSite } from '../../src/background/site-scripts';
import { defaultSettings, loadSettings, readSettings } from '../../src/shared/settings';
import { isSiteOrigin, siteKeyFromUrl } from '../../src/shared/sites';

const { state } = fake;
beforeEach(() => {
  state.storage = {};
  state.granted = new Set();
  state.registered = new Map();
  state.injected = [];
  state.badge = new Map();
  state.tabs = [];
  state.failGet = false;
});

describe('badge', () => {
  it.each<[unknown, string]>([
    [{ microsoft: 2, azure: 1, 'unit-8200': 0 }, '3'],
    [{ microsoft: 0, azure: 0, 'unit-8200': 0 }, ''],
    [{ microsoft: 5000 }, '999+'],
    [{ microsoft: -3, azure: 1.5, 'unit-8200': '4' }, ''],
    [null, ''],
    ['7', ''],
  ])('%j → %j', (counts, text) => {
    expect(badgeText(counts)).toBe(text);
  });

  it('is set per tab', async () => {
    await setBadge(4, { microsoft: 1, azure: 0, 'unit-8200': 1 });
    await setBadge(5, null);
    expect(state.badge.get(4)).toBe('2');
    expect(state.badge.get(5)).toBe('');
  });
});

describe('site origins', () => {
  it.each<[unknown, boolean]>([
    ['https://example.org', true],
    ['http://news.example.org', true],
    ['https://example.org/', false],
    ['https://example.org:8080', false],
    ['https://example.org.', false],
    ['https://Example.org', false],
    ['http://[::1]', true],
    ['http://[0:0:0:0:0:0:0:1]', false],
    ['https://xn--bcher-kva.example', true],
    ['https://bücher.example', false],
    [`https://${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, true],
    [`https://${'a'.repeat(250)}.com`, false],
    ['https://user@example.org', false],
    ['file:///x', false],
    ['*://*/*', false],
    [42, false],
  ])('isSiteOrigin(%j) → %s', (value, ok) => {
    expect(isSiteOrigin(value)).toBe(ok);
  });

  it.each([
    ['https://example.org/*', 'https://example.org'],
    ['http://[::1]/*', 'http://[::1]'],
    ['*://*/*', null],
    ['*://*.example.org/*', null],
    ['https://example.org/path/*', null],
  ])('originOfPattern(%s) → %s', (pattern, origin) => {
    expect(originOfPattern(pattern)).toBe(origin);
  });
});

describe('per-site registration', () => {
  it('enableSite refuses without the permission', async () => {
    expect(await enableSite('https://example.org')).toEqual({ ok: false, error: 'permission' });
    expect(state.registered.size).toBe(0);
  });

  it('enableSite stores, registers once and injects into open tabs of that origin', async () => {
    state.granted.add('https://example.org/*');
    state.tabs = [
      { id: 1, url: 'https://example.org/a' },
      { id: 2, url: 'https://other.org/' },
    ];
    expect(await enableSite('https://example.org')).toEqual({ ok: true });
    expect(await enableSite('https://example.org')).toEqual({ ok: true });
    expect([...state.registered.entries()]).toEqual([['site:https://example.org', { matches: ['https://example.org/*'] }]]);
    expect((await readSettings()).addedSites).toEqual(['https://example.org']);
    expect(state.injected).toEqual([1, 1]);
  });

  it('removeSite unregisters, gives the permission back and forgets the site', async () => {
    state.granted.add('https://example.org/*');
    await enableSite('https://example.org');
    expect(await removeSite('https://example.org')).toEqual({ ok: true });
    expect(state.registered.size).toBe(0);
    expect(state.granted.has('https://example.org/*')).toBe(false);
    expect((await readSettings()).addedSites).toEqual([]);
  });

  it('reconcile restores lost registrations and drops revoked or forgotten ones', async () => {
    state.storage.settings = { schemaVersion: 1, addedSites: ['https://a.org', 'https://revoked.org'] };
    state.granted.add('https://a.org/*');
    state.registered.set('site:https://revoked.org', { matches: ['https://revoked.org/*'] });
    state.registered.set('site:https://forgotten.org', { matches: ['https://forgotten.org/*'] });
    state.registered.set('other-script', { matches: [] });
    await reconcile();
    expect([...state.registered.keys()].sort()).toEqual(['other-script', 'site:https://a.org']);
    // A revoked site stays in the list: the popup offers "Grant access" for it.
    expect((await readSettings()).addedSites).toEqual(['https://a.org', 'https://revoked.org']);
  });

  it('concurrent calls do not register the same id twice', async () => {
    state.granted.add('https://a.org/*');
    await Promise.all([enableSite('https://a.org'), reconcile(), reconcile(), enableSite('https://a.org')]);
    expect([...state.registered.keys()]).toEqual(['site:https://a.org']);
  });
});

describe('settings through the background (one writer)', () => {
  const PAGE = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
  const tab = (url: string, frameId = 0) => ({ id: 'ext', url, tab: { id: 3 }, frameId });
  const change = (c: unknown, sender: object) => backgroundHandlers.changeSettings({ change: c }, sender as never);

  it('a failed read makes reconcile do nothing (it used to unregister every added site)', async () => {
    state.storage.settings = { schemaVersion: 1, addedSites: ['https://a.org', 'https://b.org'] };
    state.granted.add('https://a.org/*').add('https://b.org/*');
    await reconcile();
    expect(state.registered.size).toBe(2);
    state.failGet = true;
    await reconcile();
    expect([...state.registered.keys()].sort()).toEqual(['site:https://a.org', 'site:https://b.org']);
  });

  it('enableSite and removeSite change nothing when settings cannot be read', async () => {
    state.storage.settings = { schemaVersion: 1, addedSites: ['https://a.org'] };
    state.granted.add('https://a.org/*').add('https://new.org/*');
    await reconcile();
    state.failGet = true;
    expect(await enableSite('https://new.org')).toEqual({ ok: false, error: 'unreadable' });
    expect(await removeSite('https://a.org')).toEqual({ ok: false, error: 'unreadable' });
    expect([...state.registered.keys()]).toEqual(['site:https://a.org']);
    expect(state.granted.has('https://a.org/*')).toBe(true);
    state.failGet = false;
    expect((await readSettings()).addedSites).toEqual(['https://a.org']);
  });

  it('turning an IPv6 site off is saved (one of the old validators rejected it)', async () => {
    expect(await change({ op: 'setSiteEnabled', site: '[::1]', on: false }, PAGE)).toMatchObject({ ok: true });
    expect((await loadSettings()).disabledSites).toEqual(['[::1]']);
  });

  it('a content script may only turn its own site off or back on; pages of ours may change anything', async () => {
    const own = tab('https://www.theguardian.com/world/x');
    expect(await change({ op: 'setSiteEnabled', site: 'theguardian.com', on: false }, own)).toMatchObject({ ok: true });
    // Its own site back on (the card's Undo) is allowed too, and is undone again for the checks below.
    expect(await change({ op: 'setSiteEnabled', site: 'theguardian.com', on: true }, own)).toMatchObject({ ok: true });
    expect((await loadSettings()).disabledSites).toEqual([]);
    expect(await change({ op: 'setSiteEnabled', site: 'theguardian.com', on: false }, own)).toMatchObject({ ok: true });
    for (const c of [
      { op: 'setSiteEnabled', site: 'bbc.com', on: true },
      { op: 'setSiteEnabled', site: 'bbc.com', on: false },
      { op: 'set', field: 'mode', value: 'off' },
      { op: 'reset' },
    ]) {
      expect(await change(c, own), JSON.stringify(c)).toMatchObject({ ok: false, error: 'invalid' });
    }
    // A subframe or a foreign extension gets nothing.
    expect(await change({ op: 'setSiteEnabled', site: 'theguardian.com', on: false }, tab('https://www.theguardian.com/', 2))).toMatchObject({ ok: false });
    expect(await change({ op: 'set', field: 'mode', value: 'off' }, { ...PAGE, url: 'chrome-extension://other/popup.html' })).toMatchObject({ ok: false });
    expect((await loadSettings()).mode).toBe(defaultSettings().mode);
    expect((await loadSettings()).disabledSites).toEqual(['theguardian.com']);
    expect(await change({ op: 'set', field: 'mode', value: 'off' }, PAGE)).toMatchObject({ ok: true });
    expect((await loadSettings()).mode).toBe('off');
  });

  it.each([
    // The sender's URL as the browser reports it (IDN as punycode); the site as content.ts computes it from location.href.
    ['IPv4 with a port', 'https://192.168.1.20:8443/news/x', '192.168.1.20'],
    ['IPv6 with a port', 'http://[::1]:8080/x', '[::1]'],
    ['IDN with www.', 'https://www.xn--bcher-kva.example/x', 'xn--bcher-kva.example'],
    ['IDN subdomain of a default site', 'https://xn--bcher-kva.theguardian.com/x', 'xn--bcher-kva.theguardian.com'],
  ])('a content script on an %s host turns its own site off and on, and nothing else', async (_kind, url, site) => {
    expect(siteKeyFromUrl(url)).toBe(site);
    const own = tab(url);
    expect(await change({ op: 'setSiteEnabled', site, on: false }, own)).toMatchObject({ ok: true });
    expect((await loadSettings()).disabledSites).toEqual([site]);
    // Another form of another site, or the parent of its own, is refused.
    for (const other of ['192.168.1.21', '[::2]', 'xn--bcher-kva.example.org', 'theguardian.com']) {
      if (other === site) continue;
      expect(await change({ op: 'setSiteEnabled', site: other, on: false }, own), other).toMatchObject({ ok: false, error: 'invalid' });
    }
    expect(await change({ op: 'setSiteEnabled', site, on: true }, own)).toMatchObject({ ok: true });
    expect((await loadSettings()).disabledSites).toEqual([]);
  });

  it('getSettings answers our pages only, and says "unreadable" instead of giving defaults', async () => {
    state.storage.settings = { schemaVersion: 1, mode: 'first' };
    expect(await backgroundHandlers.getSettings({}, PAGE as never)).toMatchObject({ ok: true, settings: { mode: 'first' } });
    expect(await backgroundHandlers.getSettings({}, tab('https://www.theguardian.com/') as never)).toMatchObject({ ok: false });
    state.failGet = true;
    expect(await backgroundHandlers.getSettings({}, PAGE as never)).toEqual({ ok: false, error: 'unreadable', settings: null });
  });

  it('reset also unregisters added sites and gives back optional host access, keeping the default sites', async () => {
    state.granted.add('https://a.org/*').add('*://*.theguardian.com/*').add('https://stray.org/*');
    await enableSite('https://a.org');
    state.storage.settings = { ...(state.storage.settings as object), mode: 'off', disabledSites: ['x.org'] };
    expect(await change({ op: 'reset' }, PAGE)).toMatchObject({ ok: true });
    expect(await readSettings()).toEqual(defaultSettings());
    expect(state.registered.size).toBe(0);
    expect([...state.granted]).toEqual(['*://*.theguardian.com/*']);
  });

  it('reset changes nothing at all when settings cannot be read', async () => {
    state.granted.add('https://a.org/*');
    await enableSite('https://a.org');
    state.failGet = true;
    expect(await change({ op: 'reset' }, PAGE)).toEqual({ ok: false, error: 'unreadable', settings: null });
    expect(state.registered.size).toBe(1);
    expect(state.granted.has('https://a.org/*')).toBe(true);
  });
});
