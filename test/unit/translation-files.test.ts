/**
 * The card's per-language tables (src/card/translation-files.ts) under a page that floods language changes:
 * a hostile page can flip `lang` on every element as often as it likes, and every card it makes a reader open
 * asks for the mention's table. The background is asked at most once per language while a load is pending or
 * done; only a load that failed (the background restarting) is asked again, once per later card.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const sent: Array<{ type: string; payload: unknown }> = [];
let settle: Array<(ok: boolean) => void> = [];

vi.mock('../../src/shared/messages', () => ({
  sendToBackground: (type: string, payload: unknown) => {
    sent.push({ type, payload });
    return new Promise((resolve, reject) => settle.push((ok) => (ok ? resolve({ ok: true }) : reject(new Error('no receiver')))));
  },
}));

const LANGS = ['ar', 'he', 'en'] as const;

/** A fresh page: the module's pending loads and the world's tables start empty. */
async function freshPage() {
  vi.resetModules();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('backstory.translations')];
  return import('../../src/card/translation-files');
}

describe('card tables under a flood of language changes', () => {
  beforeEach(() => {
    sent.length = 0;
    settle = [];
  });

  it('asks the background once per language however many cards ask, and English never', async () => {
    const { loadedTables, tableLoading } = await freshPage();
    const pending = [];
    for (let i = 0; i < 10_000; i++) pending.push(tableLoading(LANGS[i % 3] as (typeof LANGS)[number]));
    expect(sent.map((s) => s.payload)).toEqual([{ lang: 'ar' }, { lang: 'he' }]);
    expect(pending.filter((p) => p === null)).toHaveLength(3333);
    // Both loads arrive: the files set their tables, as card-ar.js and card-he.js do.
    Object.assign(loadedTables(), { ar: {}, he: {} });
    for (const done of settle) done(true);
    await Promise.all(pending);
    for (let i = 0; i < 1_000; i++) expect(tableLoading(LANGS[i % 3] as (typeof LANGS)[number])).toBeNull();
    expect(sent).toHaveLength(2);
  });
});

describe('a load that fails', () => {
  it('is asked again by the next card, once, not by every card while the retry is pending', async () => {
    const { tableLoading } = await freshPage();
    sent.length = 0;
    settle = [];
    const first = tableLoading('ar');
    for (let i = 0; i < 100; i++) expect(tableLoading('ar')).toBe(first);
    settle[0]?.(false);
    await first;
    await Promise.resolve();
    expect(sent).toHaveLength(1);
    const second = tableLoading('ar');
    expect(second).not.toBe(first);
    for (let i = 0; i < 100; i++) expect(tableLoading('ar')).toBe(second);
    expect(sent).toHaveLength(2);
  });
});
