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
  };
  const api = {
    runtime: { id: 'ext', getURL: (p: string) => `chrome-extension://ext/${p}` },
    storage: {
      local: {
        get: async (k: string) => (k in state.storage ? { [k]: structuredClone(state.storage[k]) } : {}),
        set: async (items: Record<string, unknown>) => void Object.assign(state.storage, structuredClone(items)),
      },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.has(o)),
      remove: async ({ origins }: { origins: string[] }) => origins.every((o) => state.granted.delete(o)),
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
import { enableSite, originOfPattern, reconcile, removeSite } from '../../src/background/site-scripts';
import { loadSettings } from '../../src/shared/settings';
import { isSiteOrigin } from '../../src/shared/sites';

const { state } = fake;
beforeEach(() => {
  state.storage = {};
  state.granted = new Set();
  state.registered = new Map();
  state.injected = [];
  state.badge = new Map();
  state.tabs = [];
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
    expect((await loadSettings()).addedSites).toEqual(['https://example.org']);
    expect(state.injected).toEqual([1, 1]);
  });

  it('removeSite unregisters, gives the permission back and forgets the site', async () => {
    state.granted.add('https://example.org/*');
    await enableSite('https://example.org');
    expect(await removeSite('https://example.org')).toEqual({ ok: true });
    expect(state.registered.size).toBe(0);
    expect(state.granted.has('https://example.org/*')).toBe(false);
    expect((await loadSettings()).addedSites).toEqual([]);
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
    expect((await loadSettings()).addedSites).toEqual(['https://a.org', 'https://revoked.org']);
  });

  it('concurrent calls do not register the same id twice', async () => {
    state.granted.add('https://a.org/*');
    await Promise.all([enableSite('https://a.org'), reconcile(), reconcile(), enableSite('https://a.org')]);
    expect([...state.registered.keys()]).toEqual(['site:https://a.org']);
  });
});
