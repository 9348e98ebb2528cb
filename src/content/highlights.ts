/**
 * Paints mentions with the CSS Custom Highlight API: one `Highlight` per entity, registered as
 * `backstory-<entityId>`. The page's DOM is never touched; the `::highlight()` styles come from
 * the manifest's content-script CSS.
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

export class Painter {
  private readonly highlights = new Map<EntityId, Highlight>();
  private readonly painted = new Map<EntityId, Set<AbstractRange>>();
  private emphasis: Highlight | null = null;

  /** Make the highlights match exactly `mentions`, touching only what changed. */
  paint(mentions: readonly Mention[], emphasise = false): void {
    this.paintEntities(mentions);
    if (emphasise && mentions.length) {
      this.emphasis ??= new Highlight();
      this.emphasis.clear();
      for (const m of mentions) this.emphasis.add(m.range);
      if (CSS.highlights.get(EMPHASIS) !== this.emphasis) CSS.highlights.set(EMPHASIS, this.emphasis);
    } else if (this.emphasis) {
      CSS.highlights.delete(EMPHASIS);
      this.emphasis = null;
    }
  }

  private paintEntities(mentions: readonly Mention[]): void {
    const wanted = new Map<EntityId, Set<AbstractRange>>();
    for (const id of ENTITY_IDS) wanted.set(id, new Set());
    for (const m of mentions) wanted.get(m.entityId)?.add(m.range);
    for (const id of ENTITY_IDS) {
      const next = wanted.get(id) as Set<AbstractRange>;
      const current = this.painted.get(id) ?? new Set<AbstractRange>();
      let highlight = this.highlights.get(id);
      if (next.size === 0) {
        if (highlight) {
          CSS.highlights.delete(highlightName(id));
          this.highlights.delete(id);
        }
        this.painted.set(id, next);
        continue;
      }
      if (!highlight) {
        highlight = new Highlight();
        this.highlights.set(id, highlight);
        for (const range of next) highlight.add(range);
        CSS.highlights.set(highlightName(id), highlight);
      } else {
        for (const range of current) if (!next.has(range)) highlight.delete(range);
        for (const range of next) if (!current.has(range)) highlight.add(range);
        // The page shares the registry (tech.md §1) and could have removed our entry.
        if (CSS.highlights.get(highlightName(id)) !== highlight) CSS.highlights.set(highlightName(id), highlight);
      }
      this.painted.set(id, next);
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
