/**
 * Fuzzing the two ways data enters the extension from outside its code: storage (settings) and
 * messages. Thousands of random and hostile values from a seeded PRNG (a failure prints its seed
 * and case number, so it replays): wrong types, huge strings, nested and cyclic-free deep objects,
 * `__proto__` keys, null-prototype objects, NaN/Infinity, arrays in place of objects.
 *
 * Settings: every input gives a valid Settings and never throws. Messages: `isTrustedEnvelope`,
 * `handle()` and the background handlers reject or default every wrong type and wrong sender, never
 * throw, and do nothing privileged for a sender that may not ask.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { prng } from './prng';

// One fake WebExtension API for settings.ts, messages.ts and the background handlers.
const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const listeners: ((message: unknown, sender: unknown) => unknown)[] = [];
  const state = { stored: {} as Record<string, unknown>, failGet: false };
  const log =
    (name: string, result: unknown = undefined) =>
    async (...args: unknown[]) => {
      calls.push(`${name} ${JSON.stringify(args)?.slice(0, 200)}`);
      return result;
    };
  const api = {
    runtime: {
      id: 'backstory@test',
      getURL: (path: string) => `chrome-extension://backstory-id/${path}`,
      getManifest: () => ({ content_scripts: [{ matches: ['*://*.theguardian.com/*'] }] }),
      openOptionsPage: log('runtime.openOptionsPage'),
      sendMessage: log('runtime.sendMessage'),
      onMessage: {
        addListener: (fn: (message: unknown, sender: unknown) => unknown) => listeners.push(fn),
        removeListener: (fn: (message: unknown, sender: unknown) => unknown) => {
          const i = listeners.indexOf(fn);
          if (i >= 0) listeners.splice(i, 1);
        },
      },
    },
    storage: {
      local: {
        get: async (key: string) => {
          if (state.failGet) throw new Error('storage unavailable');
          return key in state.stored ? { [key]: state.stored[key] } : {};
        },
        set: async (items: Record<string, unknown>) => {
          calls.push(`storage.local.set ${JSON.stringify(items).slice(0, 200)}`);
          Object.assign(state.stored, structuredClone(items));
        },
      },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    action: {
      setBadgeText: log('action.setBadgeText'),
      setBadgeBackgroundColor: log('action.setBadgeBackgroundColor'),
      setBadgeTextColor: log('action.setBadgeTextColor'),
    },
    scripting: {
      executeScript: log('scripting.executeScript', [{ result: undefined }]),
      insertCSS: log('scripting.insertCSS'),
      registerContentScripts: log('scripting.registerContentScripts'),
      unregisterContentScripts: log('scripting.unregisterContentScripts'),
      getRegisteredContentScripts: log('scripting.getRegisteredContentScripts', []),
    },
    permissions: {
      contains: log('permissions.contains', true),
      remove: log('permissions.remove', true),
      getAll: log('permissions.getAll', { origins: ['*://*.theguardian.com/*', 'https://example.org/*'] }),
    },
    tabs: {
      query: log('tabs.query', []),
      sendMessage: log('tabs.sendMessage'),
    },
  };
  return { api, calls, listeners, state };
});
vi.mock('../../src/shared/browser', () => ({ api: fake.api }));

import { ENTITY_IDS } from '../../src/data/types';
import { backgroundHandlers, parseCounts } from '../../src/background/handlers';
import { handle, isTrustedEnvelope } from '../../src/shared/messages';
import {
  HIGHLIGHT_STYLES,
  MAX_SITES,
  MODES,
  SCHEMA_VERSION,
  STORAGE_KEY,
  loadSettings,
  validateSettings,
  type Settings,
} from '../../src/shared/settings';
import { isSiteKey, isSiteOrigin } from '../../src/shared/sites';


const SEED = Number(process.env.FUZZ_SEED ?? 0x8200);

/** Keys a hostile or corrupt store might hold: ours, near misses, prototype keys. */
const KEYS = [
  'schemaVersion', 'mode', 'style', 'entities', 'disabledSites', 'addedSites', 'enabled', 'highlightMode',
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'microsoft', 'azure',
  'unit-8200', 'length', '0', '', 'type', 'payload', 'counts', 'origin', 'tabId',
];
const STRINGS = [
  '', 'all', 'first', 'off', 'ALL', 'underline', 'background', 'none', 'example.com', 'www.example.com',
  'https://example.org', 'http://news.example.net', 'https://example.org/', 'https://a.b:8080', 'javascript:alert(1)',
  'EXAMPLE.COM', 'ex ample.com', '../../etc/passwd', '\u0000', '\uD800', '🙂', '<img src=x onerror=alert(1)>',
  'constructor', '__proto__', 'microsoft', 'azure', 'unit-8200', 'reportMentions', 'loadCard', 'enableSite',
];

