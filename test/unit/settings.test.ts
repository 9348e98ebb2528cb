import { beforeEach, describe, expect, it, vi } from 'vitest';

// settings.ts reads storage through the one browser-API module; replace it with an in-memory store.
const store = vi.hoisted(() => ({ data: {} as Record<string, unknown>, fail: false }));
vi.mock('../../src/shared/browser', () => ({
  api: {
    storage: {
      local: {
        get: async (key: string) => {
          if (store.fail) throw new Error('storage unavailable');
          return key in store.data ? { [key]: store.data[key] } : {};
        },
        set: async (items: Record<string, unknown>) => {
          Object.assign(store.data, structuredClone(items));
        },
      },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
  },
}));

import {
  DEFAULTS,
  SCHEMA_VERSION,
  STORAGE_KEY,
  defaultSettings,
  MAX_SITES,
  loadSettings,
  migrate,
  readSettings,
  validateSettings,
} from '../../src/shared/settings';

beforeEach(() => {
  store.data = {};
  store.fail = false;
});

describe('validateSettings: anything in, valid settings out', () => {
  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a string', 'settings'],
    ['a number', 42],
    ['true', true],
    ['an array', [1, 2, 3]],
    ['an empty object', {}],
    ['a function', () => 1],
    ['a Date', new Date(0)],
  ])('%s → defaults', (_label, raw) => {
    expect(validateSettings(raw)).toEqual(defaultSettings());
  });

  it('keeps a fully valid object as is', () => {
    const valid = {
      schemaVersion: SCHEMA_VERSION,
      mode: 'first',
      entities: { microsoft: false, azure: true, 'unit-8200': false },
      style: 'background',
      disabledSites: ['example.com', 'xn--bcher-kva.example'],
      addedSites: ['https://example.org', 'http://news.example.net'],
      clickOnly: true,
    };
    expect(validateSettings(valid)).toEqual(valid);
    // Not a boolean: the default (cards open on hover too).
    expect(validateSettings({ ...valid, clickOnly: 'yes' }).clickOnly).toBe(false);
  });

  it.each<[string, Record<string, unknown>, Partial<ReturnType<typeof defaultSettings>>]>([
    ['mode not in the list', { mode: 'loud' }, { mode: 'automatic' }],
    ['mode of wrong case', { mode: 'ALL' }, { mode: 'automatic' }],
    ['mode a number', { mode: 1 }, { mode: 'automatic' }],
    ['mode null', { mode: null }, { mode: 'automatic' }],
    ['mode off kept', { mode: 'off' }, { mode: 'off' }],
    ['style unknown', { style: 'blink' }, { style: 'underline' }],
    ['style an object', { style: { value: 'background' } }, { style: 'underline' }],
    ['entities a string', { entities: 'microsoft' }, { entities: { ...DEFAULTS.entities } }],
    ['entities an array', { entities: [false, false, false] }, { entities: { ...DEFAULTS.entities } }],
    [
      'entity values not booleans',
      { entities: { microsoft: 'false', azure: 0, 'unit-8200': null } },
      { entities: { ...DEFAULTS.entities } },
    ],
    [
      'unknown entity ids dropped',
      { entities: { microsoft: false, google: false } },
      { entities: { microsoft: false, azure: true, 'unit-8200': true } },
    ],
    ['disabledSites a string', { disabledSites: 'example.com' }, { disabledSites: [] }],
    ['disabledSites an object', { disabledSites: { 0: 'example.com' } }, { disabledSites: [] }],
    [
      'disabledSites mixed junk',
      { disabledSites: ['example.com', 3, null, {}, ['x'], 'UPPER.COM', 'a b', 'ok.org', 'example.com'] },
      { disabledSites: ['example.com', 'upper.com', 'ok.org'] },
    ],
    [
      'disabledSites: older spellings kept in their one normal form (sites.ts), duplicates merged',
      { disabledSites: ['WWW.Example.COM.', 'example.com', 'bücher.example', '[::1]', '::1', '127.0.0.1:8080', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, `${'a'.repeat(250)}.com`] },
      { disabledSites: ['example.com', 'xn--bcher-kva.example', '[::1]', '127.0.0.1', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`] },
    ],
    [
      'addedSites only http(s) origins',
      {
        addedSites: [
          'https://example.org',
          'https://example.org/',
          'ftp://example.org',
          'javascript:alert(1)',
          '*://*/*',
          'https://example.org/path',
          'http://example.net:8080',
          'http://[::1]',
          'https://bücher.example',
          'https://user@example.com',
        ],
      },
      // One form per origin: no port (match patterns ignore ports), IDN as punycode, IPv6 in brackets.
      { addedSites: ['https://example.org', 'http://example.net', 'http://[::1]', 'https://xn--bcher-kva.example'] },
    ],
  ])('%s', (_label, raw, expected) => {
    expect(validateSettings({ schemaVersion: SCHEMA_VERSION, ...raw })).toEqual({ ...defaultSettings(), ...expected });
  });

  it('survives prototype-pollution keys without polluting anything', () => {
    const raw = JSON.parse(
      '{"schemaVersion":1,"__proto__":{"mode":"off","polluted":true},"constructor":{"prototype":{"polluted":true}},' +
        '"entities":{"__proto__":{"microsoft":false},"azure":false},"mode":"first"}',
    ) as unknown;
    const settings = validateSettings(raw);
    expect(settings).toEqual({ ...defaultSettings(), mode: 'first', entities: { microsoft: true, azure: false, 'unit-8200': true } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULTS).sort());
  });

  it('does not take an inherited mode from a crafted prototype', () => {
    const raw = Object.create({ mode: 'off', schemaVersion: 1 }) as Record<string, unknown>;
    expect(validateSettings(raw).mode).toBe('automatic');
  });

  it('caps huge lists and overlong entries', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `site${i}.example`);
    const settings = validateSettings({ schemaVersion: 1, disabledSites: many, addedSites: [`https://${'a'.repeat(300)}.org`] });
    expect(settings.disabledSites.length).toBeLessThanOrEqual(1000);
    expect(settings.disabledSites[0]).toBe('site0.example');
    expect(settings.addedSites).toEqual([]);
  });

  it('returns a fresh object each time (DEFAULTS is never shared or mutated)', () => {
    const a = validateSettings(null);
    a.disabledSites.push('x.com');
    a.entities.microsoft = false;
    expect(validateSettings(null)).toEqual(defaultSettings());
    expect(DEFAULTS.entities.microsoft).toBe(true);
    expect(Object.isFrozen(DEFAULTS)).toBe(true);
  });
});

describe('migrate', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['v0 global off → mode off', { enabled: false, highlightMode: 'first' }, { mode: 'off' }],
    ['v0 enabled keeps its mode', { enabled: true, highlightMode: 'first' }, { mode: 'first' }],
    ['v0 without fields', {}, { mode: 'automatic' }],
    ['v0 junk mode falls back', { highlightMode: 'sometimes' }, { mode: 'automatic' }],
    ['v1 every mention (the v1 default) becomes automatic', { schemaVersion: 1, mode: 'all' }, { mode: 'automatic' }],
    ['v1 first mention is kept', { schemaVersion: 1, mode: 'first' }, { mode: 'first' }],
    ['v2 every mention is kept (a choice)', { schemaVersion: 2, mode: 'all' }, { mode: 'all' }],
    ['v0 keeps lists', { disabledSites: ['example.com'] }, { disabledSites: ['example.com'] }],
    ['schemaVersion as a string is treated as v0', { schemaVersion: '1', enabled: false }, { mode: 'off' }],
    ['schemaVersion NaN is treated as v0', { schemaVersion: Number.NaN, enabled: false }, { mode: 'off' }],
    ['schemaVersion fractional is treated as v0', { schemaVersion: 0.5, enabled: false }, { mode: 'off' }],
  ])('%s', (_label, raw, expected) => {
    const settings = validateSettings(raw);
    expect(settings).toEqual({ ...defaultSettings(), ...expected });
    expect(settings.schemaVersion).toBe(SCHEMA_VERSION);
  });

  it('drops the v0 fields', () => {
    const out = migrate({ enabled: false, highlightMode: 'all', style: 'background' });
    expect(out).toEqual({ mode: 'off', style: 'background', schemaVersion: 2 });
  });

  it('leaves current data alone', () => {
    const raw = { schemaVersion: SCHEMA_VERSION, mode: 'first' };
    expect(migrate(raw)).toEqual(raw);
  });

  it('reads data from a newer version field by field (a downgrade does not lose everything)', () => {
    expect(validateSettings({ schemaVersion: SCHEMA_VERSION + 5, mode: 'first', future: 1 })).toEqual({
      ...defaultSettings(),
      mode: 'first',
    });
  });

  it('finishes quickly for absurd version numbers', () => {
    const started = Date.now();
    expect(validateSettings({ schemaVersion: -1e12, mode: 'first' }).mode).toBe('first');
    expect(validateSettings({ schemaVersion: Number.MAX_SAFE_INTEGER }).mode).toBe('automatic');
    expect(validateSettings({ schemaVersion: -Infinity }).mode).toBe('automatic');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('storage round trips', () => {
  it('loadSettings gives defaults for empty, corrupt or unreadable storage', async () => {
    // The page's settings: everything but the reader's added sites, which content scripts never read.
    const { addedSites: _, ...defaults } = defaultSettings();
    expect(await loadSettings()).toStrictEqual(defaults);
    store.data[STORAGE_KEY] = 'garbage';
    expect(await loadSettings()).toStrictEqual(defaults);
    store.data[STORAGE_KEY] = { mode: 7, entities: null, disabledSites: 'x', addedSites: ['https://example.org'] };
    expect(await loadSettings()).toStrictEqual(defaults);
    store.data[STORAGE_KEY] = { schemaVersion: 1, mode: 'all', disabledSites: ['WWW.Example.COM.'], clickOnly: true };
    expect(await loadSettings()).toStrictEqual({ ...defaults, mode: 'automatic', disabledSites: ['example.com'], clickOnly: true });
    store.fail = true;
    expect(await loadSettings()).toStrictEqual(defaults);
  });

  it('readSettings rejects when storage cannot be read (a failed read is not the defaults)', async () => {
    store.data[STORAGE_KEY] = { schemaVersion: 1, disabledSites: ['example.com'] };
    expect((await readSettings()).disabledSites).toEqual(['example.com']);
    store.fail = true;
    await expect(readSettings()).rejects.toThrow('storage unavailable');
  });

  it('keeps at most MAX_SITES entries of a foreign oversized list, in order', () => {
    const many = Array.from({ length: MAX_SITES + 5 }, (_, i) => `s${i}.example`);
    const kept = validateSettings({ schemaVersion: 1, disabledSites: many }).disabledSites;
    expect(kept).toEqual(many.slice(0, MAX_SITES));
  });
});
