/**
 * Paints mentions with the CSS Custom Highlight API: one `Highlight` per entity, registered as
 * `backstory-<entityId>`. The page's DOM is never touched; the `::highlight()` styles are inserted
 * by the background with the first mark (see index.ts), so a page without a mention sees none.
 */
import type { EntityId } from '../data/types';
import type { Mode } from '../shared/settings';
import type { Mention } from './mention';
import { NearMarks } from './near';

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

/**
 * While a page shows at most this many marks every one is registered: Firefox's re-check of them after
 * a DOM change then costs at most ~0.2 ms a frame, and no geometry is read. Above it, only the marks near
 * the viewport (near.ts), until the marks are cleared: a page that had many may well have many again, and
 * registering only near marks is right for any number of them.
 */
export const REGISTER_ALL = 200;

/** Register `highlight` under `name` unless it already is (the page shares the registry); whether it was not. */
export function register(name: string, highlight: Highlight): boolean {
  if (CSS.highlights.get(name) === highlight) return false;
  CSS.highlights.set(name, highlight);
  return true;
}

/** How many copies are drawn in all (what the emphasis holds). */
export function drawnCount(sizes: ReadonlyMap<EntityId, number>): number {
  let n = 0;
  for (const size of sizes.values()) n += size;
  return n;
}

/** The painter's marks, shared with the repair of the registry in card.js (registry-repair.ts). */
export interface PaintState {
  highlights: ReadonlyMap<EntityId, Highlight>;
  /** Own range → its entity and registered copy. */
  painted: ReadonlyMap<Range, Painted>;
  /** Drawn copies per entity: what each Highlight's size must be. */
  sizes: ReadonlyMap<EntityId, number>;
  /** Registered copy → own range. */
  owners: WeakMap<AbstractRange, Range>;
  /** Every drawn copy, when the reader picked the "background" style. */
  emphasis: Highlight | null;
}

export interface Painted {
  entityId: EntityId;
  /** The copy registered for the own range. */
  copy: Range;
  /** Whether the copy is in its Highlight (every mark, or on a page with many, those near the viewport). */
  drawn: boolean;
}

/**
 * Keeps `CSS.highlights` in line with the shown mentions, touching only what changed: `update` adds
 * and removes single marks, so a change of one paragraph costs that paragraph's marks. On a page with
 * more than REGISTER_ALL marks, only those near the viewport are registered (near.ts); the own ranges,
 * and so counts, commands and the card, cover every mark.
 *
 * The registry is shared with the page (tech.md §1): any page script can read our Highlights, move or
 * collapse their ranges, add its own or replace the registration (issue 11, finding 2: a page moved
 * the Unit 8200 range onto "Google" and a real hover opened the Unit 8200 card there). So the ranges
 * registered are copies (`cloneRange`) of Backstory's own, which never leave the content script; the
 * card, hit-testing, counts and commands use only the own ranges, and a copy from the registry is
 * trusted only through its owner (`state().owners`) plus the own range's geometry. The repair of what the
 * page changed serves only the card's lookups, so it lives in card.js (registry-repair.ts). Copies are live Ranges (not StaticRanges) so they follow DOM edits as the own ones do.
 */
export class Painter {
  readonly #highlights = new Map<EntityId, Highlight>();
  /** Own range → its entity and registered copy. */
  readonly #painted = new Map<Range, Painted>();
  /** Drawn copies per entity: what each Highlight's size must be. */
  readonly #sizes = new Map<EntityId, number>();
  /** Registered copy → own range. */
  readonly #owners = new WeakMap<AbstractRange, Range>();
  #emphasis: Highlight | null = null;
  #emphasised = false;
  /** Which marks are near the viewport, on a page with more than REGISTER_ALL of them. */
  #near: NearMarks | null = null;

  /** Start drawing `show` and stop drawing `hide` (mentions not drawn, or already drawn, are ignored). */
  update(show: readonly Mention[], hide: readonly Mention[]): void {
    for (const m of hide) {
      const entry = this.#painted.get(m.range);
      if (!entry) continue;
      this.#painted.delete(m.range);
      this.#owners.delete(entry.copy);
      this.#near?.untrack(m.range);
      if (entry.drawn) this.#draw(entry, false);
    }
    for (const m of show) {
      if (this.#painted.has(m.range)) continue;
      const entry: Painted = { entityId: m.entityId, copy: this.#copyOf(m.range), drawn: false };
      this.#painted.set(m.range, entry);
      if (!this.#near || this.#near.track(m.range)) this.#draw(entry, true);
    }
    if (!this.#near && this.#painted.size > REGISTER_ALL) {
      const near = (this.#near = new NearMarks((ranges, on) => {
        for (const range of ranges) {
          const entry = this.#painted.get(range);
          if (entry && entry.drawn !== on) this.#draw(entry, on);
        }
        this.#sync();
      }));
      for (const [own, entry] of this.#painted) if (!near.track(own) && entry.drawn) this.#draw(entry, false);
    }
    this.#sync();
  }

  /** Whether every mark is also in the "background" style's highlight (the reader's style setting). */
  emphasise(on: boolean): void {
    this.#emphasised = on;
    this.#syncEmphasis();
  }

  /** The marks as the registry's repair in card.js reads and mends them (registry-repair.ts). */
  state(): PaintState {
    return { highlights: this.#highlights, painted: this.#painted, sizes: this.#sizes, owners: this.#owners, emphasis: this.#emphasis };
  }

  /** Remove every mark at once. */
  clear(): void {
    for (const id of this.#highlights.keys()) CSS.highlights.delete(highlightName(id));
    if (this.#emphasis) CSS.highlights.delete(EMPHASIS);
    this.#emphasis = null;
    this.#highlights.clear();
    this.#painted.clear();
    this.#sizes.clear();
    this.#near?.stop();
    this.#near = null;
  }

  /** Put a copy in or take it out of its Highlight (and the emphasis); (un)registered by the next `#sync`. */
  #draw(entry: Painted, on: boolean): void {
    const id = entry.entityId;
    entry.drawn = on;
    let highlight = this.#highlights.get(id);
    if (on) {
      if (!highlight) this.#highlights.set(id, (highlight = new Highlight()));
      highlight.add(entry.copy);
      this.#emphasis?.add(entry.copy);
    } else {
      highlight?.delete(entry.copy);
      this.#emphasis?.delete(entry.copy);
    }
    this.#sizes.set(id, (this.#sizes.get(id) ?? 0) + (on ? 1 : -1));
  }

  /** Register the Highlights that have drawn copies, drop those that have none. */
  #sync(): void {
    for (const [id, highlight] of this.#highlights) {
      if (this.#sizes.get(id)) {
        // The page shares the registry and could have removed or replaced our entry.
        register(highlightName(id), highlight);
      } else {
        CSS.highlights.delete(highlightName(id));
        this.#highlights.delete(id);
      }
    }
    this.#syncEmphasis();
  }

  #syncEmphasis(): void {
    // Registered, possibly empty, while there are marks at all (the near ones may be none for a while).
    if (this.#emphasised && this.#painted.size) {
      if (!this.#emphasis) {
        this.#emphasis = new Highlight();
        for (const { copy, drawn } of this.#painted.values()) if (drawn) this.#emphasis.add(copy);
      }
      register(EMPHASIS, this.#emphasis);
    } else if (this.#emphasis) {
      CSS.highlights.delete(EMPHASIS);
      this.#emphasis = null;
    }
  }

  #copyOf(own: Range): Range {
    const copy = own.cloneRange();
    this.#owners.set(copy, own);
    return copy;
  }
}