function randomValue(r: () => number, depth = 0): unknown {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const kind = Math.floor(r() * (depth > 3 ? 9 : 14));
  switch (kind) {
    case 0: return pick([undefined, null, true, false]);
    case 1: return pick([NaN, Infinity, -Infinity, -0, 0, 1, -1, 2 ** 53, -(2 ** 31), 1.5, 1e308, Number.MIN_VALUE]);
    case 2: return Math.floor(r() * 2000) - 1000;
    case 3: return pick(STRINGS);
    case 4: return 'x'.repeat(r() < 0.02 ? 1_000_000 : Math.floor(r() * 300));
    case 5: return String.fromCharCode(...Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * 0xffff)));
    case 6: return BigInt(Math.floor(r() * 1e6));
    case 7: return pick([new Date(NaN), new Date(0), /re/g, new Map([['mode', 'off']]), new Set(['x'])]);
    case 8: return pick(['x'.repeat(253), 'a.'.repeat(120) + 'com', 'https://' + 'a'.repeat(250) + '.org']);
    case 9: {
      // An array, sometimes very long (MAX_SITES bounds what validation keeps).
      const n = r() < 0.01 ? 5000 : Math.floor(r() * 8);
      return Array.from({ length: n }, () => (n > 100 ? `site${Math.floor(r() * 1e9)}.example.com` : randomValue(r, depth + 1)));
    }
    case 10:
    case 11: {
      const obj: Record<string, unknown> = r() < 0.2 ? Object.create(null) : {};
      const n = Math.floor(r() * 6);
      for (let i = 0; i < n; i++) obj[pick(KEYS)] = randomValue(r, depth + 1);
      return obj;
    }
    case 12: {
      // JSON.parse makes `__proto__` an own key (what storage deserialisation does).
      const inner = JSON.stringify({ mode: pick(STRINGS), disabledSites: [pick(STRINGS)], polluted: true });
      return JSON.parse(`{"__proto__": ${inner}, "constructor": {"prototype": ${inner}}, "entities": {"__proto__": {"microsoft": false}}}`);
    }
    default: {
      // A nearly valid settings object with one field wrong.
      const base: Record<string, unknown> = {
        schemaVersion: pick([SCHEMA_VERSION, 0, -1, 1.5, 99, '1', NaN]),
        mode: pick(['all', 'first', 'off']),
        style: pick(['underline', 'background']),
        entities: { microsoft: r() < 0.5, azure: r() < 0.5, 'unit-8200': r() < 0.5 },
        disabledSites: ['example.com'],
        addedSites: ['https://example.org'],
      };
      base[pick(KEYS)] = randomValue(r, depth + 1);
      return base;
    }
  }
}


/** Every field present, of the right type and range, and nothing else (plain checks: this runs 10,000 times). */
function problem(s: Settings): string | null {
  if (Object.keys(s).sort().join() !== 'addedSites,clickOnly,disabledSites,entities,mode,schemaVersion,style') return `keys ${Object.keys(s)}`;
  if (Object.getPrototypeOf(s) !== Object.prototype) return 'prototype';
  if (s.schemaVersion !== SCHEMA_VERSION) return `schemaVersion ${s.schemaVersion}`;
  if (!MODES.includes(s.mode)) return `mode ${String(s.mode)}`;
  if (!HIGHLIGHT_STYLES.includes(s.style)) return `style ${String(s.style)}`;
  if (typeof s.clickOnly !== 'boolean') return `clickOnly ${String(s.clickOnly)}`;
  if (Object.keys(s.entities).sort().join() !== [...ENTITY_IDS].sort().join()) return `entities ${Object.keys(s.entities)}`;
  for (const id of ENTITY_IDS) if (typeof s.entities[id] !== 'boolean') return `entity ${id}`;
  // The one site-key and origin definitions (sites.ts), which the writer and the messages use too.
  for (const [list, valid] of [[s.disabledSites, isSiteKey], [s.addedSites, isSiteOrigin]] as const) {
    if (!Array.isArray(list) || list.length > MAX_SITES || new Set(list).size !== list.length) return 'site list shape';
    for (const site of list) if (!valid(site)) return `site ${String(site).slice(0, 80)}`;
  }
  return null;
}

