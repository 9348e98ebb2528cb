// @vitest-environment happy-dom
/**
 * The scanner's pretest (scanner.ts `mayHoldNames`): a page whose text holds no name gets no scope
 * decision and no walk, and a scope root without a name is not walked. What must not change: every
 * name the full walk would mark is still marked, also when it is split over elements, over the
 * pretest's chunks, or completed later by the page.
 */
import { describe, expect, it } from 'vitest';
import { entityAliases, otherNames } from '../../src/data/aliases';
import { compileMatcher } from '../../src/detect';
import { compileForms } from '../../src/detect/forms';
import { Scanner } from '../../src/content/scanner';

const matcher = compileMatcher(entityAliases, otherNames);

function marked(scanner: Scanner): string[] {
  return scanner.list().map((m) => m.range.toString());
}

/** A full scan in one go (no slices), as the benchmark runs it. */
function scanned(): Scanner {
  const scanner = new Scanner(document, matcher, Infinity);
  void scanner.scanAll(new AbortController().signal);
  return scanner;
}

const filler = (chars: number) => 'the committee heard more questions about the contract. '.repeat(Math.ceil(chars / 55)).slice(0, chars);

describe('Scanner on pages without a name', () => {
  it('decides no scope on a page without a name, and starts over when a name arrives', () => {
    document.body.innerHTML = `<main><article><h1>Cloud contracts</h1><p id="a">${filler(3000)}</p></article></main>`;
    const scanner = scanned();
    expect(scanner.list()).toHaveLength(0);
    expect(scanner.scopeRoots()).toHaveLength(0);
    const article = document.querySelector('article') as Element;
    const plain = document.createElement('p');
    plain.textContent = 'More questions, no answers.';
    article.append(plain);
    expect(scanner.rescan([], [plain], false)).toBe(true);
    expect(scanner.list()).toHaveLength(0);
    const named = document.createElement('p');
    named.textContent = 'Engineers at Microsoft said so.';
    article.append(named);
    // The caller (index.ts) runs a full scan when rescan says false.
    expect(scanner.rescan([], [named], false)).toBe(false);
    void scanner.scanAll(new AbortController().signal);
    expect(marked(scanner)).toEqual(['Microsoft']);
    expect(scanner.scopeRoots().length).toBeGreaterThan(0);
  });

  it('sees a name the page completes with inserted text or an inline element', () => {
    document.body.innerHTML = `<article><p id="p">Engineers at Micro</p><p id="q">Unit </p></article>`;
    const scanner = scanned();
    expect(scanner.list()).toHaveLength(0);
    const p = document.getElementById('p') as Element;
    p.append(document.createTextNode('soft said so.'));
    // live.ts reports inserted text as its parent element, touched.
    expect(scanner.rescan([p], [], false)).toBe(false);
    document.body.innerHTML = `<article><p id="p">Engineers at Micro</p><p id="q">Unit </p></article>`;
    const again = scanned();
    const q = document.getElementById('q') as Element;
    const b = document.createElement('b');
    b.textContent = '8200';
    q.append(b);
    // An inline element added: its block's whole text is tested ("Unit " + "8200").
    expect(again.rescan([], [b], false)).toBe(false);
    void again.scanAll(new AbortController().signal);
    expect(marked(again)).toEqual(['Unit 8200']);
  });

  it('sees an edit that joins text only when it makes a name inside one block', () => {
    document.body.innerHTML = `<article><p id="p">Micro</p><p id="q">soft is not one word across blocks.</p></article>`;
    const scanner = scanned();
    const q = document.getElementById('q') as Element;
    (q.firstChild as Text).data = 'soft, still in another block.';
    expect(scanner.rescan([q.firstChild as Text], [], false)).toBe(true);
    expect(scanner.list()).toHaveLength(0);
  });

  it('starts over when the page replaced its <body>', () => {
    document.body.innerHTML = '<article><p>Nothing here.</p></article>';
    const scanner = scanned();
    const body = document.createElement('body');
    body.innerHTML = '<article><p>Nothing here either.</p></article>';
    document.documentElement.replaceChild(body, document.body);
    expect(scanner.rescan([], [body.firstElementChild as Element], false)).toBe(false);
  });

  it('finds a name split over elements at every place around a chunk boundary of the pretest', () => {
    // Text before the name of about one pretest chunk (4,096 characters), shifted one character at a
    // time, so the chunk ends before, inside and after the split name.
    // One name per page: another name elsewhere would make the page's text pass the pretest anyway.
    for (let shift = 4060; shift <= 4110; shift++) {
      document.body.innerHTML = `<article><p>${filler(shift)}</p><p>Engineers at Micro<b>so</b>ft said so.</p><p>${filler(500)}</p></article>`;
      expect(marked(scanned()), `shift ${shift}`).toEqual(['Microsoft']);
      document.body.innerHTML = `<article><p>${filler(shift)}</p><p>the <i>Uni</i>t 8200 archive</p><p>${filler(500)}</p></article>`;
      expect(marked(scanned()), `shift ${shift}`).toEqual(['Unit 8200']);
    }
  });

  it('walks no scope root without a name, but still follows what the page adds to it', () => {
    document.body.innerHTML = `<nav><a href="/">Microsoft news</a></nav><main><article><h1>Contracts</h1><p>${filler(2000)}</p><p>${filler(1500)}</p></article></main><footer>© Microsoft</footer>`;
    const scanner = scanned();
    expect(scanner.list()).toHaveLength(0);
    // The page's text has names (navigation, footer): the scope was decided.
    expect(scanner.scopeRoots().length).toBeGreaterThan(0);
    const article = document.querySelector('article') as Element;
    const p = document.createElement('p');
    p.textContent = 'Microsoft and Unit 8200 were named.';
    article.append(p);
    expect(scanner.rescan([], [p], false)).toBe(true);
    expect(marked(scanner)).toEqual(['Microsoft', 'Unit 8200']);
  });

  it('marks the same names with and without the pretest on a page with names in chrome and article', () => {
    document.body.innerHTML = `<nav>Microsoft</nav><article><h1>Azure cloud contract</h1><p>${filler(5000)} Microsoft and Israel's 8200 unit.</p></article>`;
    expect(marked(scanned())).toEqual(['Azure', 'Microsoft', '8200 unit']);
  });
});

describe('Matcher.mayContain and gateSpan', () => {
  it('is true for every text find() or context() has anything for, and spans every form', () => {
    const texts = [
      ...entityAliases.flatMap((e) => Object.values(e.aliases).flat() as string[]),
      'Micro\u00ADsoft', 'x \u200BMicrosoft\u200B y', 'ומיקרוסופט', 'للوحدة 8200', 'Microsoft’s Azure platform',
      'Israel’s 8200 unit', 'AZURE CLOUD', 'وحدة ٨٢٠٠', 'マイクロソフト', '微软',
    ];
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) {
      const has = matcher.find(text).length > 0 || Object.keys(matcher.context(text)).length > 0;
      if (has) expect(matcher.mayContain(text), text).toBe(true);
    }
    const longest = Math.max(...compileForms(entityAliases).map((f) => f.length));
    expect(matcher.gateSpan).toBe(longest);
    expect(matcher.mayContain(filler(10_000))).toBe(false);
  });
});
