/**
 * The reader's dismissed marks on this page's site ("Not about this story"), as a filter on the
 * scanner's list: the scan itself is unchanged, and what is dismissed is simply not shown, counted or
 * stepped to. Keys come from storage (written only by the background) and follow storage.onChanged,
 * so every tab of the site drops or brings back a mark together. Nothing here is visible to the page.
 *
 * This class and what it needs (validation, sentence, hash) travel in card.js, not content.js (whose
 * size budget is 30 KB): content.js loads it, before its first paint, only on a site that has
 * dismissals (see `mayHaveDismissals`). Each mark of a dismissed name is keyed once (its sentence read
 * and hashed) and remembered for as long as the mark lives.
 */
import { markKey, siteKeys } from '../shared/dismissed';
import { sentenceHash } from '../shared/sentence-key';
import { markSentence } from './mark-sentence';
import type { Mention } from './mention';

const entityOf = (key: string): string => key.slice(0, key.indexOf(':'));

export class Dismissals {
  private keys = new Set<string>();
  /** The entities of `keys`: marks of other names need no key at all. */
  private entities = new Set<string>();
  private readonly cache = new WeakMap<Mention, string>();

  /** @param site - this page's site key (shared/sites.ts) */
  constructor(private readonly site: string) {}

  /** Take the stored value (storage's `dismissed`, any shape); whether this site's set changed. */
  update(raw: unknown): boolean {
    return this.replace(siteKeys(raw, this.site));
  }

  /** The key of a mark: its entity and its sentence's hash. */
  keyOf(m: Mention): string {
    let key = this.cache.get(m);
    if (key === undefined) this.cache.set(m, (key = markKey(m.entityId, sentenceHash(markSentence(m.range)))));
    return key;
  }

  /** `list` without the dismissed marks (the same array when nothing is dismissed). */
  filter(list: readonly Mention[]): readonly Mention[] {
    if (this.keys.size === 0) return list;
    return list.filter((m) => !this.entities.has(m.entityId) || !this.keys.has(this.keyOf(m)));
  }

  /** Hide a mark's key at once, before the background has stored it (undone by `remove` on failure). */
  add(key: string): void {
    this.replace(new Set(this.keys).add(key));
  }

  remove(key: string): void {
    const next = new Set(this.keys);
    next.delete(key);
    this.replace(next);
  }

  /** The sentence of the first mark on the page with each of `keys` (the popup's list). */
  sentences(list: readonly Mention[], keys: readonly string[]): Record<string, string> {
    const wanted = new Set(keys);
    const entities = new Set(keys.map(entityOf));
    const out: Record<string, string> = {};
    for (const m of list) {
      if (!entities.has(m.entityId)) continue;
      const key = this.keyOf(m);
      if (wanted.has(key) && !(key in out)) out[key] = markSentence(m.range);
    }
    return out;
  }

  private replace(next: Set<string>): boolean {
    const same = next.size === this.keys.size && [...next].every((k) => this.keys.has(k));
    this.keys = next;
    this.entities = new Set([...next].map(entityOf));
    return !same;
  }
}