function assertValid(s: Settings, where: string): void {
  const found = problem(s);
  if (found) expect.fail(`${where}: invalid settings (${found})`);
}

describe('settings validation under fuzz', () => {
  it('10,000 random values: always valid settings, never a throw, idempotent, no prototype pollution', { timeout: 30_000 }, () => {
    const r = prng(SEED);
    for (let i = 0; i < 10_000; i++) {
      const value = randomValue(r);
      const where = `seed ${SEED} case ${i}`;
      let out: Settings;
      try {
        out = validateSettings(value);
      } catch (error) {
        throw new Error(`${where}: validateSettings threw ${String(error)}`);
      }
      assertValid(out, where);
      const again = validateSettings(structuredClone(out));
      if (JSON.stringify(again) !== JSON.stringify(out)) expect.fail(`${where}: not idempotent`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).mode).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'disabledSites')).toBe(false);
  });

  it('valid fields survive next to corrupt ones', () => {
    const out = validateSettings({ schemaVersion: 1, mode: 'first', style: 42, entities: { microsoft: false, azure: 'no' }, disabledSites: ['example.com', 7, 'BAD HOST'], addedSites: 'x' });
    expect(out).toEqual({ schemaVersion: 2, mode: 'first', style: 'underline', entities: { microsoft: false, azure: true, 'unit-8200': true }, disabledSites: ['example.com'], addedSites: [], clickOnly: false });
  });

  it('hostile values from the brief give the defaults', () => {
    for (const value of ['garbage', { mode: 42 }, { disabledSites: 'x' }, [], [{ mode: 'off' }], null, 0, NaN, { entities: [] }, { schemaVersion: -1e9 }]) {
      const out = validateSettings(value);
      assertValid(out, JSON.stringify(value) ?? String(value));
      expect(out.mode).toBe('automatic');
      expect(out.disabledSites).toEqual([]);
    }
  });

  it('loadSettings returns valid page settings for anything stored (validateSettings without addedSites), and defaults when storage itself fails', async () => {
    const r = prng(SEED + 1);
    for (let i = 0; i < 500; i++) {
      const value = randomValue(r);
      fake.state.stored = { [STORAGE_KEY]: value };
      // The page settings (content scripts) are the full validation without the reader's added sites.
      const { addedSites, ...page } = validateSettings(value);
      expect(await loadSettings(), `seed ${SEED + 1} case ${i}`).toStrictEqual(page);
      assertValid({ ...(await loadSettings()), addedSites }, `seed ${SEED + 1} case ${i}`);
    }
    fake.state.failGet = true;
    try {
      const { addedSites, ...defaults } = validateSettings(undefined);
      expect(await loadSettings()).toStrictEqual(defaults);
      assertValid({ ...(await loadSettings()), addedSites }, 'storage throws');
    } finally {
      fake.state.failGet = false;
    }
  });
});

const OWN_PAGE = { id: 'backstory@test', url: 'chrome-extension://backstory-id/popup.html' };
const TOP_FRAME = { id: 'backstory@test', url: 'https://www.theguardian.com/a', tab: { id: 7 }, frameId: 0 };

/** A settings change, often well-formed, sometimes one field off. */
function randomChange(r: () => number): unknown {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const change: Record<string, unknown> = pick([
    { op: 'setSiteEnabled', site: pick(['theguardian.com', 'www.theguardian.com', 'example.com', '[::1]']), on: r() < 0.5 },
    { op: 'set', field: pick(['mode', 'style', 'entities', '__proto__']), value: pick(['first', 'background', 'loud', 1]) },
    { op: 'setEntity', entity: pick(['microsoft', 'google']), on: r() < 0.5 },
    { op: pick(['reset', 'addSite', 'removeSite']), origin: 'https://example.org' },
  ]);
  if (r() < 0.3) change[pick(KEYS)] = randomValue(r);
  return change;
}

/** Senders that may not make privileged calls: other extensions, subframes, pages posing as ours. */
function randomSender(r: () => number): Record<string, unknown> {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
  const sender: Record<string, unknown> = {};
  if (r() < 0.8) sender.id = pick(['backstory@test', 'evil@test', '', undefined, 42, null]);
  if (r() < 0.7) {
    sender.url = pick([
      'https://www.theguardian.com/a', 'chrome-extension://other-id/popup.html', 'chrome-extension://backstory-id.evil.com/',
      'https://chrome-extension.backstory-id/popup.html', 'about:blank', '', 42, null, undefined,
      'moz-extension://backstory-id/popup.html',
    ]);
  }
  if (r() < 0.6) sender.tab = pick([{ id: 7 }, { id: -1 }, { id: '7' }, { id: NaN }, {}, null, 'tab', { id: 2 ** 40 }]);
  if (r() < 0.6) sender.frameId = pick([0, 1, -1, '0', null, undefined, NaN]);
  if (r() < 0.2) sender.origin = pick(['null', 'https://evil.example']);
  return sender;
}

