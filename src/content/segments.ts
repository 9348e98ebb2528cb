/**
 * Turns a subtree into segments: runs of text nodes that read as one piece of text (one block,
 * joined across inline elements such as `Unit <b>8200</b>`), each with an offset map back to its
 * nodes. The walk is resumable so a long page can be cut into slices.
 */
import { BLOCK_TAGS, skipsSubtree } from './scope';

export interface Segment {
  /** The text nodes, in order. */
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]` in `text`. */
  starts: number[];
  /** The joined text; '' when `lazy` (read it with `segmentText`). */
  text: string;
  /**
   * The segment holds a text node longer than HUGE_NODE, whose text is not read by the walk: Firefox
   * copies a node's whole text on every `data` read (5 M characters: 60-180 ms in one task), so the
   * scanner reads such a segment window by window with `segmentText`.
   */
  lazy?: boolean;
}

/** A text node longer than this makes its segment lazy (see Segment.lazy). */
export const HUGE_NODE = 65_536;

/** The segment's length in characters (a lazy one's without reading it). */
export function segmentLength(segment: Segment): number {
  if (!segment.lazy) return segment.text.length;
  const last = segment.nodes.length - 1;
  return last < 0 ? 0 : (segment.starts[last] as number) + (segment.nodes[last] as Text).length;
}

/** The segment's text from `from` to `to` (offsets in the joined text), reading only those characters. */
export function segmentText(segment: Segment, from = 0, to = segmentLength(segment)): string {
  if (!segment.lazy) return segment.text.slice(from, to);
  let out = '';
  segment.nodes.forEach((node, i) => {
    const start = segment.starts[i] as number;
    // substringData clamps a count past the node's end.
    if (start < to && start + node.length > from) out += node.substringData(Math.max(from - start, 0), to - Math.max(from, start));
  });
  return out;
}

/** Resolve a joined-text offset to a DOM position (`end` prefers the end of the earlier node). */
export function positionAt(segment: Segment, offset: number, end: boolean): [Text, number] {
  const { starts, nodes } = segment;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid] as number;
    if (start < offset || (!end && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  const node = nodes[lo] as Text;
  return [node, offset - (starts[lo] as number)];
}

/**
 * Receives each segment as it ends. The segment's arrays are reused: use them before returning.
 * Returning true pauses the walk right after this segment (`next` then returns true), so the
 * caller can work through a very long segment in slices of its own before walking on.
 */
export type SegmentVisitor = (segment: Segment) => boolean | void;

const NON_SPACE = /\S/;

/**
 * A resumable walk over `root`. Each finished segment is handed to a visitor while the walk is
 * under way, so matching happens inside the slice whose deadline the walk checks, and no segment
 * object is allocated per block (allocation and garbage collection were a third of a large scan).
 */
export class SegmentWalker {
  readonly #walker: TreeWalker;
  readonly #root: Element;
  #done = false;
  readonly #seg: Segment = { nodes: [], starts: [], text: '' };
  #currentBlock: Element | null = null;
  #lastParent: Element | null = null;
  readonly #blockOf = new Map<Element, Element>();
  /** Block elements met so far (their tag was read once, when the walk reached them). */
  readonly #blocks = new Set<Element>();
  #visit: SegmentVisitor = () => undefined;
  /** Set when the visitor asked to pause. */
  #paused = false;
  /** The walk paused after its last node. */
  #atEnd = false;
  /** The node to resume at (already reached by the walker but not processed). */
  #pending: Node | null = null;

  constructor(root: Element) {
    this.#root = root;
    this.#walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  }

  /**
   * Where the walk stands: the next node it will read (the root before it starts), or null once
   * it has read everything.
   */
  position(): Node | null {
    if (this.#done || this.#atEnd) return null;
    return this.#pending ?? this.#root;
  }

  /**
   * Walks until `shouldYield()` is true (checked every 64 nodes) or the subtree ends. Segments go to
   * `sink`: a visitor (reused buffers), or an array that receives copies of the non-blank ones.
   * Returns true while there is more to walk.
   */
  next(shouldYield: () => boolean, sink: Segment[] | SegmentVisitor): boolean {
    if (this.#done) return false;
    this.#visit =
      typeof sink === 'function'
        ? sink
        : (s) => {
            const text = segmentText(s);
            if (NON_SPACE.test(text)) sink.push({ nodes: s.nodes.slice(), starts: s.starts.slice(), text });
          };
    const walker = this.#walker;
    let count = 0;
    let node: Node | null = this.#pending ?? (this.#atEnd ? null : walker.nextNode());
    this.#pending = null;
    while (node) {
      if (node.nodeType === 3) {
        this.#addText(node as Text);
        node = walker.nextNode();
      } else {
        const el = node as Element;
        let skipped: boolean;
        let tag = '';
        try {
          tag = el.tagName;
          skipped = skipsSubtree(el, tag);
          if (!skipped && BLOCK_TAGS.has(tag)) this.#blocks.add(el);
        } catch {
          // A hostile or odd page (e.g. a <form> whose inputs clobber DOM properties): don't read it.
          skipped = true;
        }
        if (skipped) {
          this.#endSegment();
          node = this.#skip(el);
        } else {
          if (tag === 'BR' || tag === 'HR') this.#endSegment();
          node = walker.nextNode();
        }
      }
      if (this.#paused || (node && (++count & 63) === 0 && shouldYield())) {
        this.#paused = false;
        this.#pending = node;
        // Paused at the very end: the walker must not be asked again (after a skip it may stand
        // on the root, where nextNode() would start over).
        this.#atEnd = node === null;
        return true;
      }
    }
    this.#endSegment();
    this.#paused = false;
    this.#done = true;
    return false;
  }

  /**
   * Move past `el`'s subtree; returns the next node in document order within the root. Uses the
   * walker's own sibling/parent steps so that comments and other node types stay filtered out.
   */
  #skip(el: Element): Node | null {
    const walker = this.#walker;
    walker.currentNode = el;
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      const parent = walker.parentNode();
      if (!parent || parent === this.#root) return null;
    }
  }

  #blockFor(parent: Element): Element {
    if (parent === this.#root || this.#blocks.has(parent)) return parent;
    const cached = this.#blockOf.get(parent);
    if (cached) return cached;
    let el: Element = parent;
    while (el !== this.#root && !this.#blocks.has(el) && !BLOCK_TAGS.has(el.tagName) && el.parentElement) el = el.parentElement;
    this.#blockOf.set(parent, el);
    return el;
  }

  #addText(text: Text): void {
    const parent = text.parentElement;
    if (!parent) return;
    if (parent !== this.#lastParent) {
      const block = this.#blockFor(parent);
      if (block !== this.#currentBlock) {
        this.#endSegment();
        this.#currentBlock = block;
      }
      this.#lastParent = parent;
    }
    const seg = this.#seg;
    seg.starts.push(segmentLength(seg));
    seg.nodes.push(text);
    if (seg.lazy) return;
    if (text.length > HUGE_NODE) {
      // Not read here at all (see Segment.lazy): the offsets come from the nodes' lengths.
      seg.lazy = true;
      seg.text = '';
      return;
    }
    // Read once: Firefox copies the string on each access (tech.md §1).
    seg.text = seg.nodes.length === 1 ? text.data : seg.text + text.data;
  }

  #endSegment(): void {
    const seg = this.#seg;
    if (seg.nodes.length) {
      if (this.#visit(seg) === true) this.#paused = true;
      seg.nodes.length = 0;
      seg.starts.length = 0;
      seg.text = '';
      seg.lazy = false;
    }
    this.#currentBlock = null;
    this.#lastParent = null;
  }
}
