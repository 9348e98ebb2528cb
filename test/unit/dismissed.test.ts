/**
 * The reader's dismissed marks ("Not about this story"): the sentence key (normalisation and hash),
 * the stored shape and its bounds, the change intents, and the background's writer for them.
 */
import { describe, expect, it, vi } from 'vitest';

// settings.ts (the shared validators) loads the browser API module; nothing here calls it.
vi.mock('../../src/shared/browser', () => ({ api: {} }));
import { createDismissWriter } from '../../src/background/dismiss-writer';
import { createSerial } from '../../src/background/serial';
import { createSettingsWriter, type SettingsArea } from '../../src/background/settings-writer';
import {
  MAX_PER_SITE,
  MAX_TOTAL,
  applyDismissChange,
  countDismissed,
  parseDismissChange,
  siteKeys,
  storedForm,
  validateDismissed,
  type Dismissed,
  type DismissedEntry,
} from '../../src/shared/dismissed';
import { hash64, normalise, sentenceHash, sentenceOf, SIDE } from '../../src/shared/sentence-key';

/** FNV-1a 64 over the UTF-16LE bytes of `text`, with BigInt: the textbook definition, to check the limb version. */
function reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    for (const byte of [unit & 0xff, unit >>> 8]) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

const H = (n: number) => n.toString(16).padStart(16, '0');
const entry = (hash: number, at: number, entity: DismissedEntry['entity'] = 'azure'): DismissedEntry => ({ entity, hash: H(hash), at });

