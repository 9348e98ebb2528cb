/**
 * Which of the scanner's mentions are shown, kept up to date from the scanner's changes: a change of
 * one paragraph costs work for that paragraph's marks, not a pass over every mark on the page. The
 * result is the same as `visibleMentions` over the whole list (test/unit/shown.test.ts checks this
 * step by step); the whole list is read again only when the rules change (mode, names, "about the
 * story") or the scanner starts over.
 */
import type { EntityId } from '../data/types';
import { visibleMentions, type Painter, type PaintOptions } from './highlights';
import type { MarkChange, Mention } from './mention';
import type { VisibleChange, VisibleSet } from './visible-set';

/** Mentions to start and to stop showing. */
export interface ShownChange {
  show: Mention[];
  hide: Mention[];
}

const before = (a: Mention, b: Mention) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range) < 0;

/** `#` private members, as in index.ts: the minifier shortens them (content.js size budget). */
export class ShownSelection {
  readonly #shown = new Set<Mention>();
  /** In the first-mention modes: the first mention of each shown name. */
  readonly #firsts = new Map<EntityId, Mention>();
  /** The rules the current selection was made under; null before the first update. */
  #rules: string | null = null;

  /**
   * Bring the selection in line with `all` (the scanner's list, in document order) after `change`
   * (null: nothing changed in the list, the options may have).
   */
  update(all: readonly Mention[], change: MarkChange | null, options: PaintOptions): ShownChange {
    const every = options.mode === 'all' || (options.mode === 'automatic' && options.aboutStory === true);
    const rules = `${options.mode}|${every}|${options.entities.microsoft}|${options.entities.azure}|${options.entities['unit-8200']}`;
    if (rules !== this.#rules || change?.reset) {
      this.#rules = rules;
      return this.#rebuild(visibleMentions(all, options), every);
    }
    if (!change || options.mode === 'off') return { show: [], hide: [] };
    const hide = change.dropped.filter((m) => this.#shown.has(m));
    for (const m of hide) this.#shown.delete(m);
    if (every) {
      const show = change.added.filter((m) => options.entities[m.entityId] && !this.#shown.has(m));
      for (const m of show) this.#shown.add(m);
      return { show, hide };
    }
    return this.#updateFirsts(all, change, options, hide);
  }

  /** Forget everything (the page was cleared); what was shown. */
  clear(): Mention[] {
    const hide = [...this.#shown];
    this.#shown.clear();
    this.#firsts.clear();
    this.#rules = null;
    return hide;
  }

  has(mention: Mention): boolean {
    return this.#shown.has(mention);
  }

  size(): number {
    return this.#shown.size;
  }

  values(): Mention[] {
    return [...this.#shown];
  }

  /** The first mention of each name: only names the change touched can have a new first. */
  #updateFirsts(all: readonly Mention[], change: MarkChange, options: PaintOptions, hide: Mention[]): ShownChange {
    const show: Mention[] = [];
    const touched = new Set<EntityId>();
    for (const m of change.added) touched.add(m.entityId);
    for (const m of hide) touched.add(m.entityId);
    for (const id of touched) {
      if (!options.entities[id]) continue;
      const old = this.#firsts.get(id);
      let first: Mention | undefined = old && this.#shown.has(old) ? old : undefined;
      if (old && !first) {
        // The first one went: the next is somewhere in the list (rare: text removed from the top).
        first = all.find((m) => m.entityId === id);
      } else {
        for (const m of change.added) if (m.entityId === id && (!first || before(m, first))) first = m;
      }
      if (first === old) continue;
      if (old && this.#shown.delete(old)) hide.push(old);
      if (first) {
        this.#firsts.set(id, first);
        this.#shown.add(first);
        show.push(first);
      } else this.#firsts.delete(id);
    }
    return { show, hide };
  }

  #rebuild(next: readonly Mention[], every: boolean): ShownChange {
    const wanted = new Set(next);
    const hide = [...this.#shown].filter((m) => !wanted.has(m));
    const show = next.filter((m) => !this.#shown.has(m));
    for (const m of hide) this.#shown.delete(m);
    for (const m of show) this.#shown.add(m);
    this.#firsts.clear();
    if (!every) for (const m of next) if (!this.#firsts.has(m.entityId)) this.#firsts.set(m.entityId, m);
    return { show, hide };
  }
}

/** What ShownMarks needs of the painter (highlights.ts). */
export type MarkPainter = Pick<Painter, 'update' | 'clear' | 'emphasise'>;

/**
 * The scanner's changes, through the selection, to the painter, and the visible set the badge, the popup
 * and the card's index (visible-index.ts, which follows `onUpdate`) read: what the content script
 * (index.ts) and the benchmark (scripts/bench-page.ts) both run on every change.
 */
export class ShownMarks implements VisibleSet {
  readonly #selection = new ShownSelection();
  readonly #tally: Record<EntityId, number> = { microsoft: 0, azure: 0, 'unit-8200': 0 };
  readonly #listeners = new Set<VisibleChange>();

  readonly #painter: MarkPainter;

  constructor(painter: MarkPainter) {
    this.#painter = painter;
  }

  /** Apply one change of the scanner's list (or of the options, `change` null); whether anything shown changed. */
  update(all: readonly Mention[], change: MarkChange | null, options: PaintOptions, emphasise: boolean): boolean {
    const { show, hide } = this.#selection.update(all, change, options);
    const changed = show.length > 0 || hide.length > 0;
    if (changed) {
      this.#painter.update(show, hide);
      this.#changed(show, hide);
    }
    this.#painter.emphasise(emphasise);
    return changed;
  }

  /** Nothing shown any more. */
  clear(): void {
    const hide = this.#selection.clear();
    this.#painter.clear();
    this.#changed([], hide);
  }

  has(mention: Mention): boolean {
    return this.#selection.has(mention);
  }

  size(): number {
    return this.#selection.size();
  }

  values(): Mention[] {
    return this.#selection.values();
  }

  counts(): Record<EntityId, number> {
    return { ...this.#tally };
  }

  onUpdate(listener: VisibleChange, signal: AbortSignal): void {
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  /** The selection's changes are exact (no mention shown twice or hidden unshown): counted as they come. */
  #changed(show: readonly Mention[], hide: readonly Mention[]): void {
    for (const m of hide) this.#tally[m.entityId]--;
    for (const m of show) this.#tally[m.entityId]++;
    for (const listener of this.#listeners) listener(show, hide);
  }
}
