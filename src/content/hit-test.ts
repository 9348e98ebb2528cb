/**
 * Which mention is under a point, without wrapper elements: the marks are CSS highlights, which take
 * no pointer events (w3c/csswg-drafts#7447), so we ask the browser which text is at the point and look
 * it up in our own index.
 *
 * 1. `CSS.highlights.highlightsFromPoint` (Chrome 140, Firefox 150) returns the highlight ranges there.
 * 2. Else `caretPositionFromPoint` / `caretRangeFromPoint` give a text node, looked up in the index.
 * Both are always confirmed against the range's client rects: caret APIs snap to the nearest character
 * even past the end of a line or in the margin (the same fallback as the MS "highlightsFromPoint"
 * explainer).
 * The registry is the page's too: a range found there counts only if it is one of our copies
 * (`index.forRange`), and then only where the mention's own range lies under the point.
 */
import type { Mention, MentionIndex } from './mention';

/** The shape of one `highlightsFromPoint` result (HighlightHitResult); older drafts returned bare Highlights. */
interface HighlightHit {
  ranges?: readonly AbstractRange[];
}
interface HighlightsFromPoint {
  highlightsFromPoint?: (x: number, y: number) => readonly HighlightHit[];
}
interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/** Half a pixel of slack: rect edges are fractional and a pointer on the edge is "on" the word. */
const SLACK = 0.5;

export function pointInRange(range: Range, x: number, y: number): boolean {
  for (const r of range.getClientRects()) {
    if (r.width === 0 && r.height === 0) continue;
    if (x >= r.left - SLACK && x <= r.right + SLACK && y >= r.top - SLACK && y <= r.bottom + SLACK) return true;
  }
  return false;
}

function fromHighlights(index: MentionIndex, x: number, y: number): Mention | undefined {
  const registry = (globalThis.CSS as unknown as { highlights?: HighlightsFromPoint } | undefined)?.highlights;
  if (typeof registry?.highlightsFromPoint !== 'function') return undefined;
  let hits: readonly HighlightHit[];
  try {
    hits = registry.highlightsFromPoint(x, y);
  } catch {
    return undefined;
  }
  for (const hit of hits) {
    for (const range of Array.isArray(hit.ranges) ? hit.ranges : []) {
      const mention = index.forRange(range);
      if (mention && pointInRange(mention.range, x, y)) return mention;
    }
  }
  return undefined;
}

function nodeAtPoint(x: number, y: number): Node | null {
  const doc = document as unknown as CaretDocument;
  if (typeof doc.caretPositionFromPoint === 'function') return doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  if (typeof doc.caretRangeFromPoint === 'function') return doc.caretRangeFromPoint(x, y)?.startContainer ?? null;
  return null;
}

function fromCaret(index: MentionIndex, x: number, y: number): Mention | undefined {
  const node = nodeAtPoint(x, y);
  if (!node || node.nodeType !== Node.TEXT_NODE) return undefined;
  return index.inNode(node).find((mention) => pointInRange(mention.range, x, y));
}

/** The mention under viewport point (x, y), if any. */
export function mentionAt(index: MentionIndex, x: number, y: number): Mention | undefined {
  // The caret path also covers implementations whose results carry no `ranges` (older drafts) and
  // ranges that come back as other wrapper objects than the ones we registered.
  return fromHighlights(index, x, y) ?? fromCaret(index, x, y);
}
