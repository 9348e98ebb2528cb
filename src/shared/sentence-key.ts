/**
 * What a reader's "Not about this story" is remembered by: a hash of the sentence around the mark,
 * never the sentence itself. Pure (no DOM, no browser API): content.js computes keys on pages,
 * unit tests check them here.
 *
 * The sentence is cut from the text around the mark (see content/mark-sentence.ts) and normalised so
 * that the same sentence gives the same key however the page writes it: NFKC (full-width letters,
 * ligatures, no-break spaces), case-folded (upper- then lower-case: "ß" and "SS", "ς" and "Σ" meet),
 * invisible characters dropped (zero-width spaces and joiners, soft hyphens, bidi marks), whitespace
 * collapsed. The mark's own text is part of it, so "Azure" and "Microsoft" in one sentence are two keys.
 */
import { sentenceAround } from '../detect/sentence';
import { FORMAT_CHARS } from '../detect/text';

/** Invisible characters: the matcher's set plus ZWNJ (spelled in Persian, but optional in practice). */
const INVISIBLE = new RegExp(`[${FORMAT_CHARS}\\u200C]`, 'g');
/** At most this many characters of sentence either side of the mark: bounds work on hostile text. */
export const SIDE = 300;

/** Invisible characters removed, runs of whitespace made one space. */
export function tidy(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ');
}

/**
 * The sentence around a mark, as shown to the reader (popup): from the text `before` it in its block,
 * its own text and the text `after` it, each tidied; at most SIDE characters either side.
 */
export function sentenceOf(before: string, mark: string, after: string): string {
  // Slices first: a 5 MB text node costs the same as a short one.
  const b = tidy(before.slice(-4 * SIDE));
  const m = tidy(mark.slice(0, 4 * SIDE));
  const text = b + m + tidy(after.slice(0, 4 * SIDE));
  const start = b.length;
  const end = start + m.length;
  // The matcher's sentence (same ends; after tidy() every space is one ' '), with a wider window.
  const [from, to] = sentenceAround(text, start, end, SIDE);
  return text.slice(from, to).trim();
}

/** The form that is hashed: NFKC, case-folded, invisible characters dropped, whitespace collapsed. */
export function normalise(sentence: string): string {
  return tidy(sentence.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC')).trim();
}

/**
 * FNV-1a 64 over the UTF-16LE code units of `text`, as 16 hex digits. Not data/hash.ts's `fnv1a64`:
 * that one encodes UTF-8 with TextEncoder, which turns every lone surrogate into U+FFFD (so distinct
 * hostile strings collide), and multiplies BigInts per byte (measured in Node: 146 µs for a 300-character
 * sentence against 34 µs here, though this reads twice the bytes). Here the 64-bit
 * state is four 16-bit limbs in plain numbers; the prime is 2^40 + 0x1b3, so the product is a shift and
 * a small multiply. No crypto.subtle: it is missing on http pages, and it is async.
 */
export function hash64(text: string): string {
  // Offset basis 0xcbf29ce484222325, least significant limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    for (let k = 0; k < 2; k++) {
      h0 ^= k === 0 ? unit & 0xff : unit >>> 8;
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (h0 << 8) + (t1 >>> 16);
      h3 = (h3 * 0x1b3 + (h1 << 8) + (t2 >>> 16)) & 0xffff;
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
    }
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

/** The stored hash of a mark's sentence. */
export const sentenceHash = (sentence: string): string => hash64(normalise(sentence));
