import type { Mention, MentionIndex } from './mention';
import type { VisibleSet } from './visible-set';
import { RegistryRepair, type PaintSource } from './registry-repair';

/** What VisibleIndex needs from the painter: its copies' owners, and the repair of the registry. */
export interface RegistryGuard {
  /** Backstory's own range for a copy found in `CSS.highlights`, if it is one. */
  ownRange(range: AbstractRange): Range | undefined;
  /** Put back whatever the page changed in the registry, checking these own ranges first. */
  verify(ranges?: readonly Range[]): boolean;
}

/** What the card's index is made from (the content script's marks). */
export interface MarkSource {
  /** The mentions the reader can see, followed change by change. */
  visible: VisibleSet;
  /** The painter (content.js): its registry is checked and repaired before each use (registry-repair.ts). */
  paint?: PaintSource;
  /** In place of `paint`'s repair: a guard of its own (unit tests). */
  guard?: RegistryGuard;
  /** Every mention in document order (the scanner's list), a superset of the visible ones. */
  order: () => readonly Mention[];
}

/** Text nodes indexed per mention at most (a name split over more nodes is still found by its ends). */
const MAX_NODES = 16;

/**
 * The visible mentions (visible-set.ts) as a MentionIndex for the card, hit-testing and keyboard
 * navigation: an unmarked mention must not open a card. In card.js: only reading needs it, and card.js
 * is loaded with the first mark, before any hover, focus or command can reach it.
 *
 * Kept up to date change by change (it follows the visible set from its creation, when it indexes what
 * is shown), with the lookups hit-testing makes on every pointer frame (by registered copy, by text
 * node) in O(1); the list in document order is made from the scanner's list only when a command or
 * focus asks for it.
 *
 * Everything here is Backstory's own: the mentions and their ranges never enter `CSS.highlights`
 * (the painter registers copies). A range from the registry maps back to a mention only through the
 * painter's copies, and every use first lets the painter check and repair the registry: the ranges
 * about to be used, the registrations, and a few more copies in turn. Nothing runs between uses.
 */
export class VisibleIndex implements MentionIndex {
  private readonly visible: VisibleSet;
  private readonly guard: RegistryGuard | undefined;
  private readonly order: () => readonly Mention[];
  private readonly ranges = new WeakMap<Range, Mention>();
  private readonly byNode = new WeakMap<Node, Set<Mention>>();
  private readonly nodesOf = new WeakMap<Mention, Node[]>();
  private ordered: readonly Mention[] | null = null;
  private readonly listeners = new Set<() => void>();

  /** Follows `source.visible` until `signal` aborts. */
  constructor(source: MarkSource, signal: AbortSignal) {
    this.visible = source.visible;
    this.guard = source.guard ?? (source.paint && new RegistryRepair(source.paint));
    this.order = source.order;
    this.index(source.visible.values(), []);
    source.visible.onUpdate((show, hide) => {
      this.index(show, hide);
      for (const listener of this.listeners) listener();
    }, signal);
  }

  private index(show: readonly Mention[], hide: readonly Mention[]): void {
    for (const m of hide) {
      for (const node of this.nodesOf.get(m) ?? []) this.byNode.get(node)?.delete(m);
      this.nodesOf.delete(m);
    }
    for (const m of show) {
      this.ranges.set(m.range, m);
      const nodes = textNodesOf(m.range);
      this.nodesOf.set(m, nodes);
      for (const node of nodes) {
        let set = this.byNode.get(node);
        if (!set) this.byNode.set(node, (set = new Set()));
        set.add(m);
      }
    }
    this.ordered = null;
  }

  list(): readonly Mention[] {
    this.check();
    if (!this.ordered) {
      const all = this.order();
      this.ordered = this.visible.size() === all.length ? all.slice() : all.filter((m) => this.visible.has(m));
    }
    return this.ordered;
  }

  inNode(node: Node): readonly Mention[] {
    const set = this.byNode.get(node);
    const found = set
      ? [...set].filter((m) => m.range.startContainer === node || m.range.endContainer === node || m.range.intersectsNode(node))
      : [];
    this.check(found.map((m) => m.range));
    return found;
  }

  forRange(range: AbstractRange): Mention | undefined {
    const own = this.guard?.ownRange(range);
    const mention = own ? this.ranges.get(own) : undefined;
    const found = mention && this.visible.has(mention) ? mention : undefined;
    this.check(found ? [found.range] : []);
    return found;
  }

  onChange(listener: () => void, signal: AbortSignal): void {
    this.listeners.add(listener);
    signal.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  private check(ranges: readonly Range[] = []): void {
    if (!this.guard || this.visible.size() === 0) return;
    try {
      this.guard.verify(ranges);
    } catch (error) {
      // A content script must never break the page; the next use checks again.
      console.debug('Backstory could not check its marks:', error);
    }
  }
}

/**
 * The text nodes a mention's range touches: its ends, and those between when a name is split over
 * elements ("Micro<b>soft</b>"). The scanner's ranges start and end in text nodes.
 */
function textNodesOf(range: Range): Node[] {
  const start = range.startContainer;
  const end = range.endContainer;
  if (start === end) return [start];
  const nodes: Node[] = [start];
  const walker = (start.ownerDocument ?? document).createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  for (let node = walker.nextNode(); node && node !== end && nodes.length < MAX_NODES; node = walker.nextNode()) nodes.push(node);
  nodes.push(end);
  return nodes;
}
