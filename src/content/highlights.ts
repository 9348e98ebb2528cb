/**
 * Paints mentions with the CSS Custom Highlight API: one `Highlight` per entity, registered as
 * `backstory-<entityId>`. The page's DOM is never touched; the `::highlight()` styles are inserted
 * by the background with the first mark (see index.ts), so a page without a mention sees none.
 */
import type { EntityId } from '../data/types';
import type { Mode } from '../shared/settings';
import type { Mention } from './mention';

export const highlightName = (id: EntityId) => `backstory-${id}`;

/** Whether this browser can draw our marks at all. */
export function highlightsSupported(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

export interface PaintOptions {
  mode: Mode;
  entities: Record<EntityId, boolean>;
  /** The page is about the story (detect/about-story.ts): "automatic" then marks every mention. */
  aboutStory?: boolean;
}

/** Which mentions are drawn under the reader's settings. */
export function visibleMentions(all: readonly Mention[], options: PaintOptions): Mention[] {
  if (options.mode === 'off') return [];
  const shown = all.filter((m) => options.entities[m.entityId]);
  if (options.mode === 'all' || (options.mode === 'automatic' && options.aboutStory === true)) return shown;
  const seen = new Set<EntityId>();
  return shown.filter((m) => (seen.has(m.entityId) ? false : (seen.add(m.entityId), true)));
}

/** Extra registration holding every visible mark when the reader picked the "background" style. */
export const EMPHASIS = 'backstory-emphasis';

const sameBoundaries = (a: AbstractRange, b: AbstractRange) =>
  a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;

/** Copies checked per `verify` beyond the ones asked for: the rest are checked in turn by later uses. */
const VERIFY_BATCH = 32;

interface Painted {
  entityId: EntityId;
  /** The copy registered for the own range. */
  copy: Range;
}

/**
 * Keeps `CSS.highlights` in line with the shown mentions, touching only what changed: `update` adds
 * and removes single marks, so a change of one paragraph costs that paragraph's marks.
 *
 * The registry is shared with the page (tech.md §1): any page script can read our Highlights, move or
 * collapse their ranges, add its own or replace the registration (issue 11, finding 2: a page moved
 * the Unit 8200 range onto "Google" and a real hover opened the Unit 8200 card there). So the ranges
 * registered are copies (`cloneRange`) of Backstory's own, which never leave the content script; the
 * card, hit-testing, counts and commands use only the own ranges, and a copy from the registry is
 * trusted only through `ownRange` plus the own range's geometry. `verify` puts back whatever the page
 * changed. Copies are live Ranges (not StaticRanges) so they follow DOM edits as the own ones do.
 */
export class Painter {
  readonly #highlights = new Map<EntityId, Highlight>();
  /** Own range → its entity and registered copy. */
  readonly #painted = new Map<Range, Painted>();
  /** Copies per entity: what each Highlight's size must be. */
  readonly #sizes = new Map<EntityId, number>();
  /** Registered copy → own range. */
  readonly #owners = new WeakMap<AbstractRange, Range>();
  #emphasis: Highlight | null = null;
  #emphasised = false;
  /** Where `verify` goes on checking copies in turn (a Map iterator follows later additions and removals). */
  #cursor: Iterator<[Range, Painted]> | null = null;

  /** Start drawing `show` and stop drawing `hide` (mentions not drawn, or already drawn, are ignored). */
  update(show: readonly Mention[], hide: readonly Mention[]): void {
    const touched = new Set<EntityId>();
    for (const m of hide) {
      const entry = this.#painted.get(m.range);
      if (!entry) continue;
      this.#painted.delete(m.range);
      this.#owners.delete(entry.copy);
      this.#highlights.get(entry.entityId)?.delete(entry.copy);
      this.#emphasis?.delete(entry.copy);
      this.#sizes.set(entry.entityId, (this.#sizes.get(entry.entityId) ?? 1) - 1);
      touched.add(entry.entityId);
    }
    for (const m of show) {
      if (this.#painted.has(m.range)) continue;
      const copy = this.#copyOf(m.range);
      this.#painted.set(m.range, { entityId: m.entityId, copy });
      let highlight = this.#highlights.get(m.entityId);
      if (!highlight) this.#highlights.set(m.entityId, (highlight = new Highlight()));
      highlight.add(copy);
      this.#emphasis?.add(copy);
      this.#sizes.set(m.entityId, (this.#sizes.get(m.entityId) ?? 0) + 1);
      touched.add(m.entityId);
    }
    for (const id of touched) {
      if (this.#sizes.get(id)) {
        // The page shares the registry and could have removed or replaced our entry.
        this.#register(highlightName(id), this.#highlights.get(id) as Highlight);
      } else {
        CSS.highlights.delete(highlightName(id));
        this.#highlights.delete(id);
        this.#sizes.delete(id);
      }
    }
    this.#syncEmphasis();
  }

  /** Whether every mark is also in the "background" style's highlight (the reader's style setting). */
  emphasise(on: boolean): void {
    this.#emphasised = on;
    this.#syncEmphasis();
  }

  /** Backstory's own range for a range found in the registry (e.g. by `highlightsFromPoint`), if it is one of our copies. */
  ownRange(range: AbstractRange): Range | undefined {
    return this.#owners.get(range);
  }

  /**
   * Repair what the page changed before marks are used: replaced or deleted registrations, the
   * Highlights' settings, ranges added to or removed from them (their sizes), and moved, extended or
   * collapsed copies: those of `ranges` (the own ranges about to be used, e.g. under the pointer) and
   * VERIFY_BATCH more in turn, so repeated uses cover every mark while each costs O(1). Returns
   * whether anything was repaired.
   */
  verify(ranges: readonly Range[] = []): boolean {
    let repaired = false;
    for (const range of ranges) {
      const entry = this.#painted.get(range);
      if (entry && this.#repairCopy(range, entry)) repaired = true;
    }
    const batch = Math.min(VERIFY_BATCH, this.#painted.size);
    for (let i = 0; i < batch; i++) {
      let next = this.#cursor?.next();
      if (!next || next.done) next = (this.#cursor = this.#painted.entries()).next();
      if (next.done) break;
      if (this.#repairCopy(next.value[0], next.value[1])) repaired = true;
    }
    for (const [id, highlight] of this.#highlights) {
      if (this.#repairHighlight(highlightName(id), highlight, this.#sizes.get(id) ?? 0, id)) repaired = true;
    }
    if (this.#emphasis && this.#repairHighlight(EMPHASIS, this.#emphasis, this.#painted.size, null)) repaired = true;
    return repaired;
  }

  /** Remove every mark at once. */
  clear(): void {
    for (const id of this.#highlights.keys()) CSS.highlights.delete(highlightName(id));
    if (this.#emphasis) CSS.highlights.delete(EMPHASIS);
    this.#emphasis = null;
    this.#highlights.clear();
    this.#painted.clear();
    this.#sizes.clear();
    this.#cursor = null;
  }

  #syncEmphasis(): void {
    if (this.#emphasised && this.#painted.size) {
      if (!this.#emphasis) {
        this.#emphasis = new Highlight();
        for (const { copy } of this.#painted.values()) this.#emphasis.add(copy);
      }
      this.#register(EMPHASIS, this.#emphasis);
    } else if (this.#emphasis) {
      CSS.highlights.delete(EMPHASIS);
      this.#emphasis = null;
    }
  }

  #register(name: string, highlight: Highlight): boolean {
    if (CSS.highlights.get(name) === highlight) return false;
    CSS.highlights.set(name, highlight);
    return true;
  }

  #copyOf(own: Range): Range {
    const copy = own.cloneRange();
    this.#owners.set(copy, own);
    return copy;
  }

  /** A moved, extended or collapsed copy is replaced; one removed from its Highlight is put back. */
  #repairCopy(own: Range, entry: Painted): boolean {
    const highlight = this.#highlights.get(entry.entityId);
    if (!sameBoundaries(own, entry.copy)) {
      this.#replaceCopy(own, entry);
      return true;
    }
    let repaired = false;
    if (highlight && !highlight.has(entry.copy)) (highlight.add(entry.copy), (repaired = true));
    if (this.#emphasis && !this.#emphasis.has(entry.copy)) (this.#emphasis.add(entry.copy), (repaired = true));
    return repaired;
  }

  #replaceCopy(own: Range, entry: Painted): void {
    const highlight = this.#highlights.get(entry.entityId);
    highlight?.delete(entry.copy);
    this.#emphasis?.delete(entry.copy);
    this.#owners.delete(entry.copy);
    entry.copy = this.#copyOf(own);
    highlight?.add(entry.copy);
    this.#emphasis?.add(entry.copy);
  }

  /** The registration, the settings and the size of one Highlight (`entityId` null: the emphasis, holding every copy). */
  #repairHighlight(name: string, highlight: Highlight, size: number, entityId: EntityId | null): boolean {
    let repaired = this.#register(name, highlight);
    // What the page could set on our object to change how (or whether) the marks are drawn.
    if (highlight.priority !== 0) (highlight.priority = 0), (repaired = true);
    if (highlight.type !== 'highlight') (highlight.type = 'highlight'), (repaired = true);
    if (highlight.size !== size) {
      // Ranges the page added or removed. Rebuilt rather than iterated: in Firefox a content script's
      // callback passed to the page-side Highlight.forEach fails ("Permission denied to access
      // object") and Xrays do not wrap its iterators. Only a tampered highlight pays for this.
      highlight.clear();
      for (const [own, entry] of this.#painted) {
        if (entityId !== null && entry.entityId !== entityId) continue;
        if (!sameBoundaries(own, entry.copy)) this.#replaceCopy(own, entry);
        highlight.add(entry.copy);
      }
      repaired = true;
    }
    return repaired;
  }
}
