import { findScopeRoots } from '../../src/content/scope';
import { SegmentWalker } from '../../src/content/segments';

/** The text the scanner would read on a page of this <body> (and <head>), one entry per segment. */
export function scanned(html: string, head = ''): string[] {
  document.head.innerHTML = head;
  document.body.innerHTML = html;
  const out: string[] = [];
  for (const root of findScopeRoots(document)) {
    new SegmentWalker(root).next(() => false, (segment) => {
      if (segment.text.trim()) out.push(segment.text.trim());
    });
  }
  return out;
}
