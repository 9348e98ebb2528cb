/**
 * Finds the mentions in the page and keeps them current, for the highlights, the card,
 * keyboard navigation, highlights and the popup.
 *
 * A full scan walks the scope roots in ~5 ms slices. Live changes arrive as dirty elements (see
 * live.ts); each is rescanned at the level of its block, and mentions whose text went away are
 * dropped first. Candidates that need page context (a bare "Azure", a short "8200") wait in
 * `pending` until the page provides that context.
 */
import { accepts, type Candidate, type Matcher, type PageContext } from '../detect';
import type { EntityId } from '../data/types';
import type { MarkChange, Mention } from './mention';
import { insideSkipped, ScopeReading, BLOCK_TAGS } from './scope';
import { HUGE_NODE, positionAt, SegmentWalker, segmentLength, segmentText, type Segment } from './segments';
import { nextFrame, SLICE_MS, yieldToMain } from './yield';

interface Held extends Mention {
  needs: Candidate['needs'];
  /** Order of discovery; within one full scan this is document order. */
  seq: number;
}

/** During a long scan, marks are handed on at most this often (see scanAll). */
const EMIT_EVERY_MS = 250;
/**
 * A block longer than this is matched in windows of WINDOW characters, with the deadline checked
 * between windows: one huge block (a 5 MB text node, a page of 60,000 names) would otherwise be
 * matched in one task. Each window is matched with MARGIN characters of context on both sides
 * (the matcher looks at most 200 characters around a name), and keeps only the names that start
 * inside it, so every name is found once and judged on the same context as in one go.
 */
const LONG_CHARS = 32_768;
const WINDOW = 16_384;
const MARGIN = 1_024;
/** Up to this many changed blocks, marks inside them are found with `contains` (see dropWithin). */
const FEW_BLOCKS = 4;
/** Marks whose visibility is checked between two deadline checks at the end of a scan. */
const VISIBILITY_BATCH = 64;

/** An inserted element that is, or holds, an article: it may change the scope. */
const bringsArticle = (el: Element): boolean => el.matches('article, main, [itemprop="articleBody"]') || el.querySelector('article, [itemprop="articleBody"]') !== null;

const DONE = Promise.resolve();

const byPosition = (a: Mention, b: Mention) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range);

export class Scanner {
  #mentions: Held[] = [];
  #pending: Held[] = [];
  #roots: Element[] = [];
  readonly #page: PageContext = { microsoft: false, cloud: false, unit8200: false };
  readonly #listeners = new Set<(change: MarkChange) => void>();
  /**
   * What changed since the last emit, so listeners paint and index only that (appending one paragraph
   * to a 20,000-paragraph page must not cost a pass over every mark). `reset`: the list was replaced.
   */
  #changed: { reset: boolean; added: Held[]; dropped: Held[] } = { reset: false, added: [], dropped: [] };
  #generation = 0;
  #seq = 0;
  #contextRead = false;
  /** The walk of a full scan under way (between its slices), with its generation. */
  #walking: { walker: SegmentWalker; generation: number } | null = null;
  /**
   * The <body> whose whole text held no name at the last full scan (most pages): no scope was
   * decided and nothing walked; live changes only have their blocks' text tested (see rescan).
   */
  #nameless: HTMLElement | null = null;
  /** The generation whose scope decision is under way (between its slices), else 0. */
  #deciding = 0;
  /** The page inserted an article while the scope was being decided (see rescan). */
  #articleAdded = false;

