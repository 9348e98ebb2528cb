/**
 * A short content hash of the dataset, shown in the popup so readers and maintainers can tell two
 * builds' data apart. Pure JS (FNV-1a, 64-bit) rather than Node's crypto, so the same function runs
 * in build.mjs, in the tests and, if ever needed, in the browser. It identifies content; it is not
 * a security measure.
 */
import type { Dataset } from './types';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** JSON with object keys sorted at every level, so key order in story.json does not change the hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** FNV-1a over the UTF-8 bytes of `text`, as 16 hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

/** 12 hex digits identifying the dataset's content. */
export function contentHash(data: Dataset): string {
  return fnv1a64(canonicalJson(data)).slice(0, 12);
}