describe('sentence key', () => {
  it('hash64 is FNV-1a 64 over UTF-16LE bytes (checked against a BigInt reference)', () => {
    expect(hash64('')).toBe('cbf29ce484222325');
    for (const text of ['a', 'Microsoft', 'وحدة 8200', 'יחידה 8200', '微软和Azure', '\uD800', 'x'.repeat(1000), '\u{1F600}\uFFFF\u0000']) {
      expect(hash64(text), text.slice(0, 20)).toBe(reference(text));
    }
  });

  it('the same sentence with other whitespace, case, width or invisible characters gives the same key', () => {
    const base = sentenceHash('The penthouse, unit 8200, sold for a record price.');
    for (const variant of [
      'The  penthouse,\n unit\u00A08200, sold for a record price.',
      'THE PENTHOUSE, UNIT 8200, SOLD FOR A RECORD PRICE.',
      'The pent\u200Bhouse, un\u00ADit 8200,\u200D sold for a record\uFEFF price.',
      'Ｔｈｅ penthouse, unit ８２００, sold for a record price.',
      '  The penthouse, unit 8200, sold for a record price.\t',
    ]) {
      expect(sentenceHash(variant), variant).toBe(base);
    }
    // Case folding beyond ASCII: ß/SS, final sigma.
    expect(sentenceHash('Straße Azure')).toBe(sentenceHash('STRASSE AZURE'));
    expect(sentenceHash('ΟΔΟΣ Azure')).toBe(sentenceHash('οδος azure'));
    // Persian ZWNJ is optional in practice.
    expect(sentenceHash('می\u200Cخواهم Azure')).toBe(sentenceHash('میخواهم Azure'));
  });

  it('a different sentence, or another word, gives another key', () => {
    const base = sentenceHash('The penthouse, unit 8200, sold for a record price.');
    expect(sentenceHash('The penthouse, unit 8201, sold for a record price.')).not.toBe(base);
    expect(sentenceHash('The penthouse, unit 8200, sold for a record price!')).not.toBe(base);
    expect(sentenceHash('The penthouse unit 8200, sold for a record price.')).not.toBe(base);
    expect(sentenceHash('Azure waters.')).not.toBe(sentenceHash('Azure water.'));
  });

  it('cuts the sentence around the mark at sentence ends in each script, not at "8.2" inside one', () => {
    expect(sentenceOf('First one. The penthouse, unit ', '8200', ' sold fast. Next one.')).toBe('The penthouse, unit 8200 sold fast.');
    expect(sentenceOf('Revenue rose 8.2 percent as ', 'Azure', ' grew. Then')).toBe('Revenue rose 8.2 percent as Azure grew.');
    expect(sentenceOf('هل تعمل؟ قالت ', 'مايكروسوفت', ' إنها راجعت. ثم')).toBe('قالت مايكروسوفت إنها راجعت.');
    expect(sentenceOf('前文。', '微软', '表示审查。后文')).toBe('微软表示审查。');
    // The mark's own text is part of the key: two names in one sentence are two keys.
    expect(sentenceHash(sentenceOf('', 'Microsoft', ' and Azure.'))).toBe(sentenceHash('Microsoft and Azure.'));
    expect(normalise(sentenceOf('Sold, ', 'unit\n8200', ' went.'))).toBe('sold, unit 8200 went.');
  });

  it('a hostile sentence: 5 MB either side is cut to SIDE characters, quickly; lone surrogates keep their identity', () => {
    const huge = 'word '.repeat(1_000_000);
    const started = performance.now();
    const sentence = sentenceOf(huge, 'Azure', huge);
    expect(performance.now() - started).toBeLessThan(1000); // a guard against reading 10 MB, not a benchmark
    expect(sentence.length).toBeLessThanOrEqual(2 * SIDE + 'Azure'.length + 2);
    expect(sentence).toContain('Azure');
    expect(sentenceOf('', 'x'.repeat(5_000_000), '').length).toBeLessThanOrEqual(4 * SIDE);
    // TextEncoder would make all three U+FFFD: three different sentences, three different keys.
    const keys = new Set(['a \uD800 Azure', 'a \uDC00 Azure', 'a \uFFFD Azure'].map(sentenceHash));
    expect(keys.size).toBe(3);
    expect(() => sentenceHash('\uDFFF\uD800'.repeat(1000))).not.toThrow();
    expect(sentenceHash('\uD800 Azure')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('stored dismissals', () => {
  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'azure'],
    ['an array', [1, 2]],
    ['no version', { sites: { 'bbc.com': [entry(1, 1)] } }],
    ['another version', { version: 2, sites: { 'bbc.com': [entry(1, 1)] } }],
    ['sites an array', { version: 1, sites: [entry(1, 1)] }],
    ['sites a string', { version: 1, sites: 'bbc.com' }],
  ])('corrupt shapes fall back to none: %s', (_what, raw) => {
    expect(validateDismissed(raw)).toEqual({});
    expect(siteKeys(raw, 'bbc.com').size).toBe(0);
  });

  it('keeps valid entries and drops invalid ones, duplicates and invalid sites', () => {
    const raw = {
      version: 1,
      sites: {
        'bbc.com': [
          entry(2, 20),
          entry(1, 10),
          entry(1, 30), // duplicate key: the first one read is kept
          { entity: 'google', hash: H(3), at: 1 },
          { entity: 'azure', hash: 'XYZ', at: 1 },
          { entity: 'azure', hash: H(4), at: -1 },
          { entity: 'azure', hash: H(5), at: 1.5 },
          { entity: 'azure', hash: H(6), at: '1' },
          null,
          'azure:0000000000000001',
          [entry(7, 1)],
        ],
        'WWW.BBC.COM': [entry(8, 1)],
        'not a host!': [entry(9, 1)],
        __proto__: [entry(10, 1)],
        'cnn.com': 'oops',
        'empty.com': [],
      },
    };
    expect(validateDismissed(raw)).toEqual({ 'bbc.com': [entry(1, 10), entry(2, 20)] });
    expect([...siteKeys(raw, 'bbc.com')].sort()).toEqual([`azure:${H(1)}`, `azure:${H(2)}`]);
  });

  it('a site named like an Object property ("constructor") is an ordinary site', () => {
    const raw = { version: 1, sites: JSON.parse(`{"constructor": [${JSON.stringify(entry(1, 1))}]}`) as unknown };
    expect(validateDismissed(raw)).toEqual({ constructor: [entry(1, 1)] });
    expect(applyDismissChange({}, { op: 'undo', site: 'constructor', entity: 'azure', hash: H(1) }, 5)).toEqual({});
    expect(applyDismissChange({}, { op: 'dismiss', site: 'constructor', entity: 'azure', hash: H(1) }, 5)).toEqual({ constructor: [entry(1, 5)] });
  });

  it('foreign data over the bounds keeps the newest: per site, then in total', () => {
    const many = Array.from({ length: MAX_PER_SITE + 50 }, (_, i) => entry(i, 1000 + i));
    const cut = validateDismissed({ version: 1, sites: { 'bbc.com': [...many].reverse() } });
    expect(cut['bbc.com']).toHaveLength(MAX_PER_SITE);
    expect(cut['bbc.com']?.[0]).toEqual(entry(50, 1050));
    expect(cut['bbc.com']?.at(-1)).toEqual(entry(MAX_PER_SITE + 49, 1000 + MAX_PER_SITE + 49));

    const sites: Dismissed = {};
    // 20 sites × 150 = 3,000 entries; site k's entries are at times k, k+20, k+40… (interleaved ages).
    for (let k = 0; k < 20; k++) sites[`s${k}.com`] = Array.from({ length: 150 }, (_, i) => entry(i, k + 20 * i));
    const total = validateDismissed(storedForm(sites));
    expect(countDismissed(total)).toBe(MAX_TOTAL);
    const kept = Object.values(total).flat().map((e) => e.at);
    // Exactly the 2,000 newest times survive (1,000..2,999).
    expect(Math.min(...kept)).toBe(3000 - MAX_TOTAL);
  });

  it('a huge foreign store is read in bounded time', () => {
    const sites: Record<string, unknown> = {};
    const list = Array.from({ length: 100_000 }, (_, i) => entry(i, i));
    for (let k = 0; k < 20_000; k++) sites[`s${k}.example`] = list;
    const started = performance.now();
    const out = validateDismissed({ version: 1, sites });
    expect(countDismissed(out)).toBe(MAX_TOTAL);
    expect(performance.now() - started).toBeLessThan(5000); // a guard against quadratic eviction, not a benchmark
  });
});

describe('change intents', () => {
  const dismiss = (site: string, hash: number, entity: DismissedEntry['entity'] = 'azure') => ({ op: 'dismiss', site, entity, hash: H(hash) }) as const;

  it('dismiss adds with the time, a second dismiss changes nothing, undo removes, clear forgets all', () => {
    let d = applyDismissChange({}, dismiss('bbc.com', 1), 100);
    expect(d).toEqual({ 'bbc.com': [entry(1, 100)] });
    expect(applyDismissChange(d, dismiss('bbc.com', 1), 200)).toEqual(d);
    d = applyDismissChange(d, dismiss('bbc.com', 1, 'microsoft'), 300);
    expect(d['bbc.com']).toHaveLength(2);
    d = applyDismissChange(d, { op: 'undo', site: 'bbc.com', entity: 'azure', hash: H(1) }, 400);
    expect(d).toEqual({ 'bbc.com': [entry(1, 300, 'microsoft')] });
    d = applyDismissChange(d, { op: 'undo', site: 'bbc.com', entity: 'microsoft', hash: H(1) }, 400);
    expect(d).toEqual({});
    d = applyDismissChange(applyDismissChange({}, dismiss('a.com', 1), 1), dismiss('b.com', 2), 2);
    expect(applyDismissChange(d, { op: 'clear' }, 3)).toEqual({});
  });

  it('the input is never modified', () => {
    const d: Dismissed = { 'bbc.com': [entry(1, 1)] };
    const copy = structuredClone(d);
    applyDismissChange(d, dismiss('bbc.com', 2), 5);
    applyDismissChange(d, { op: 'undo', site: 'bbc.com', entity: 'azure', hash: H(1) }, 5);
    expect(d).toEqual(copy);
  });

  it(`the ${MAX_PER_SITE + 1}st dismissal on a site pushes out that site's oldest; other sites keep theirs`, () => {
    let d: Dismissed = { 'other.com': [entry(999, 0)] };
    for (let i = 0; i < MAX_PER_SITE; i++) d = applyDismissChange(d, dismiss('bbc.com', i), 10 + i);
    expect(d['bbc.com']).toHaveLength(MAX_PER_SITE);
    d = applyDismissChange(d, dismiss('bbc.com', 5000), 10_000);
    expect(d['bbc.com']).toHaveLength(MAX_PER_SITE);
    expect(d['bbc.com']?.[0]).toEqual(entry(1, 11));
    expect(d['bbc.com']?.at(-1)).toEqual(entry(5000, 10_000));
    expect(d['other.com']).toEqual([entry(999, 0)]);
  });

  it(`past ${MAX_TOTAL} in total, the oldest of any site goes first`, () => {
    let d: Dismissed = {};
    for (let k = 0; k < MAX_TOTAL / 100; k++) d[`s${k}.com`] = Array.from({ length: 100 }, (_, i) => entry(i, 1 + k * 100 + i));
    expect(countDismissed(d)).toBe(MAX_TOTAL);
    d = applyDismissChange(d, dismiss('new.com', 1), 1_000_000);
    expect(countDismissed(d)).toBe(MAX_TOTAL);
    expect(d['s0.com']?.[0]).toEqual(entry(1, 2)); // the oldest of all (at 1) went
    expect(d['new.com']).toEqual([entry(1, 1_000_000)]);
  });

  it('a clock that went back keeps each list oldest first', () => {
    let d = applyDismissChange({}, dismiss('bbc.com', 1), 500);
    d = applyDismissChange(d, dismiss('bbc.com', 2), 100);
    expect(d['bbc.com']?.map((e) => e.at)).toEqual([100, 500]);
  });

  it.each<unknown>([
    null,
    'clear',
    { op: 'reset' },
    { op: 'dismiss', site: 'bbc.com', entity: 'google', hash: H(1) },
    { op: 'dismiss', site: 'bbc.com', entity: 'azure', hash: 'short' },
    { op: 'dismiss', site: 'bbc.com', entity: 'azure', hash: H(0xabc).toUpperCase() },
    { op: 'dismiss', site: 'not a host', entity: 'azure', hash: H(1) },
    { op: 'dismiss', site: 'x'.repeat(5000), entity: 'azure', hash: H(1) },
    { op: 'undo', entity: 'azure', hash: H(1) },
  ])('malformed change %j is refused', (value) => {
    expect(parseDismissChange(value)).toBeNull();
  });

  it('a well-formed change is kept, with its site in normal form', () => {
    expect(parseDismissChange({ op: 'dismiss', site: 'WWW.BBC.com', entity: 'unit-8200', hash: H(7), extra: 1 })).toEqual({
      op: 'dismiss',
      site: 'bbc.com',
      entity: 'unit-8200',
      hash: H(7),
    });
    expect(parseDismissChange({ op: 'clear', site: 'bbc.com' })).toEqual({ op: 'clear' });
  });
});

/** A fake storage.local whose reads and writes can be made to fail. */
function fakeArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = structuredClone(initial);
  const control = { failGet: false, failSet: null as Error | null, writes: 0 };
  const area: SettingsArea = {
    async get(key) {
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      if (control.failGet) throw new Error('storage unavailable');
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      if (control.failSet) throw control.failSet;
      control.writes++;
      Object.assign(data, structuredClone(items));
    },
  };
  return { data, control, area };
}

describe('the background writer of dismissals', () => {
  const dismiss = (hash: number, site = 'bbc.com') => ({ op: 'dismiss', site, entity: 'azure', hash: H(hash) }) as const;

  it('applies dismiss, undo and clear, storing the versioned shape', async () => {
    const { data, area } = fakeArea();
    let now = 1000;
    const writer = createDismissWriter(() => area, createSerial(), () => now++);
    expect(await writer.change(dismiss(1))).toEqual({ ok: true, dismissed: { 'bbc.com': [entry(1, 1000)] } });
    expect(data['dismissed']).toEqual({ version: 1, sites: { 'bbc.com': [entry(1, 1000)] } });
    await writer.change(dismiss(2));
    await writer.change({ op: 'undo', site: 'bbc.com', entity: 'azure', hash: H(1) });
    expect(await writer.read()).toEqual({ ok: true, dismissed: { 'bbc.com': [entry(2, 1001)] } });
    await writer.change({ op: 'clear' });
    expect(data['dismissed']).toEqual({ version: 1, sites: {} });
  });

  it('twenty simultaneous dismissals from many tabs are all kept', async () => {
    const { area } = fakeArea();
    const writer = createDismissWriter(() => area);
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer.change(dismiss(i, `s${i % 3}.com`))));
    const read = await writer.read();
    expect(read.ok && countDismissed(read.dismissed)).toBe(20);
  });

  it('the textbook race loses writes: read-modify-write per caller (shows the test above can fail)', async () => {
    const { data, area } = fakeArea();
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const current = validateDismissed((await area.get('dismissed'))['dismissed']);
        await area.set({ dismissed: storedForm(applyDismissChange(current, dismiss(i), i)) });
      }),
    );
    expect(countDismissed(validateDismissed(data['dismissed']))).toBeLessThan(20);
  });

  it('a failed read refuses the change and writes nothing; the next good read has everything', async () => {
    const { data, control, area } = fakeArea({ dismissed: storedForm({ 'bbc.com': [entry(1, 1)] }) });
    const writer = createDismissWriter(() => area);
    control.failGet = true;
    expect(await writer.change(dismiss(2))).toEqual({ ok: false, error: 'unreadable', dismissed: null });
    expect(await writer.change({ op: 'clear' })).toEqual({ ok: false, error: 'unreadable', dismissed: null });
    expect(await writer.read()).toEqual({ ok: false, error: 'unreadable', dismissed: null });
    expect(control.writes).toBe(0);
    control.failGet = false;
    expect(data['dismissed']).toEqual(storedForm({ 'bbc.com': [entry(1, 1)] }));
    const after = await writer.change(dismiss(2));
    expect(after.ok && after.dismissed['bbc.com']?.length).toBe(2);
  });

  it.each([
    [new Error('QUOTA_BYTES quota exceeded'), 'quota'],
    [Object.assign(new Error('no room'), { name: 'QuotaExceededError' }), 'quota'],
    [new Error('IO error'), 'unwritable'],
  ])('a failed write (%s) is reported as %s and the store is as before', async (error, code) => {
    const { data, control, area } = fakeArea({ dismissed: storedForm({ 'bbc.com': [entry(1, 1)] }) });
    const writer = createDismissWriter(() => area);
    control.failSet = error;
    expect(await writer.change(dismiss(2))).toEqual({ ok: false, error: code, dismissed: { 'bbc.com': [entry(1, 1)] } });
    expect(data['dismissed']).toEqual(storedForm({ 'bbc.com': [entry(1, 1)] }));
  });

  it('corrupt stored dismissals count as none, and the settings beside them are untouched', async () => {
    const settings = { schemaVersion: 2, mode: 'first', disabledSites: ['cnn.com'] };
    const { data, area } = fakeArea({ dismissed: { version: 1, sites: { 'bbc.com': 'garbage' } }, settings });
    const serial = createSerial();
    const writer = createDismissWriter(() => area, serial, () => 7);
    const settingsWriter = createSettingsWriter(() => area, serial);
    expect(await writer.read()).toEqual({ ok: true, dismissed: {} });
    expect(await writer.change(dismiss(1))).toEqual({ ok: true, dismissed: { 'bbc.com': [entry(1, 7)] } });
    expect(data['settings']).toEqual(settings);
    const read = await settingsWriter.read();
    expect(read.ok && read.settings.mode).toBe('first');
    expect(read.ok && read.settings.disabledSites).toEqual(['cnn.com']);
  });

  it('shares one queue with the settings writer: changes of both apply in arrival order', async () => {
    const { area } = fakeArea();
    const order: string[] = [];
    const logged: SettingsArea = {
      get: (key) => (order.push(`get ${key}`), area.get(key)),
      set: (items) => (order.push(`set ${Object.keys(items).join()}`), area.set(items)),
    };
    const serial = createSerial();
    const settings = createSettingsWriter(() => logged, serial);
    const dismissed = createDismissWriter(() => logged, serial);
    await Promise.all([
      settings.change({ op: 'set', field: 'mode', value: 'first' }),
      dismissed.change(dismiss(1)),
      settings.change({ op: 'setSiteEnabled', site: 'cnn.com', on: false }),
      dismissed.change(dismiss(2)),
    ]);
    expect(order).toEqual([
      'get settings',
      'set settings',
      'get dismissed',
      'set dismissed',
      'get settings',
      'set settings',
      'get dismissed',
      'set dismissed',
    ]);
  });
});
