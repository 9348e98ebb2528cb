/**
 * Puts back what the page changed in Backstory's part of `CSS.highlights` before the card uses a mark
 * (see highlights.ts: the registry is shared with the page, and the ranges registered are copies of
 * Backstory's own). Only the card's lookups need it, so it lives in card.js, which is loaded with the
 * first mark, before any hover, focus or command can reach one.
 */
import type { EntityId } from '../data/types';
import { drawnCount, EMPHASIS, highlightName, register, type Painted, type PaintState } from './highlights';
import type { RegistryGuard } from './visible-index';

/** Copies checked per `verify` beyond the ones asked for: the rest are checked in turn by later uses. */
const VERIFY_BATCH = 32;

const sameBoundaries = (a: AbstractRange, b: AbstractRange) =>
  a.startContainer === b.startContainer && a.startOffset === b.startOffset && a.endContainer === b.endContainer && a.endOffset === b.endOffset;

/** What the repair needs of the painter (content.js): its marks, read afresh at each use. */
export interface PaintSource {
  state(): PaintState;
}

export class RegistryRepair implements RegistryGuard {
  readonly #source: PaintSource;
  /** Where `verify` goes on checking copies in turn (a Map iterator follows later additions and removals). */
  #cursor: Iterator<[Range, Painted]> | null = null;
  #painted: PaintState['painted'] | null = null;

  constructor(source: PaintSource) {
    this.#source = source;
  }

  /** Backstory's own range for a range found in the registry (e.g. by `highlightsFromPoint`), if it is one of our copies. */
  ownRange(range: AbstractRange): Range | undefined {
    return this.#source.state().owners.get(range);
  }

  /**
   * Repair what the page changed before marks are used: replaced or deleted registrations, the
   * Highlights' settings, ranges added to or removed from them (their sizes), and moved, extended or
   * collapsed copies: those of `ranges` (the own ranges about to be used, e.g. under the pointer) and
   * VERIFY_BATCH more in turn, so repeated uses cover every mark while each costs O(1). Copies the
   * painter does not draw (far from the viewport on a page with many marks) are only kept in step with
   * their own ranges. Returns whether anything was repaired.
   */
  verify(ranges: readonly Range[] = []): boolean {
    const state = this.#source.state();
    // The painter's map is the same for its lifetime; a new one (not expected) restarts the round.
    if (state.painted !== this.#painted) (this.#painted = state.painted), (this.#cursor = null);
    let repaired = false;
    for (const range of ranges) {
      const entry = state.painted.get(range);
      if (entry && repairCopy(state, range, entry)) repaired = true;
    }
    const batch = Math.min(VERIFY_BATCH, state.painted.size);
    for (let i = 0; i < batch; i++) {
      let next = this.#cursor?.next();
      if (!next || next.done) next = (this.#cursor = state.painted.entries()).next();
      if (next.done) break;
      if (repairCopy(state, next.value[0], next.value[1])) repaired = true;
    }
    for (const [id, highlight] of state.highlights) {
      if (repairHighlight(state, highlightName(id), highlight, state.sizes.get(id) ?? 0, id)) repaired = true;
    }
    if (state.emphasis && repairHighlight(state, EMPHASIS, state.emphasis, drawnCount(state.sizes), null)) repaired = true;
    return repaired;
  }
}

/** A moved, extended or collapsed copy is replaced; a drawn one removed from its Highlight is put back. */
function repairCopy(state: PaintState, own: Range, entry: Painted): boolean {
  if (!sameBoundaries(own, entry.copy)) {
    replaceCopy(state, own, entry);
    return true;
  }
  if (!entry.drawn) return false;
  const highlight = state.highlights.get(entry.entityId);
  let repaired = false;
  if (highlight && !highlight.has(entry.copy)) (highlight.add(entry.copy), (repaired = true));
  if (state.emphasis && !state.emphasis.has(entry.copy)) (state.emphasis.add(entry.copy), (repaired = true));
  return repaired;
}

function replaceCopy(state: PaintState, own: Range, entry: Painted): void {
  const highlight = state.highlights.get(entry.entityId);
  highlight?.delete(entry.copy);
  state.emphasis?.delete(entry.copy);
  state.owners.delete(entry.copy);
  entry.copy = own.cloneRange();
  state.owners.set(entry.copy, own);
  if (!entry.drawn) return;
  highlight?.add(entry.copy);
  state.emphasis?.add(entry.copy);
}

/** The registration, the settings and the size of one Highlight (`entityId` null: the emphasis, holding every drawn copy). */
function repairHighlight(state: PaintState, name: string, highlight: Highlight, size: number, entityId: EntityId | null): boolean {
  let repaired = register(name, highlight);
  // What the page could set on our object to change how (or whether) the marks are drawn.
  if (highlight.priority !== 0) (highlight.priority = 0), (repaired = true);
  if (highlight.type !== 'highlight') (highlight.type = 'highlight'), (repaired = true);
  if (highlight.size !== size) {
    // Ranges the page added or removed. Rebuilt rather than iterated: in Firefox a content script's
    // callback passed to the page-side Highlight.forEach fails ("Permission denied to access
    // object") and Xrays do not wrap its iterators. Only a tampered highlight pays for this.
    highlight.clear();
    for (const [own, entry] of state.painted) {
      if (!entry.drawn || (entityId !== null && entry.entityId !== entityId)) continue;
      if (!sameBoundaries(own, entry.copy)) replaceCopy(state, own, entry);
      highlight.add(entry.copy);
    }
    repaired = true;
  }
  return repaired;
}