  /**
   * @param sliceMs - work per slice before yielding to the page; `Infinity` scans in one go
   *   (the benchmark uses it to measure the work itself, without the idle time between slices).
   */
  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
    private readonly sliceMs = SLICE_MS,
  ) {}

  list(): readonly Mention[] {
    return this.#mentions;
  }

  /** The scope roots of the last full scan, in document order (the article whose words topic.ts reads). */
  scopeRoots(): readonly Element[] {
    return this.#roots;
  }

  onChange(listener: (change: MarkChange) => void, signal: AbortSignal): void {
    this.#listeners.add(listener);
    signal.addEventListener('abort', () => this.#listeners.delete(listener), { once: true });
  }

  /** Forget everything (site turned off). */
  clear(): void {
    this.#generation++;
    this.#mentions = [];
    this.#pending = [];
    this.#reset();
    this.#emit();
  }

  /**
   * Scan the whole scope from scratch, in slices. Resolves when done or superseded. Not itself async: a page
   * without a name (most pages) is done in this call, without an async function's promise and frame.
   */
  scanAll(signal: AbortSignal): Promise<void> {
    const generation = ++this.#generation;
    this.#mentions = [];
    this.#pending = [];
    this.#reset();
    this.#walking = null;
    // One read of the page's text, tested in chunks: when no name can be in it, there is no scope
    // to decide and nothing to walk (a superset of every segment's text, see mayHoldNames).
    const body = this.doc.body;
    this.#nameless = body && !this.#mayHoldNames(body) ? body : null;
    if (!this.#nameless) return this.#walkAll(generation, signal);
    this.#roots = [];
    this.#emit();
    return DONE;
  }

  async #walkAll(generation: number, signal: AbortSignal): Promise<void> {
    let emitted = false;
    let lastEmit = 0;
    let started = performance.now();
    let added = false;
    let long: Segment | null = null;
    // Found in document order, so appended to the end of the mentions.
    const found: Held[] = [];
    const visit = (segment: Segment): boolean => {
      if (segmentLength(segment) > LONG_CHARS) {
        // Copied (the walker reuses its buffers) and matched below, window by window.
        long = { nodes: segment.nodes.slice(), starts: segment.starts.slice(), text: segment.text, lazy: segment.lazy === true };
        return true;
      }
      if (this.#matchSegment(segment, found)) added = true;
      this.#append(found);
      return false;
    };
    const overdue = () => performance.now() - started > this.sliceMs;
    const pause = async (frame = false): Promise<boolean> => {
      // Marks appear with the first slice that finds any (the top of the article, usually in
      // view), then at most every EMIT_EVERY_MS: every change to the highlights makes the
      // browser repaint them, which on a very large page costs more than the scan itself.
      if (added && performance.now() - lastEmit > (emitted ? EMIT_EVERY_MS : 0)) {
        this.#emit();
        emitted = true;
        lastEmit = performance.now();
      }
      added = false;
      await (frame ? nextFrame(this.doc) : yieldToMain());
      started = performance.now();
      return signal.aborted || generation !== this.#generation;
    };
    // The decision reads the whole page, so it is cut into slices like the walk. Changes the page
    // makes meanwhile are read by the walk that follows; an article inserted meanwhile gets the
    // scope decided once more (see rescan).
    let roots: Element[];
    this.#deciding = generation;
    this.#articleAdded = false;
    try {
      // What the first block with a name would compile (the alternation of every form, the rules), in slices
      // of its own rather than in the slice of that block: up to ~50 ms in one task on a cold page.
      for (let step = 0; this.matcher.warm(step); step++) if (overdue() && (await pause())) return;
      let reading = new ScopeReading(this.doc);
      for (let again = true; ; ) {
        while (reading.read(overdue)) if (await pause()) return;
        if (!this.#articleAdded || !again) break;
        again = false;
        this.#articleAdded = false;
        reading = new ScopeReading(this.doc);
      }
      roots = reading.roots();
    } finally {
      if (this.#deciding === generation) this.#deciding = 0;
    }
    // Walking the roots in document order makes discovery order document order.
    this.#roots = roots.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    this.#contextRead = false;
    this.#absorbContext(this.doc.title);
    for (const root of this.#roots) {
      // The scope without a name (they were all in the page's chrome): nothing to walk. Tested
      // when the walk reaches the root, so text the page added to it meanwhile counts.
      if (!this.#mayHoldNames(root)) continue;
      const walker = new SegmentWalker(root);
      this.#walking = { walker, generation };
      let more = true;
      while (more) {
        more = walker.next(overdue, visit);
        const segment = long as Segment | null; // set by `visit` during `next`
        long = null;
        if (segment) {
          for (let from = 0, length = segmentLength(segment); from < length; from += WINDOW) {
            if (this.#matchWindow(segment, from, found)) added = true;
            this.#append(found);
            if (overdue() && (await pause())) return;
          }
        }
        if (more && overdue() && (await pause())) return;
      }
    }
    this.#walking = null;
    // What follows checks visibility, which needs the page's style: the browser brings it up to date
    // at its next frame as its own work, where the first checkVisibility would force it inside our
    // slice (seconds on a cold 5 MB page). Only a scan cut into slices waits.
    if ((this.#mentions.length || this.#pending.length) && this.sliceMs !== Infinity && (await pause(true))) return;
    this.#contextPass();
    this.#resolvePending(true);
    // The visibility check, in batches: the first checkVisibility brings the page's style up to
    // date (the browser's own work, owed at the next frame anyway), each later one is cheap.
    // Rescans during a pause check their own marks, so only this snapshot needs checking.
    const snapshot = this.#mentions.slice();
    const hidden = new Set<Held>();
    for (let i = 0; i < snapshot.length; i += VISIBILITY_BATCH) {
      for (const m of snapshot.slice(i, i + VISIBILITY_BATCH)) if (!isShown(m)) hidden.add(m);
      if (i + VISIBILITY_BATCH < snapshot.length && overdue() && (await pause())) return;
    }
    if (hidden.size) {
      this.#mentions = this.#mentions.filter((m) => !hidden.has(m));
      for (const m of hidden) this.#changed.dropped.push(m);
    }
    this.#emit();
  }

  /**
   * Rescan the blocks containing these nodes after the page changed them.
   * Returns false when the change replaced the scope itself (the caller then runs scanAll).
   */
  rescan(touched: Iterable<Node>, added: Iterable<Element>, removedSomething: boolean): boolean {
    if (this.#nameless) return this.#nameless === this.doc.body && !this.#namesArrived(touched, added);
    if (this.#deciding !== 0 && this.#deciding === this.#generation) {
      // No marks yet, and the walk after the decision reads the page as it is then.
      for (const el of added) if (el.isConnected && bringsArticle(el)) this.#articleAdded = true;
      return true;
    }
    if (this.#roots.some((r) => !r.isConnected)) return false;
    const blocks = new Set<Element>();
    const consider = (node: Node, isAdded: boolean): boolean => {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || !el.isConnected) return true;
      const root = this.#roots.find((r) => r.contains(el));
      if (root) {
        blocks.add(blockOf(el, root));
        return true;
      }
      // An article inserted outside the current scope (a single-page app navigating) changes the scope.
      return !(isAdded && bringsArticle(el));
    };
    for (const node of touched) if (!consider(node, false)) return false;
    for (const el of added) if (!consider(el, true)) return false;
    let changedAny = false;
    if (removedSomething) changedAny = this.#dropDisconnected();
    const list = outermost(blocks);
    // Blocks the page inserted hold no marks yet (a moved node's ranges collapsed when it was
    // removed), so only the others need their old marks dropped, in one pass over the marks.
    const freshAdded = added instanceof Set ? (added as Set<Element>) : new Set(added);
    const old = new Set(list.filter((b) => !insideAny(b, freshAdded)));
    if (old.size && this.#dropWithin(old)) changedAny = true;
    for (const block of list) {
      // A full scan under way reads this block itself later (or is reading it now): scanning it
      // here too would mark its names twice.
      if (this.#notWalkedYet(block)) continue;
      const root = this.#roots.find((r) => r.contains(block)) as Element;
      if (block !== root && insideSkipped(block, root)) continue;
      if (this.#scanBlock(block)) changedAny = true;
    }
    if (changedAny || this.#pending.length) {
      this.#contextPass();
      this.#resolvePending();
      this.#emit();
    }
    return true;
  }

  /**
   * On a nameless page: whether the changed blocks' text may now hold a name (the caller then runs a
   * full scan, which decides the scope). Every segment lies inside its nearest block, so testing
   * the changed blocks' whole text covers every segment the change could have made.
   */
  #namesArrived(touched: Iterable<Node>, added: Iterable<Element>): boolean {
    const body = this.#nameless as HTMLElement;
    const tested = new Set<Element>();
    const test = (node: Node): boolean => {
      const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
      if (!el || !body.contains(el)) return false;
      const block = blockOf(el, body);
      if (tested.has(block)) return false;
      tested.add(block);
      return this.#mayHoldNames(block);
    };
    for (const node of touched) if (test(node)) return true;
    for (const el of added) if (test(el)) return true;
    return false;
  }

  /**
   * Whether the text under `root` may hold a name: its text nodes read in order by the matcher's
   * probe (chunks, so a name split over elements is seen). The answer is "may" as soon as a chunk
   * may, or when the read outlasts a slice (a very large page without a name is then
   * walked as usual rather than read in one long task). Text the walk would skip is read too: a
   * superset of every segment's text.
   */
  #mayHoldNames(root: Element): boolean {
    const probe = this.matcher.probe();
    const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const started = performance.now();
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A huge node "may": reading it is one long task in Firefox (see Segment.lazy); the walk reads it in windows.
      if ((node as Text).length > HUGE_NODE || probe.add((node as Text).data)) return true;
      if ((++count & 255) === 0 && performance.now() - started > this.sliceMs) return true;
    }
    return probe.end();
  }

  /** Whether the full scan under way has yet to read (all of) `block`. */
  #notWalkedYet(block: Element): boolean {
    // A superseded or stopped scan (its generation is over) reads nothing more.
    const at = this.#walking?.generation === this.#generation ? this.#walking.walker.position() : null;
    if (!at) return false;
    if (at === block) return true;
    const where = block.compareDocumentPosition(at);
    // The walk stands inside the block, or still before it.
    return (where & (Node.DOCUMENT_POSITION_CONTAINED_BY | Node.DOCUMENT_POSITION_PRECEDING)) !== 0;
  }

  #scanBlock(block: Element): boolean {
    const fresh: Held[] = [];
    const only = block.firstChild;
    if (only !== null && only === block.lastChild && only.nodeType === 3 && (only as Text).length <= HUGE_NODE) {
      // The usual appended paragraph, one text node: no walker needed (a storm of 20,000 of them).
      const text = only as Text;
      this.#matchSegment({ nodes: [text], starts: [0], text: text.data }, fresh);
    } else new SegmentWalker(block).next(() => false, (segment) => this.#matchSegment(segment, fresh));
    const shown = this.#dropHidden(fresh);
    for (const m of shown) insertSorted(this.#mentions, m);
    for (const m of shown) this.#changed.added.push(m);
    return shown.length > 0;
  }

  /**
   * Match one segment; accepted mentions are appended to `into`, conditional ones to `pending`.
   * Page context comes from the candidates themselves; the costlier cloud-term search runs only
   * while some candidate is waiting for it.
   */
  #matchSegment(segment: Segment, into: Held[]): boolean {
    const length = segmentLength(segment);
    if (length > LONG_CHARS) {
      let added = false;
      for (let from = 0; from < length; from += WINDOW) if (this.#matchWindow(segment, from, into)) added = true;
      return added;
    }
    const text = segment.text;
    const added = this.#take(segment, this.matcher.find(text), 0, into);
    if (this.#pending.length && !this.#page.cloud) this.#absorbContext(text);
    return added;
  }

  /** Match the names that start in [from, from + WINDOW) of a long segment (see LONG_CHARS). */
  #matchWindow(segment: Segment, from: number, into: Held[]): boolean {
    const length = segmentLength(segment);
    const lo = Math.max(0, from - MARGIN);
    const end = Math.min(length, from + WINDOW);
    const candidates = this.matcher.find(segmentText(segment, lo, Math.min(length, end + MARGIN)));
    const inside = candidates.filter((c) => c.start + lo >= from && c.start + lo < end);
    const added = this.#take(segment, inside, lo, into);
    if (this.#pending.length && !this.#page.cloud) this.#absorbContext(segmentText(segment, from, end));
    return added;
  }

  /** Turn candidates found at `offset` in the segment's text into held mentions. */
  #take(segment: Segment, candidates: readonly Candidate[], offset: number, into: Held[]): boolean {
    let added = false;
    for (const candidate of candidates) {
      const range = this.#toRange(segment, candidate.start + offset, candidate.end + offset);
      const held: Held = { entityId: candidate.entityId, range, needs: candidate.needs, seq: this.#seq++ };
      if (candidate.needs === 'none') {
        this.#noteFull(candidate.entityId);
        into.push(held);
        added = true;
      } else this.#pending.push(held);
    }
    return added;
  }

  /** A full mention is context for the short and bare forms (see detect/accepts.ts). */
  #noteFull(entityId: EntityId): void {
    if (entityId === 'microsoft') this.#page.microsoft = this.#page.cloud = true;
    else if (entityId === 'azure') this.#page.cloud = true;
    else this.#page.unit8200 = true;
  }

  /**
   * Candidates still wait for cloud context after the scan: read the scope once more for cloud
   * terms. Only pages with a bare "Azure" and no Microsoft mention pay for this.
   */
  #contextPass(): void {
    if (this.#contextRead || this.#page.cloud || !this.#pending.some((h) => h.needs === 'cloud-context')) return;
    // Once read, later text is absorbed segment by segment in matchSegments.
    this.#contextRead = true;
    for (const root of this.#roots) {
      const walker = new SegmentWalker(root);
      walker.next(() => this.#page.cloud, (segment) => {
        if (!this.#page.cloud) this.#absorbContext(segmentText(segment));
      });
      if (this.#page.cloud) return;
    }
  }

  /**
   * Drop marks on text hidden with CSS (display: none, visibility: hidden). Checked in one batch
   * when a scan or rescan ends, for the marks only: `checkVisibility` needs fresh style, and asking
   * for it per match in the middle of a scan forced style into every slice (seconds on a 5 MB
   * article). A mark on hidden text paints nothing in the meantime.
   */
  #dropHidden(list: Held[]): Held[] {
    return list.filter(isShown);
  }

  #toRange(segment: Segment, start: number, end: number): Range {
    const [startNode, startOffset] = positionAt(segment, start, false);
    const [endNode, endOffset] = positionAt(segment, end, true);
    const range = this.doc.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    return range;
  }

  #absorbContext(text: string): void {
    if (text) this.#mergeContext(this.matcher.context(text));
  }

  #mergeContext(context: Partial<PageContext>): void {
    if (context.microsoft) this.#page.microsoft = true;
    if (context.cloud) this.#page.cloud = true;
    if (context.unit8200) this.#page.unit8200 = true;
  }

  /**
   * Move pending candidates that the page context now supports into the mentions. After a full
   * scan both lists are in discovery (= document) order and are merged by `seq`, which avoids
   * `compareBoundaryPoints`: on a long page each call walks thousands of siblings.
   */
  #resolvePending(inScanOrder = false): void {
    if (this.#pending.length === 0) return;
    const still: Held[] = [];
    let accepted: Held[] = [];
    for (const held of this.#pending) {
      if (!held.range.startContainer.isConnected) continue;
      if (accepts({ entityId: held.entityId, start: 0, end: 0, needs: held.needs }, this.#page)) accepted.push(held);
      else still.push(held);
    }
    this.#pending = still;
    accepted = this.#dropHidden(accepted);
    if (accepted.length === 0) return;
    if (inScanOrder) this.#mentions = mergeBySeq(this.#mentions, accepted);
    else for (const held of accepted) insertSorted(this.#mentions, held);
    for (const held of accepted) this.#changed.added.push(held);
  }

  /**
   * Drop marks whose text was removed. A live Range inside a removed subtree does not become
   * disconnected: the DOM moves it onto the removal point in the parent, collapsed. So a collapsed
   * range is a removed mention as surely as a disconnected one.
   */
  #dropDisconnected(): boolean {
    const alive = (m: Held) => !m.range.collapsed && m.range.startContainer.isConnected && m.range.endContainer.isConnected;
    const before = this.#mentions.length;
    this.#mentions = this.#keepOnly(alive);
    this.#pending = this.#pending.filter(alive);
    return this.#mentions.length !== before;
  }

  /**
   * Drop the marks inside any of `blocks`. A pass over every mark: for a few blocks (a paragraph the page
   * edited) the browser's own `contains`, one call per block (2,000 marks: 4 ms in JavaScript walks up the
   * ancestors, 0.4 ms so); for many, one walk up from each mark, not one pass per block.
   */
  #dropWithin(blocks: ReadonlySet<Element>): boolean {
    const before = this.#mentions.length;
    const few = blocks.size <= FEW_BLOCKS ? [...blocks] : null;
    const inside = (node: Node) => (few ? few.some((b) => b.contains(node)) : insideAny(node, blocks));
    const outside = (m: Held) => !inside(m.range.startContainer) && !inside(m.range.endContainer);
    this.#mentions = this.#keepOnly(outside);
    this.#pending = this.#pending.filter(outside);
    return this.#mentions.length !== before;
  }

  /** The mentions that pass `keep`; the others are noted as dropped. */
  #keepOnly(keep: (m: Held) => boolean): Held[] {
    return this.#mentions.filter((m) => keep(m) || (this.#changed.dropped.push(m), false));
  }

  /** Move what a full scan found into the mentions (at their end: the walk is in document order). */
  #append(found: Held[]): void {
    for (const m of found) {
      this.#mentions.push(m);
      this.#changed.added.push(m);
    }
    found.length = 0;
  }

  /** The list starts over: listeners rebuild from `list()` at the next emit. */
  #reset(): void {
    this.#changed = { reset: true, added: [], dropped: [] };
  }

  #emit(): void {
    const { reset, added, dropped } = this.#changed;
    this.#changed = { reset: false, added: [], dropped: [] };
    let change: MarkChange = { reset, added, dropped };
    if (!reset && added.length && dropped.length) {
      // Found and dropped again between two emits (a rescan during a scan's pause): neither happened.
      const gone = new Set<Mention>(dropped);
      const came = new Set<Mention>(added);
      change = { reset, added: added.filter((m) => !gone.has(m)), dropped: dropped.filter((m) => !came.has(m)) };
    }
    for (const listener of this.#listeners) listener(change);
  }

}

/** Whether `node` is one of `set` or inside one: a walk up its ancestors, O(depth). */
function insideAny(node: Node, set: ReadonlySet<Node>): boolean {
  if (set.size === 0) return false;
  for (let n: Node | null = node; n; n = n.parentNode) if (set.has(n)) return true;
  return false;
}

/**
 * The blocks not inside another of them, in the order given. One walk up from each block
 * (O(blocks × depth)); comparing every pair was O(blocks²): 25 s for 20,000 appended paragraphs.
 */
export function outermost(blocks: ReadonlySet<Element>): Element[] {
  return [...blocks].filter((b) => !b.parentNode || !insideAny(b.parentNode, blocks));
}

/** Whether a mark's text is rendered (see dropHidden). */
function isShown(m: Mention): boolean {
  const parent = m.range.startContainer.parentElement;
  return parent === null || typeof parent.checkVisibility !== 'function' || parent.checkVisibility({ visibilityProperty: true });
}

function blockOf(el: Element, root: Element): Element {
  let block: Element = el;
  while (block !== root && !BLOCK_TAGS.has(block.tagName) && block.parentElement) block = block.parentElement;
  return block;
}

function mergeBySeq(a: Held[], b: Held[]): Held[] {
  const out: Held[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x.seq < y.seq)) {
      out.push(x as Held);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  return out;
}

/** Insert keeping document order: a binary search, so appending to a long page stays cheap. */
function insertSorted(list: Held[], item: Held): void {
  // Live pages mostly grow at the end: one comparison instead of a search.
  const last = list[list.length - 1];
  if (!last || byPosition(last, item) <= 0) {
    list.push(item);
    return;
  }
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byPosition(list[mid] as Held, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}
