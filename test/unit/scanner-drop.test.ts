// @vitest-environment happy-dom
/**
 * Rescanning paragraphs the page edited (scanner.ts `dropWithin`): the old marks inside the edited blocks
 * go, every other mark stays, whether a few blocks changed (found with `contains`) or many (one walk up
 * from each mark), with marks inside inline elements, nested blocks and ranges the edit collapsed.
 */
import { describe, expect, it } from 'vitest';
import { entityAliases, otherNames } from '../../src/data/aliases';
import { compileMatcher } from '../../src/detect';
import { Scanner } from '../../src/content/scanner';

const matcher = compileMatcher(entityAliases, otherNames);

/** Each mark as "<id of its nearest element with an id>:<its text>", in the scanner's order. */
function marks(scanner: Scanner): string[] {
  return scanner.list().map((m) => `${(m.range.startContainer.parentElement as Element).closest('[id]')?.id}:${m.range.toString()}`);
}

function page(): Scanner {
  const items = Array.from({ length: 30 }, (_, i) => `<p id="p${i}">Item ${i}: <b>Microsoft</b> said so.</p>`).join('');
  document.body.innerHTML = `<article><h1>Microsoft and Azure</h1>${items}<div id="box"><p id="inner">Unit 8200 here.</p></div></article>`;
  const scanner = new Scanner(document, matcher, Infinity);
  void scanner.scanAll(new AbortController().signal);
  expect(scanner.list()).toHaveLength(33);
  return scanner;
}

describe('Scanner.rescan of edited blocks', () => {
  for (const count of [1, 4, 5, 12]) {
    it(`drops and re-reads ${count} edited paragraph(s), keeps every other mark`, () => {
      const scanner = page();
      const before = marks(scanner);
      const edited: Node[] = [];
      for (let i = 0; i < count; i++) {
        const p = document.getElementById(`p${i * 2}`) as Element;
        // The name goes from every other edited paragraph; the rest are rewritten around it.
        // Edited in place: the text node stays, so only dropWithin can tell its old mark from a new one.
        const text = p.querySelector('b')?.firstChild as Text;
        text.data = i % 2 ? 'Microsoft' : 'Contoso';
        edited.push(text);
      }
      expect(scanner.rescan(edited, [], false)).toBe(true);
      const gone = new Set(Array.from({ length: count }, (_, i) => i).filter((i) => i % 2 === 0).map((i) => `p${i * 2}:Microsoft`));
      const after = marks(scanner);
      expect(after).toEqual(before.filter((m) => !gone.has(m)));
      expect(new Set(after).size).toBe(after.length);
    });
  }

  it('drops a mark whose text the edit removed (its range collapsed onto the paragraph) and one in a nested block', () => {
    const scanner = page();
    const p3 = document.getElementById('p3') as Element;
    const inner = document.getElementById('inner') as Element;
    // Removing <b> collapses the mark's range onto p3 itself; the nested paragraph's text is replaced.
    (p3.querySelector('b') as Element).remove();
    (inner.firstChild as Text).data = 'Nothing here.';
    // The removal is reported (live.ts), and the edited nested paragraph is touched.
    expect(scanner.rescan([p3, inner.firstChild as Node], [], true)).toBe(true);
    const after = marks(scanner);
    expect(after).not.toContain('p3:Microsoft');
    expect(after).not.toContain('inner:Unit 8200');
    expect(after).toHaveLength(31);
    expect(scanner.list().every((m) => !m.range.collapsed)).toBe(true);
  });
});
