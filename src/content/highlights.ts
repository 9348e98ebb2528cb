/**
 * Paints mentions with the CSS Custom Highlight API: one `Highlight` per entity, registered as
 * `backstory-<entityId>`. The page's DOM is never touched; the `::highlight()` styles are inserted
 * by the background with the first mark (see index.ts), so a page without a mention sees none.
 */
import { ENTITY_IDS, type EntityId } from '../data/types';
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

/**
 * Keeps `CSS.highlights` in line with the mentions, touching only what changed.
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
  private readonly highlights = new Map<EntityId, Highlight>();
  /** Per entity: own range → the copy registered for it. */
  private readonly painted = new Map<EntityId, Map<Range, Range>>();
  /** Registered copy → own range. */
  private readonly owners = new WeakMap<AbstractRange, Range>();
  private emphasis: Highlight | null = null;

  /** Make the highlights match exactly `mentions`, touching only what changed. */
  paint(mentions: readonly Mention[], emphasise = false): void {
    this.paintEntities(mentions);
    if (emphasise && mentions.length) {
      this.emphasis ??= new Highlight();
      this.emphasis.clear();
      for (const m of mentions) {
        const copy = this.painted.get(m.entityId)?.get(m.range);
        if (copy) this.emphasis.add(copy);
      }
      if (CSS.highlights.get(EMPHASIS) !== this.emphasis) CSS.highlights.set(EMPHASIS, this.emphasis);
    } else if (this.emphasis) {
      CSS.highlights.delete(EMPHASIS);
      this.emphasis = null;
    }
  }

  /** Backstory's own range for a range found in the registry (e.g. by `highlightsFromPoint`), if it is one of our copies. */
  ownRange(range: AbstractRange): Range | undefined {
    return this.owners.get(range);
  }

  /**
   * Check every registration and copy against the own ranges and repair what the page changed:
   * moved, extended or collapsed copies are replaced, removed ones put back, foreign ranges dropped,
   * replaced or deleted registrations restored. O(marks); returns whether anything was repaired.
   */
  verify(): boolean {
    let repaired = false;
    for (const [id, highlight] of this.highlights) {
      if (this.register(highlightName(id), highlight)) repaired = true;
      const copies = this.painted.get(id);
      if (copies && this.repairHighlight(highlight, copies)) repaired = true;
    }
    if (this.emphasis) {
      const all = new Map<Range, Range>();
      for (const copies of this.painted.values()) for (const [own, copy] of copies) all.set(own, copy);
      if (this.register(EMPHASIS, this.emphasis)) repaired = true;
      if (this.repairHighlight(this.emphasis, all)) repaired = true;
    }
    return repaired;
  }

  private register(name: string, highlight: Highlight): boolean {
    if (CSS.highlights.get(name) === highlight) return false;
    CSS.highlights.set(name, highlight);
    return true;
  }

  private copyOf(own: Range): Range {
    const copy = own.cloneRange();
    this.owners.set(copy, own);
    return copy;
  }

  private repairHighlight(highlight: Highlight, copies: Map<Range, Range>): boolean {
    let repaired = false;
    // What the page could set on our object to change how (or whether) the marks are drawn.
    if (highlight.priority !== 0) (highlight.priority = 0), (repaired = true);
    if (highlight.type !== 'highlight') (highlight.type = 'highlight'), (repaired = true);
    for (const [own, copy] of copies) {
      if (!sameBoundaries(own, copy)) {
        highlight.delete(copy);
        this.owners.delete(copy);
        const fresh = this.copyOf(own);
        copies.set(own, fresh);
        highlight.add(fresh);
        repaired = true;
      } else if (!highlight.has(copy)) {
        highlight.add(copy);
        repaired = true;
      }
    }
    if (highlight.size !== copies.size) {
      // Ranges the page added. Rebuilt rather than iterated: in Firefox a content script's callback
      // passed to the page-side Highlight.forEach fails ("Permission denied to access object") and
      // Xrays do not wrap its iterators. Only a tampered highlight pays for this.
      highlight.clear();
      for (const copy of copies.values()) highlight.add(copy);
      repaired = true;
    }
    return repaired;
  }

  private paintEntities(mentions: readonly Mention[]): void {
    const wanted = new Map<EntityId, Set<Range>>();
    for (const id of ENTITY_IDS) wanted.set(id, new Set());
    for (const m of mentions) wanted.get(m.entityId)?.add(m.range);
    for (const id of ENTITY_IDS) {
      const next = wanted.get(id) as Set<Range>;
      let copies = this.painted.get(id);
      if (!copies) this.painted.set(id, (copies = new Map()));
      let highlight = this.highlights.get(id);
      if (next.size === 0) {
        if (highlight) {
          CSS.highlights.delete(highlightName(id));
          this.highlights.delete(id);
        }
        copies.clear();
        continue;
      }
      for (const [own, copy] of copies) {
        if (next.has(own)) continue;
        highlight?.delete(copy);
        copies.delete(own);
      }
      if (!highlight) {
        highlight = new Highlight();
        this.highlights.set(id, highlight);
      }
      for (const own of next) {
        if (copies.has(own)) continue;
        const copy = this.copyOf(own);
        copies.set(own, copy);
        highlight.add(copy);
      }
      // The page shares the registry and could have removed or replaced our entry.
      this.register(highlightName(id), highlight);
    }
  }

  /** Remove every mark at once. */
  clear(): void {
    for (const id of this.highlights.keys()) CSS.highlights.delete(highlightName(id));
    if (this.emphasis) CSS.highlights.delete(EMPHASIS);
    this.emphasis = null;
    this.highlights.clear();
    this.painted.clear();
  }
}
