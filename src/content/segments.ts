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
  text: string;
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
  private readonly walker: TreeWalker;
  private readonly root: Element;
  private done = false;
  private readonly seg: Segment = { nodes: [], starts: [], text: '' };
  private currentBlock: Element | null = null;
  private lastParent: Element | null = null;
  private readonly blockOf = new Map<Element, Element>();
  /** Block elements met so far (their tag was read once, when the walk reached them). */
  private readonly blocks = new Set<Element>();
  private visit: SegmentVisitor = () => undefined;
  /** Set when the visitor asked to pause. */
  private paused = false;
  /** The walk paused after its last node. */
  private atEnd = false;
  /** The node to resume at (already reached by the walker but not processed). */
  private pending: Node | null = null;

  constructor(root: Element) {
    this.root = root;
    this.walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  }

  /**
   * Where the walk stands: the next node it will read (the root before it starts), or null once
   * it has read everything.
   */
  position(): Node | null {
    if (this.done || this.atEnd) return null;
    return this.pending ?? this.root;
  }

  /**
   * Walks until `shouldYield()` is true (checked every 64 nodes) or the subtree ends. Segments go to
   * `sink`: a visitor (reused buffers), or an array that receives copies of the non-blank ones.
   * Returns true while there is more to walk.
   */
  next(shouldYield: () => boolean, sink: Segment[] | SegmentVisitor): boolean {
    if (this.done) return false;
    this.visit =
      typeof sink === 'function'
        ? sink
        : (s) => {
            if (NON_SPACE.test(s.text)) sink.push({ nodes: s.nodes.slice(), starts: s.starts.slice(), text: s.text });
          };
    const walker = this.walker;
    let count = 0;
    let node: Node | null = this.pending ?? (this.atEnd ? null : walker.nextNode());
    this.pending = null;
    while (node) {
      if (node.nodeType === 3) {
        this.addText(node as Text);
        node = walker.nextNode();
      } else {
        const el = node as Element;
        let skipped: boolean;
        let tag = '';
        try {
          tag = el.tagName;
          skipped = skipsSubtree(el, tag);
          if (!skipped && BLOCK_TAGS.has(tag)) this.blocks.add(el);
        } catch {
          // A hostile or odd page (e.g. a <form> whose inputs clobber DOM properties): don't read it.
          skipped = true;
        }
        if (skipped) {
          this.endSegment();
          node = this.skip(el);
        } else {
          if (tag === 'BR' || tag === 'HR') this.endSegment();
          node = walker.nextNode();
        }
      }
      if (this.paused || (node && (++count & 63) === 0 && shouldYield())) {
        this.paused = false;
        this.pending = node;
        // Paused at the very end: the walker must not be asked again (after a skip it may stand
        // on the root, where nextNode() would start over).
        this.atEnd = node === null;
        return true;
      }
    }
    this.endSegment();
    this.paused = false;
    this.done = true;
    return false;
  }

  /**
   * Move past `el`'s subtree; returns the next node in document order within the root. Uses the
   * walker's own sibling/parent steps so that comments and other node types stay filtered out.
   */
  private skip(el: Element): Node | null {
    const walker = this.walker;
    walker.currentNode = el;
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) return sibling;
      const parent = walker.parentNode();
      if (!parent || parent === this.root) return null;
    }
  }

  private blockFor(parent: Element): Element {
    if (parent === this.root || this.blocks.has(parent)) return parent;
    const cached = this.blockOf.get(parent);
    if (cached) return cached;
    let el: Element = parent;
    while (el !== this.root && !this.blocks.has(el) && !BLOCK_TAGS.has(el.tagName) && el.parentElement) el = el.parentElement;
    this.blockOf.set(parent, el);
    return el;
  }

  private addText(text: Text): void {
    const parent = text.parentElement;
    if (!parent) return;
    if (parent !== this.lastParent) {
      const block = this.blockFor(parent);
      if (block !== this.currentBlock) {
        this.endSegment();
        this.currentBlock = block;
      }
      this.lastParent = parent;
    }
    const seg = this.seg;
    seg.starts.push(seg.text.length);
    seg.nodes.push(text);
    // Read once: Firefox copies the string on each access (tech.md §1).
    seg.text = seg.nodes.length === 1 ? text.data : seg.text + text.data;
  }

  private endSegment(): void {
    const seg = this.seg;
    if (seg.nodes.length) {
      if (this.visit(seg) === true) this.paused = true;
      seg.nodes.length = 0;
      seg.starts.length = 0;
      seg.text = '';
    }
    this.currentBlock = null;
    this.lastParent = null;
  }
}
