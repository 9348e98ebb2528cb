/**
 * The dismissed marks through the background's message handlers, over a fake browser: who may change
 * what (a page's content script: "dismiss" on its own site only), who may read them, and Reset.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const state = { storage: {} as Record<string, unknown>, failGet: false, granted: new Set<string>() };
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
      contains: async () => false,
      remove: async () => true,
      getAll: async () => ({ origins: [...state.granted] }),
    },
    scripting: {
      getRegisteredContentScripts: async () => [],
      registerContentScripts: async () => undefined,
      unregisterContentScripts: async () => undefined,
    },
    tabs: { query: async () => [] },
  };
  return { state, api };
});
vi.mock('../../src/shared/browser', () => ({ api: fake.api }));

import { backgroundHandlers } from '../../src/background/handlers';

const { state } = fake;
const H = (n: number) => n.toString(16).padStart(16, '0');
const PAGE = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const tab = (url: string, frameId = 0) => ({ id: 'ext', url, tab: { id: 3 }, frameId });
const change = (c: unknown, sender: object) => backgroundHandlers.changeDismissed({ change: c }, sender as never);
const read = () => backgroundHandlers.getDismissed({}, PAGE as never);
const dismiss = (site: string, hash = 1) => ({ op: 'dismiss', site, entity: 'azure', hash: H(hash) });

beforeEach(() => {
  state.storage = {};
  state.failGet = false;
});

describe('dismissed marks through the background', () => {
  it("a content script may dismiss on its own page's site only, and never undo or clear", async () => {
    const own = tab('https://www.theguardian.com/world/x');
    expect(await change(dismiss('theguardian.com'), own)).toMatchObject({ ok: true });
    for (const c of [
      dismiss('bbc.com'),
      dismiss('sub.theguardian.com'),
      { op: 'undo', site: 'theguardian.com', entity: 'azure', hash: H(1) },
      { op: 'clear' },
    ]) {
      expect(await change(c, own), JSON.stringify(c)).toMatchObject({ ok: false, error: 'invalid' });
    }
    // A subframe, a foreign extension's page: nothing.
    expect(await change(dismiss('theguardian.com', 2), tab('https://www.theguardian.com/', 2))).toMatchObject({ ok: false });
    expect(await change({ op: 'clear' }, { ...PAGE, url: 'chrome-extension://other/popup.html' })).toMatchObject({ ok: false });
    const now = await read();
    expect(now.ok && Object.keys(now.dismissed)).toEqual(['theguardian.com']);
    expect(now.ok && now.dismissed['theguardian.com']?.map((e) => e.hash)).toEqual([H(1)]);
  });

  it('our pages may undo and clear; malformed changes are refused', async () => {
    await change(dismiss('bbc.com', 1), PAGE);
    await change(dismiss('bbc.com', 2), PAGE);
    expect(await change({ op: 'undo', site: 'bbc.com', entity: 'azure', hash: H(1) }, PAGE)).toMatchObject({ ok: true });
    const after = await read();
    expect(after.ok && after.dismissed['bbc.com']?.map((e) => e.hash)).toEqual([H(2)]);
    expect(await change({ op: 'dismiss', site: 'bbc.com', entity: 'azure', hash: 'nothex' }, PAGE)).toMatchObject({ ok: false, error: 'invalid' });
    expect(await change({ op: 'clear' }, PAGE)).toEqual({ ok: true, dismissed: {} });
  });

  it('getDismissed answers our pages only, and says "unreadable" instead of "none"', async () => {
    await change(dismiss('bbc.com'), PAGE);
    expect(await backgroundHandlers.getDismissed({}, tab('https://www.bbc.com/') as never)).toMatchObject({ ok: false, error: 'invalid' });
    state.failGet = true;
    expect(await read()).toEqual({ ok: false, error: 'unreadable', dismissed: null });
    expect(await change(dismiss('bbc.com', 2), PAGE)).toEqual({ ok: false, error: 'unreadable', dismissed: null });
    state.failGet = false;
    const back = await read();
    expect(back.ok && back.dismissed['bbc.com']).toHaveLength(1);
  });

  it('Reset clears the dismissed marks with the settings; an unreadable Reset clears nothing', async () => {
    await change(dismiss('bbc.com'), PAGE);
    state.failGet = true;
    expect(await backgroundHandlers.changeSettings({ change: { op: 'reset' } }, PAGE as never)).toMatchObject({ ok: false });
    state.failGet = false;
    expect((await read()).dismissed).not.toEqual({});
    expect(await backgroundHandlers.changeSettings({ change: { op: 'reset' } }, PAGE as never)).toMatchObject({ ok: true });
    expect(await read()).toEqual({ ok: true, dismissed: {} });
  });

  it('corrupt stored dismissals read as none and leave the settings working', async () => {
    state.storage.dismissed = { version: 1, sites: { 'bbc.com': [{ entity: 'azure', hash: 5, at: 'x' }] } };
    state.storage.settings = { schemaVersion: 2, mode: 'first' };
    expect(await read()).toEqual({ ok: true, dismissed: {} });
    expect(await backgroundHandlers.getSettings({}, PAGE as never)).toMatchObject({ ok: true, settings: { mode: 'first' } });
    expect(await change(dismiss('bbc.com'), PAGE)).toMatchObject({ ok: true });
  });
});