/** Whether this sender is really the extension's own page or a content script in a top frame. */
function privileges(sender: Record<string, unknown>): { page: boolean; top: boolean } {
  const page = typeof sender.url === 'string' && sender.url.startsWith('chrome-extension://backstory-id/');
  const tab = sender.tab as { id?: unknown } | null | undefined;
  const top = typeof tab?.id === 'number' && tab.id >= 0 && ((sender.frameId as number | undefined) ?? 0) === 0 && !page;
  return { page, top };
}

describe('messages under fuzz', () => {
  beforeEach(() => {
    fake.calls.length = 0;
  });

  it('isTrustedEnvelope: only {type: string, payload} from our own id', () => {
    const r = prng(SEED + 2);
    for (let i = 0; i < 5000; i++) {
      const message = r() < 0.5 ? { type: randomValue(r), payload: randomValue(r) } : randomValue(r);
      const sender = randomSender(r);
      const where = `seed ${SEED + 2} case ${i}`;
      const trusted = isTrustedEnvelope(message, sender as never, 'backstory@test');
      const shaped = typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string' && 'payload' in message;
      if (trusted !== (sender.id === 'backstory@test' && shaped)) expect.fail(`${where}: trusted=${trusted}`);
    }
  });

  it('handle(): unknown types, inherited names and foreign senders get no answer; errors never escape', async () => {
    const seen: unknown[] = [];
    const stop = handle<{ ping: (p: unknown) => string; boom: (p: unknown) => never }>({
      ping: (p) => (seen.push(p), 'pong'),
      boom: () => {
        throw new Error('handler failed');
      },
    });
    const listener = fake.listeners.at(-1) as (m: unknown, s: unknown) => unknown;
    try {
      for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'nope', '']) {
        expect(listener({ type, payload: {} }, { id: 'backstory@test' })).toBeUndefined();
      }
      expect(listener({ type: 'ping', payload: 1 }, { id: 'evil@test' })).toBeUndefined();
      expect(listener({ type: 'ping' }, { id: 'backstory@test' })).toBeUndefined();
      expect(await listener({ type: 'ping', payload: 1 }, { id: 'backstory@test' })).toBe('pong');
      // A throwing handler becomes a rejected promise for the sender, not an exception in the dispatcher.
      let result: unknown;
      expect(() => (result = listener({ type: 'boom', payload: null }, { id: 'backstory@test' }))).not.toThrow();
      await expect(result).rejects.toThrow('handler failed');
      const r = prng(SEED + 3);
      for (let i = 0; i < 3000; i++) {
        const message = r() < 0.5 ? { type: r() < 0.5 ? 'ping' : randomValue(r), payload: randomValue(r) } : randomValue(r);
        const out = listener(message, randomSender(r));
        if (out !== undefined) await out;
      }
      expect(seen.length).toBeGreaterThan(0);
    } finally {
      stop();
    }
  });

  it('parseCounts: null or a complete, bounded count for every input', () => {
    const r = prng(SEED + 4);
    for (let i = 0; i < 5000; i++) {
      const counts = parseCounts(r() < 0.3 ? { microsoft: randomValue(r), azure: randomValue(r), 'unit-8200': randomValue(r) } : randomValue(r));
      if (counts === null) continue;
      expect(Object.keys(counts).sort()).toEqual([...ENTITY_IDS].sort());
      for (const n of Object.values(counts)) expect(Number.isInteger(n) && n >= 0 && n <= 1e6).toBe(true);
    }
  });

  it('background handlers: random payloads and senders never throw; privileged calls only for the right sender', { timeout: 30_000 }, async () => {
    const r = prng(SEED + 5);
    const names = Object.keys(backgroundHandlers) as (keyof typeof backgroundHandlers)[];
    for (let i = 0; i < 4000; i++) {
      const name = names[Math.floor(r() * names.length)] as keyof typeof backgroundHandlers;
      const sender = r() < 0.1 ? (r() < 0.5 ? OWN_PAGE : TOP_FRAME) : randomSender(r);
      const payload =
        r() < 0.5
          ? randomValue(r)
          : {
              counts: randomValue(r),
              origin: r() < 0.3 ? 'https://example.org' : randomValue(r),
              tabId: r() < 0.3 ? 5 : randomValue(r),
              change: r() < 0.4 ? randomChange(r) : randomValue(r),
            };
      const where = `seed ${SEED + 5} case ${i}: ${name}`;
      fake.calls.length = 0;
      const before = structuredClone(fake.state.stored[STORAGE_KEY]);
      let result: unknown;
      try {
        result = await (backgroundHandlers[name] as (p: unknown, s: unknown) => unknown)(payload, sender);
      } catch (error) {
        throw new Error(`${where} threw ${String(error)}`);
      }
      const { page, top } = privileges(sender);
      const privileged = fake.calls.filter((c) => /^(scripting|permissions|storage\.local\.set|tabs)/.test(c));
      if (name === 'loadCard') {
        expect(result, where).toEqual({ ok: top });
        if (!top) expect(privileged, where).toEqual([]);
      } else if (name === 'loadTranslations') {
        const lang = (payload as { lang?: unknown } | null)?.lang;
        const ok = top && (lang === 'ar' || lang === 'he');
        expect(result, where).toEqual({ ok });
        if (!ok) expect(privileged, where).toEqual([]);
      } else if (name === 'reportMentions') {
        expect(result, where).toBeUndefined();
        if (!top) expect(fake.calls, where).toEqual([]);
      } else if (name === 'changeSettings' || name === 'getSettings') {
        // Only our pages, or a content script turning its own site off, reach the writer.
        if (!page && !top) {
          expect((result as { ok: boolean }).ok, where).toBe(false);
          expect(privileged, where).toEqual([]);
        }
        if (!page) {
          // At most the content script's own site was turned off; nothing else changed.
          const expected = validateSettings(before);
          if (!expected.disabledSites.includes('theguardian.com')) expected.disabledSites.push('theguardian.com');
          const after = validateSettings(fake.state.stored[STORAGE_KEY]);
          if (JSON.stringify(after) !== JSON.stringify(validateSettings(before))) expect(after, where).toEqual(expected);
        }
      } else if (name === 'enableSite' || name === 'removeSite' || name === 'scanOnce') {
        if (!page) {
          expect((result as { ok: boolean }).ok, where).toBe(false);
          expect(privileged, where).toEqual([]);
        }
      }
    }
  });

  it('loadTranslations injects only the asked table file (card-ar.js, card-he.js), into the top frame', async () => {
    for (const lang of ['ar', 'he']) {
      fake.calls.length = 0;
      expect(await backgroundHandlers.loadTranslations({ lang }, TOP_FRAME as never)).toEqual({ ok: true });
      expect(fake.calls).toEqual([`scripting.executeScript [{"target":{"tabId":7,"frameIds":[0]},"files":["card-${lang}.js"]}]`]);
    }
    for (const [payload, sender] of [
      [{ lang: 'en' }, TOP_FRAME],
      [{ lang: '../card' }, TOP_FRAME],
      [{ lang: 'constructor' }, TOP_FRAME],
      [{ lang: ['ar'] }, TOP_FRAME],
      [{}, TOP_FRAME],
      [{ lang: 'ar' }, { ...TOP_FRAME, frameId: 3 }],
      [{ lang: 'ar' }, OWN_PAGE],
    ] as const) {
      fake.calls.length = 0;
      expect(await backgroundHandlers.loadTranslations(payload as never, sender as never)).toEqual({ ok: false });
      expect(fake.calls).toEqual([]);
    }
  });

  it('a subframe or another extension cannot load the card or inject scripts', async () => {
    for (const sender of [
      { ...TOP_FRAME, frameId: 3 },
      { ...TOP_FRAME, tab: undefined },
      { ...TOP_FRAME, url: 'chrome-extension://backstory-id/options.html' },
    ]) {
      fake.calls.length = 0;
      expect(await backgroundHandlers.loadCard({}, sender as never)).toEqual({ ok: false });
      expect(await backgroundHandlers.scanOnce({ tabId: 7 }, sender as never)).toEqual(
        sender.url.startsWith('chrome-extension://backstory-id/') ? { ok: true } : { ok: false, error: 'refused' },
      );
      if (!sender.url.startsWith('chrome-extension://backstory-id/')) expect(fake.calls).toEqual([]);
    }
  });
});
