import { FORMAT_CHARS } from './text';

const ANY_IGNORABLE = new RegExp(`[${FORMAT_CHARS}]`);
const EACH_IGNORABLE = new RegExp(`[${FORMAT_CHARS}]`, 'g');

/** A block with its invisible characters removed, and where they were, to map offsets back. */
export interface Stripped {
  text: string;
  /** Raw offsets of the removed characters, ascending. */
  removed: number[];
}

/** Cheap test that decides whether a block needs the slow path at all. */
export function hasIgnorable(text: string): boolean {
  return ANY_IGNORABLE.test(text);
}

export function strip(text: string): Stripped {
  const removed: number[] = [];
  const clean = text.replace(EACH_IGNORABLE, (_match: string, offset: number) => {
    removed.push(offset);
    return '';
  });
  return { text: clean, removed };
}

/**
 * Raw offset of the character at `index` in the stripped text: `index` plus the number of removed
 * characters before it. `removed[k] - k` never decreases, so that number is found by binary search
 * (a linear count made a block with many hits and many invisible characters quadratic).
 */
export function rawIndex(removed: readonly number[], index: number): number {
  let lo = 0;
  let hi = removed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((removed[mid] as number) - mid <= index) lo = mid + 1;
    else hi = mid;
  }
  return index + lo;
}

/** Raw [start, end) of a stripped [start, end): invisible characters just outside the name stay outside. */
export function rawRange(removed: readonly number[], start: number, end: number): [number, number] {
  return [rawIndex(removed, start), rawIndex(removed, end - 1) + 1];
}
