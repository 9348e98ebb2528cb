/**
 * Follows a live page: MutationObserver records are collected and handled once per frame, so a
 * page that changes a hundred nodes in one frame costs one rescan of the blocks it touched.
 * Nothing runs while the page does not change.
 */

import { BLOCK_TAGS } from './scope';

export interface LiveChange {
  /** Text nodes and elements whose block must be rescanned. */
  touched: Set<Node>;
  /** Elements the page inserted (they may bring a new article into the page). */
  added: Set<Element>;
  /** Whether any node was removed (mentions may have lost their text). */
  removed: boolean;
}

export function observeChanges(target: Node, onChange: (change: LiveChange) => void, signal: AbortSignal): void {
  let touched = new Set<Node>();
  let added = new Set<Element>();
  let removed = false;
  let scheduled = 0;

  const flush = () => {
    scheduled = 0;
    const change = { touched, added, removed };
    touched = new Set();
    added = new Set();
    removed = false;
    onChange(change);
  };

  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        touched.add(record.target);
        continue;
      }
      if (record.removedNodes.length) {
        removed = true;
        // What is left of the parent's text may read differently now, but only if text or an
        // inline element went: removing whole blocks (an old story scrolled out of a live page)
        // leaves the neighbours' text as it was, and rescanning the parent would re-read the article.
        for (const node of record.removedNodes) {
          if (node.nodeType === 3 || (node.nodeType === 1 && !BLOCK_TAGS.has((node as Element).tagName))) {
            touched.add(record.target);
            break;
          }
        }
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === 1) added.add(node as Element);
        // Inserted text can complete a name with its neighbours: rescan the parent's block.
        else if (node.nodeType === 3) touched.add(record.target);
      }
    }
    if (!scheduled && (touched.size || added.size || removed)) scheduled = requestAnimationFrame(flush);
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      if (scheduled) cancelAnimationFrame(scheduled);
    },
    { once: true },
  );
}
