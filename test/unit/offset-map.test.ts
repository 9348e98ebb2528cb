/**
 * Mapping offsets in the text with invisible characters removed back to the page's raw text
 * (src/detect/ignorable.ts): the binary search must agree with the plain count on every input.
 */
import { describe, expect, it } from 'vitest';
import { rawIndex, rawRange, strip } from '../../src/detect/ignorable';

/** The obvious definition: walk the raw text, counting kept characters. */
function naive(raw: string, removed: readonly number[], index: number): number {
  const gone = new Set(removed);
  let kept = -1;
  for (let i = 0; i < raw.length; i++) {
    if (gone.has(i)) continue;
    if (++kept === index) return i;
  }
  return raw.length + (index - kept - 1);
}

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (Math.imul(a ^ (a >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return a / 4294967296;
  };
}

describe('rawIndex', () => {
  it('agrees with a plain count on random texts with runs of invisible characters', () => {
    const rand = seeded(11);
    for (let t = 0; t < 300; t++) {
      let raw = '';
      const n = Math.floor(rand() * 60);
      for (let i = 0; i < n; i++) raw += rand() < 0.35 ? '\u200B' : rand() < 0.1 ? '\u00AD' : 'a';
      const { text, removed } = strip(raw);
      for (let i = 0; i <= text.length; i++) expect(rawIndex(removed, i)).toBe(naive(raw, removed, i));
    }
  });

  it('keeps invisible characters around a name outside its range', () => {
    const raw = '\u200BMicro\u00ADsoft\u200B said';
    const { text, removed } = strip(raw);
    const start = text.indexOf('Microsoft');
    const [s, e] = rawRange(removed, start, start + 'Microsoft'.length);
    expect(raw.slice(s, e)).toBe('Micro\u00ADsoft');
  });

  it('maps 60,000 names each followed by a zero-width space', () => {
    const raw = 'Microsoft\u200B '.repeat(60_000);
    const { text, removed } = strip(raw);
    expect(removed.length).toBe(60_000);
    const last = text.lastIndexOf('Microsoft');
    expect(rawRange(removed, last, last + 9)).toEqual([raw.lastIndexOf('Microsoft'), raw.lastIndexOf('Microsoft') + 9]);
  });
});
