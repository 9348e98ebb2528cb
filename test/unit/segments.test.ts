// @vitest-environment happy-dom
/**
 * The segment walk: which text is read, how it is joined across inline elements, and how joined
 * offsets map back to DOM positions. Layout-free logic, so happy-dom is enough here; what the
 * reader sees is tested in real browsers (test/e2e).
 */
import { describe, expect, it } from 'vitest';
import { positionAt, SegmentWalker, type Segment } from '../../src/content/segments';

function segmentsOf(html: string, root?: string): string[] {
  document.body.innerHTML = html;
  const el = root ? (document.querySelector(root) as Element) : document.body;
  const out: Segment[] = [];
  new SegmentWalker(el).next(() => false, out);
  return out.map((s) => s.text);
}

describe('SegmentWalker', () => {
  it('joins text across inline elements within one block', () => {
    expect(segmentsOf('<p>Israel’s Unit <b>8200</b> and <a href="#">Microsoft</a></p>')).toEqual([
      'Israel’s Unit 8200 and Microsoft',
    ]);
  });

  it('splits at block boundaries and line breaks', () => {
    expect(segmentsOf('<div>Unit<p>8200 here</p>after</div><p>one<br>two</p>')).toEqual([
      'Unit',
      '8200 here',
      'after',
      'one',
      'two',
    ]);
  });

  it('skips chrome, code, controls, editable and hidden text', () => {
    const html = `<p>keep 1</p><nav>nav</nav><aside>aside</aside><footer>foot</footer>
      <pre>pre</pre><p>x <code>code</code> y</p><textarea>ta</textarea><button>btn</button>
      <div contenteditable="true">edit</div><div contenteditable="false">keep 2</div>
      <div hidden>hidden</div><div aria-hidden="true">aria</div><script>s</script><style>.a{}</style>
      <div role="navigation">rolenav</div><div class="related-links">rel</div><ul class="share-tools"><li>share</li></ul>
      <div class="grid_4 rightSidebar"><p>camel</p></div><a class="th-topic" href="/products/microsoft/">topiclink</a><a rel="tag" href="#">taglink</a>
      <p>keep 3</p>`;
    const text = segmentsOf(html).join('|');
    for (const word of ['keep 1', 'keep 2', 'keep 3', 'x ', ' y']) expect(text).toContain(word);
    for (const word of ['nav', 'aside', 'foot', 'pre', 'code', 'ta', 'btn', 'edit', 'hidden', 'aria', 'rolenav', 'rel', 'share', 'camel', 'topiclink', 'taglink']) {
      expect(text.split('|')).not.toContain(word);
      expect(text).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
  });

  it('keeps an article header (headline) but skips the page header', () => {
    const texts = segmentsOf('<header>Site Microsoft</header><article><header><h1>Headline Microsoft</h1></header><p>Body</p></article>');
    expect(texts).toEqual(['Headline Microsoft', 'Body']);
  });

  it('resumes exactly where it yielded', () => {
    const html = Array.from({ length: 300 }, (_, i) => `<p>para <i>${i}</i> end</p>`).join('');
    document.body.innerHTML = html;
    const walker = new SegmentWalker(document.body);
    const out: Segment[] = [];
    let calls = 0;
    while (walker.next(() => true, out)) calls++;
    expect(calls).toBeGreaterThan(3);
    expect(out.map((s) => s.text)).toEqual(Array.from({ length: 300 }, (_, i) => `para ${i} end`));
  });
});

describe('positionAt', () => {
  it('maps joined offsets to text nodes, preferring the earlier node for ends', () => {
    document.body.innerHTML = '<p>Unit <b>8200</b>!</p>';
    const out: Segment[] = [];
    new SegmentWalker(document.body).next(() => false, out);
    const seg = out[0] as Segment;
    expect(seg.text).toBe('Unit 8200!');
    const [startNode, startOffset] = positionAt(seg, 0, false);
    expect(startNode.data).toBe('Unit ');
    expect(startOffset).toBe(0);
    const [endNode, endOffset] = positionAt(seg, 9, true);
    expect(endNode.data).toBe('8200');
    expect(endOffset).toBe(4);
    const [midNode, midOffset] = positionAt(seg, 5, false);
    expect(midNode.data).toBe('8200');
    expect(midOffset).toBe(0);
  });
});

// findScopeRoots is tested in scope.test.ts (the scope decision has its own file since issue 13).

describe('skipping', () => {
  it('steps over comments after a skipped element (never hands a comment on as an element)', () => {
    expect(segmentsOf('<div><nav>n</nav><!-- c --><p>after</p><code>x</code><!-- d --></div><p>last</p>')).toEqual(['after', 'last']);
  });
});

describe('SegmentWalker pause (a long segment is handed over, then the walk resumes)', () => {
  it('stops right after a segment whose visitor returns true, and resumes where it stopped', () => {
    document.body.innerHTML = '<p>one <b>two</b></p><p>three</p><div>four<p>five</p>six</div>';
    const walker = new SegmentWalker(document.body);
    const seen: string[] = [];
    const calls: string[][] = [];
    let more = true;
    while (more) {
      const batch: string[] = [];
      more = walker.next(() => false, (s) => {
        batch.push(s.text);
        seen.push(s.text);
        return s.text === 'three' || s.text === 'five';
      });
      calls.push(batch);
    }
    expect(seen).toEqual(['one two', 'three', 'four', 'five', 'six']);
    expect(calls[0]).toEqual(['one two', 'three']);
    expect(calls[1]).toEqual(['four', 'five']);
  });
});

describe('outermost', () => {
  it('keeps only the blocks not inside another, in the order given', async () => {
    const { outermost } = await import('../../src/content/scanner');
    document.body.innerHTML = '<div id="a"><p id="b">x</p></div><p id="c">y</p><section id="d"><div><p id="e">z</p></div></section>';
    const $ = (id: string) => document.getElementById(id) as Element;
    expect(outermost(new Set([$('b'), $('a'), $('c'), $('e')])).map((e) => e.id)).toEqual(['a', 'c', 'e']);
    expect(outermost(new Set([$('e'), $('d')])).map((e) => e.id)).toEqual(['d']);
    // Many siblings: one walk up each, not a comparison of every pair (timed in `npm run bench`).
    document.body.innerHTML = '<p>x</p>'.repeat(3_000);
    expect(outermost(new Set(document.body.children)).length).toBe(3_000);
  }, 30_000);
});
