/**
 * The sentence around a mark on the live page (shared/sentence-key.ts cuts and normalises it): the text
 * of the mark's block before and after it, read from at most REACH characters of text nodes either way,
 * so a 5 MB paragraph costs what a short one does.
 */
import { sentenceOf } from '../shared/sentence-key';

const REACH = 1200;
/**
 * Elements that hold a paragraph's text. Not scope.ts's BLOCK_TAGS: this file goes into card.js, and
 * importing scope.ts would bring its whole module; the sentence only needs a bound for the walk.
 */
const BLOCK = /^(?:P|LI|DIV|TD|TH|H[1-6]|BLOCKQUOTE|ARTICLE|SECTION|MAIN|ASIDE|HEADER|FOOTER|BODY|DD|DT|FIGURE|FIGCAPTION|CAPTION|SUMMARY|DETAILS|TABLE|TR|UL|OL|DL)$/;

export function markSentence(range: Range): string {
  const start = range.startContainer;
  const end = range.endContainer;
  let block = start.parentElement;
  while (block && !BLOCK.test(block.tagName)) block = block.parentElement;
  const text = (node: Node) => (node.nodeType === Node.TEXT_NODE ? (node as Text).data : '');
  let before = text(start).slice(Math.max(0, range.startOffset - REACH), range.startOffset);
  let after = text(end).slice(range.endOffset, range.endOffset + REACH);
  if (block) {
    const walker = (start.ownerDocument ?? document).createTreeWalker(block, NodeFilter.SHOW_TEXT);
    walker.currentNode = start;
    for (let n = walker.previousNode(); n && before.length < REACH; n = walker.previousNode()) before = text(n).slice(-REACH) + before;
    walker.currentNode = end;
    for (let n = walker.nextNode(); n && after.length < REACH; n = walker.nextNode()) after += text(n).slice(0, REACH);
  }
  return sentenceOf(before, range.toString(), after);
}
