// @vitest-environment happy-dom
/**
 * Text nodes longer than HUGE_NODE (segments.ts, Segment.lazy): the walk does not read their text,
 * the pretest reads it in pieces, and the scanner matches it window by window from the DOM. What must
 * not change: every name is marked once, at the same place as in a short node, also where it straddles
 * a pretest piece, a window, or the join with its neighbours.
 */
import { describe, expect, it } from 'vitest';
import { entityAliases, otherNames } from '../../src/data/aliases';
import { compileMatcher } from '../../src/detect';
import { Scanner } from '../../src/content/scanner';
import { HUGE_NODE, positionAt, SegmentWalker, segmentLength, segmentText, type Segment } from '../../src/content/segments';

const matcher = compileMatcher(entityAliases, otherNames);

const filler = (chars: number) => 'the committee heard more questions about the contract. '.repeat(Math.ceil(chars / 55)).slice(0, chars);

/** `filler` of `chars` characters with `name` (between spaces) written at each offset of `at` (increasing). */
function textWith(chars: number, name: string, at: number[]): string {
  let out = '';
  for (const offset of at) out += `${filler(offset - out.length - 1)} ${name} `;
  return out + filler(chars - out.length);
}

function scan(): Scanner {
  const scanner = new Scanner(document, matcher, Infinity);
  void scanner.scanAll(new AbortController().signal);
  return scanner;
}

const starts = (scanner: Scanner) =>
  scanner.list().map((m) => [m.range.toString(), m.range.startContainer === m.range.endContainer, m.range.startOffset]);

describe('huge text nodes', () => {
  it('makes a lazy segment whose text, length and positions are those of the joined text', () => {
    const big = textWith(HUGE_NODE + 5000, 'Microsoft', [HUGE_NODE - 4]);
    document.body.innerHTML = `<p>Before <b>Unit</b> </p>`;
    const p = document.querySelector('p') as HTMLElement;
    p.append(document.createTextNode(big), document.createElement('i'));
    (p.lastChild as Element).textContent = ' after';
    const seen: Segment[] = [];
    new SegmentWalker(document.body).next(() => false, (s) => void seen.push({ ...s, nodes: s.nodes.slice(), starts: s.starts.slice() }));
    expect(seen).toHaveLength(1);
    const segment = seen[0] as Segment;
    const joined = `Before Unit ${big} after`;
    expect(segment.lazy).toBe(true);
    expect(segment.text).toBe('');
    expect(segmentLength(segment)).toBe(joined.length);
    expect(segmentText(segment)).toBe(joined);
    for (const [from, to] of [[0, 10], [5, 20], [12, HUGE_NODE], [HUGE_NODE - 3, HUGE_NODE + 40], [joined.length - 9, joined.length]] as const) {
      expect(segmentText(segment, from, to)).toBe(joined.slice(from, to));
    }
    const [node, offset] = positionAt(segment, 12 + HUGE_NODE - 4, false);
    expect(node.data.slice(offset, offset + 9)).toBe('Microsoft');
    // The array form of the walk (tests, the bench's breakdown) still gets the text itself.
    const copies: Segment[] = [];
    new SegmentWalker(document.body).next(() => false, copies);
    expect(copies.map((s) => s.text)).toEqual([joined]);
  });

  it('marks every name of a huge node once, at its place, also across pretest pieces and windows', () => {
    // Names straddling the pretest's piece ends (multiples of HUGE_NODE) and the scanner's 16,384-character windows.
    const at = [100, 16_380, HUGE_NODE - 5, 2 * HUGE_NODE - 1, 3 * HUGE_NODE - 8];
    const big = textWith(3 * HUGE_NODE + 1000, 'Microsoft', at);
    document.body.innerHTML = '<main><article><h1>Cloud contracts</h1><p></p></article></main>';
    (document.querySelector('p') as HTMLElement).textContent = big;
    const scanner = scan();
    expect(starts(scanner)).toEqual(at.map((offset) => ['Microsoft', true, offset]));
  });

  it('finds a single name that only straddles a pretest piece (a page with no other name)', () => {
    const big = textWith(2 * HUGE_NODE, 'Microsoft', [HUGE_NODE - 4]);
    document.body.innerHTML = '<main><article><h1>Cloud contracts</h1><p></p></article></main>';
    (document.querySelector('p') as HTMLElement).textContent = big;
    expect(starts(scan())).toEqual([['Microsoft', true, HUGE_NODE - 4]]);
  });

  it('marks nothing in a huge node without a name', () => {
    document.body.innerHTML = '<main><article><h1>Cloud contracts</h1><p></p></article></main>';
    (document.querySelector('p') as HTMLElement).textContent = filler(3 * HUGE_NODE);
    expect(scan().list()).toHaveLength(0);
  });

  it('rescans an appended huge paragraph (one text node) like a short one', () => {
    document.body.innerHTML = '<main><article><h1>Cloud contracts</h1><p>Microsoft said so.</p></article></main>';
    const scanner = scan();
    expect(scanner.list()).toHaveLength(1);
    const p = document.createElement('p');
    p.textContent = textWith(HUGE_NODE + 30_000, 'Unit 8200', [40_000, HUGE_NODE + 2]);
    (document.querySelector('article') as Element).append(p);
    expect(scanner.rescan([], [p], false)).toBe(true);
    expect(starts(scanner).slice(1)).toEqual([['Unit 8200', true, 40_000], ['Unit 8200', true, HUGE_NODE + 2]]);
  });
});
