/**
 * The background's settings writer against a fake storage.local that can be slow, fail to read,
 * fail to write, or run out of quota (failure injection). What the reader chose must never be lost:
 * concurrent changes all land, in order; a failed read never leads to a write; a failed write leaves
 * the stored settings as they were and says why.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

// settings.ts imports the browser-API module; the writer itself only uses the area it is given.
vi.mock('../../src/shared/browser', () => ({ api: {} }));
import { createSettingsWriter, type SettingsArea } from '../../src/background/settings-writer';
import { MAX_SITES, STORAGE_KEY, defaultSettings, validateSettings, type Settings } from '../../src/shared/settings';
import { applyChange, parseChange, type AnyChange } from '../../src/shared/settings-change';

/** A storage area with injectable failures and a random delay on every call (seeded). */
function fakeArea(seed = 1) {
  let a = seed;
  const random = () => ((a = (a * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const state = {
    data: {} as Record<string, unknown>,
    failGet: null as Error | null,
    failSet: null as Error | null,
    gets: 0,
    sets: [] as Settings[],
  };
  const pause = () => new Promise((r) => setTimeout(r, Math.floor(random() * 4)));
  const area: SettingsArea = {
    async get(key) {
      state.gets++;
      await pause();
      if (state.failGet) throw state.failGet;
      return key in state.data ? { [key]: structuredClone(state.data[key]) } : {};
    },
    async set(items) {
      await pause();
      if (state.failSet) throw state.failSet;
      state.sets.push(structuredClone(items[STORAGE_KEY]) as Settings);
      Object.assign(state.data, structuredClone(items));
    },
  };
  return { area, state, stored: () => validateSettings(state.data[STORAGE_KEY]) };
}

const READER: Settings = {
  ...defaultSettings(),
  mode: 'first',
  disabledSites: ['one.example', 'two.example', 'three.example'],
  addedSites: ['https://added.example', 'http://[::1]'],
};

let fake: ReturnType<typeof fakeArea>;
beforeEach(() => {
  fake = fakeArea();
  fake.state.data[STORAGE_KEY] = structuredClone(READER);
});

describe('ordering: concurrent changes from popup, options and tabs all land', () => {
  it('40 interleaved changes sent at once: every one kept, the last mode wins', async () => {
    const writer = createSettingsWriter(() => fake.area);
    const changes: AnyChange[] = [];
    for (let i = 0; i < 30; i++) changes.push({ op: 'setSiteEnabled', site: `tab${i}.example`, on: false });
    changes.push({ op: 'setSiteEnabled', site: 'two.example', on: true });
    changes.push({ op: 'setEntity', entity: 'azure', on: false });
    for (const mode of ['all', 'off', 'first', 'all'] as const) changes.push({ op: 'set', field: 'mode', value: mode });
    changes.push({ op: 'set', field: 'style', value: 'background' });
    changes.push({ op: 'addSite', origin: 'https://new.example' });
    changes.push({ op: 'removeSite', origin: 'http://[::1]' });
    changes.push({ op: 'setSiteEnabled', site: '[::1]', on: false });
    const results = await Promise.all(changes.map((c) => writer.change(c)));
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = fake.stored();
    expect(stored.disabledSites).toEqual([
      'one.example',
      'three.example',
      ...Array.from({ length: 30 }, (_, i) => `tab${i}.example`),
      '[::1]',
    ]);
    expect(stored.mode).toBe('all');
    expect(stored.style).toBe('background');
    expect(stored.entities).toEqual({ microsoft: true, azure: false, 'unit-8200': true });
    expect(stored.addedSites).toEqual(['https://added.example', 'https://new.example']);
    // Each change saw the one before it: the writes form one growing sequence.
    expect(fake.state.sets.map((s) => s.disabledSites.length).slice(0, 30)).toEqual(Array.from({ length: 30 }, (_, i) => i + 4));
  });

  it('the same race with a read-modify-write per context loses changes (the defect the writer replaces)', async () => {
    // What popup, options and content scripts each did before: read, change, write back whole.
    const naive = async (change: AnyChange) => {
      const stored = await fake.area.get(STORAGE_KEY);
      const applied = applyChange(validateSettings(stored[STORAGE_KEY]), change);
      if ('settings' in applied) await fake.area.set({ [STORAGE_KEY]: applied.settings });
    };
    await Promise.all(Array.from({ length: 10 }, (_, i) => naive({ op: 'setSiteEnabled', site: `tab${i}.example`, on: false })));
    expect(fake.stored().disabledSites.length).toBeLessThan(3 + 10);
  });

  it('a read queued after changes sees all of them', async () => {
    const writer = createSettingsWriter(() => fake.area);
    void writer.change({ op: 'setSiteEnabled', site: 'late.example', on: false });
    const read = await writer.read();
    expect(read.ok && read.settings.disabledSites.includes('late.example')).toBe(true);
  });

  it('a change that changes nothing writes nothing', async () => {
    const writer = createSettingsWriter(() => fake.area);
    expect((await writer.change({ op: 'setSiteEnabled', site: 'www.one.example', on: false })).ok).toBe(true);
    expect((await writer.change({ op: 'setSiteEnabled', site: 'news.one.example', on: false })).ok).toBe(true);
    expect((await writer.change({ op: 'set', field: 'mode', value: 'first' })).ok).toBe(true);
    expect(fake.state.sets).toEqual([]);
  });
});

describe('a failed read never leads to a write', () => {
  it('the finding: one failed read, then "hide this site", wiped three disabled sites and every added site', async () => {
    const writer = createSettingsWriter(() => fake.area);
    fake.state.failGet = new Error('IO error: .../Local Extension Settings/...: Unable to read');
    const result = await writer.change({ op: 'setSiteEnabled', site: 'four.example', on: false });
    expect(result).toEqual({ ok: false, error: 'unreadable', settings: null });
    expect(writer.state()).toEqual({ kind: 'unknown' });
    expect(fake.state.sets).toEqual([]);
    expect(fake.stored()).toEqual(READER);
  });

  it('stays refusing while reads fail (every kind of change, reset too), then applies on the real settings', async () => {
    const writer = createSettingsWriter(() => fake.area);
    fake.state.failGet = new Error('storage unavailable');
    const attempts: AnyChange[] = [
      { op: 'set', field: 'mode', value: 'off' },
      { op: 'setEntity', entity: 'microsoft', on: false },
      { op: 'addSite', origin: 'https://x.example' },
      { op: 'removeSite', origin: 'https://added.example' },
      { op: 'reset' },
    ];
    for (const change of attempts) expect(await writer.change(change)).toEqual({ ok: false, error: 'unreadable', settings: null });
    expect((await writer.read()).ok).toBe(false);
    expect(fake.state.sets).toEqual([]);
    fake.state.failGet = null;
    const result = await writer.change({ op: 'setSiteEnabled', site: 'four.example', on: false });
    expect(result.ok).toBe(true);
    expect(writer.state().kind).toBe('known');
    expect(fake.stored()).toEqual({ ...READER, disabledSites: [...READER.disabledSites, 'four.example'] });
  });

  it('a read that fails between two good ones refuses only the change that met it', async () => {
    const writer = createSettingsWriter(() => fake.area);
    expect((await writer.change({ op: 'setSiteEnabled', site: 'a.example', on: false })).ok).toBe(true);
    fake.state.failGet = new Error('flaky');
    expect((await writer.change({ op: 'setSiteEnabled', site: 'b.example', on: false })).ok).toBe(false);
    fake.state.failGet = null;
    expect((await writer.change({ op: 'setSiteEnabled', site: 'c.example', on: false })).ok).toBe(true);
    expect(fake.stored().disabledSites).toEqual([...READER.disabledSites, 'a.example', 'c.example']);
  });
});

describe('failed writes leave the stored settings and say why', () => {
  it.each([
    ['Chromium quota', new Error('QUOTA_BYTES quota exceeded'), 'quota'],
    ['Firefox quota', Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' }), 'quota'],
    ['any other failure', new Error('IO error'), 'unwritable'],
  ] as const)('%s → %s, nothing changed, the next change applies to the unchanged settings', async (_label, error, kind) => {
    const writer = createSettingsWriter(() => fake.area);
    fake.state.failSet = error;
    const result = await writer.change({ op: 'setSiteEnabled', site: 'four.example', on: false });
    expect(result).toEqual({ ok: false, error: kind, settings: READER });
    expect(writer.state()).toEqual({ kind: 'known', settings: READER });
    expect(fake.stored()).toEqual(READER);
    fake.state.failSet = null;
    expect((await writer.change({ op: 'set', field: 'mode', value: 'all' })).ok).toBe(true);
    expect(fake.stored()).toEqual({ ...READER, mode: 'all' });
  });

  it('a write that rejects does not stop the queue behind it', async () => {
    const writer = createSettingsWriter(() => fake.area);
    fake.state.failSet = new Error('QUOTA_BYTES quota exceeded');
    const first = writer.change({ op: 'setSiteEnabled', site: 'a.example', on: false });
    const second = writer.change({ op: 'setSiteEnabled', site: 'b.example', on: false });
    expect(await first).toMatchObject({ ok: false, error: 'quota' });
    fake.state.failSet = null;
    expect((await second).ok).toBe(true);
    expect(fake.stored().disabledSites).toEqual([...READER.disabledSites, 'b.example']);
  });
});

describe('limits: a full list says so instead of dropping an entry', () => {
  const full = Array.from({ length: MAX_SITES }, (_, i) => `s${i}.example`);

  it('the 1,001st disabled site is refused as "full"; nothing written; turning one on still works', async () => {
    fake.state.data[STORAGE_KEY] = { ...READER, disabledSites: full };
    const writer = createSettingsWriter(() => fake.area);
    expect(await writer.change({ op: 'setSiteEnabled', site: 'one-more.example', on: false })).toMatchObject({ ok: false, error: 'full' });
    expect(fake.state.sets).toEqual([]);
    expect((await writer.change({ op: 'setSiteEnabled', site: 's5.example', on: true })).ok).toBe(true);
    expect((await writer.change({ op: 'setSiteEnabled', site: 'one-more.example', on: false })).ok).toBe(true);
    expect(fake.stored().disabledSites).toHaveLength(MAX_SITES);
    expect(fake.stored().disabledSites.at(-1)).toBe('one-more.example');
  });

  it('the 1,001st added site is refused as "full"', async () => {
    fake.state.data[STORAGE_KEY] = { ...READER, addedSites: full.map((h) => `https://${h}`) };
    const writer = createSettingsWriter(() => fake.area);
    expect(await writer.change({ op: 'addSite', origin: 'https://one-more.example' })).toMatchObject({ ok: false, error: 'full' });
    expect(fake.state.sets).toEqual([]);
  });
});

describe('parseChange: what a message may ask', () => {
  it.each<[unknown, unknown]>([
    [{ op: 'setSiteEnabled', site: 'WWW.Example.COM.', on: false }, { op: 'setSiteEnabled', site: 'example.com', on: false }],
    [{ op: 'setSiteEnabled', site: '::1', on: false }, { op: 'setSiteEnabled', site: '[::1]', on: false }],
    [{ op: 'setSiteEnabled', site: 'bücher.example:8080', on: true }, { op: 'setSiteEnabled', site: 'xn--bcher-kva.example', on: true }],
    [{ op: 'setSiteEnabled', site: `${'a'.repeat(250)}.com`, on: false }, null],
    [{ op: 'setSiteEnabled', site: 'a b', on: false }, null],
    [{ op: 'setSiteEnabled', site: 'example.com', on: 'false' }, null],
    [{ op: 'set', field: 'mode', value: 'off' }, { op: 'set', field: 'mode', value: 'off' }],
    [{ op: 'set', field: 'mode', value: 'loud' }, null],
    [{ op: 'set', field: 'style', value: 'background' }, { op: 'set', field: 'style', value: 'background' }],
    [{ op: 'set', field: 'disabledSites', value: [] }, null],
    [{ op: 'set', field: '__proto__', value: {} }, null],
    [{ op: 'setEntity', entity: 'azure', on: false }, { op: 'setEntity', entity: 'azure', on: false }],
    [{ op: 'setEntity', entity: 'google', on: false }, null],
    [{ op: 'reset' }, { op: 'reset' }],
    // Only the background adds or removes sites, after its permission checks.
    [{ op: 'addSite', origin: 'https://example.org' }, null],
    [{ op: 'removeSite', origin: 'https://example.org' }, null],
    [JSON.parse('{"__proto__": {"op": "reset"}}'), null],
    [null, null],
    ['reset', null],
  ])('%j → %j', (input, expected) => {
    expect(parseChange(input)).toEqual(expected);
  });
});
