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

  it('finds a name with invisible characters or vowel marks inside, split over a chunk boundary', () => {
    // The probe reads text without those characters: 40 zero-width spaces inside a name must not
    // push its first letters out of the characters a chunk hands on to the next.
    const zw = '\u200B'.repeat(40);
    for (let shift = 4040; shift <= 4100; shift += 3) {
      document.body.innerHTML = `<article><p>${filler(shift)}</p><p>Engineers at M${zw}icro<b>so${zw}</b>ft said so.</p></article>`;
      expect(marked(scanned()).map((t) => t.replace(/\u200B/g, '')), `shift ${shift}`).toEqual(['Microsoft']);
      document.body.innerHTML = `<article><p>${filler(shift)}</p><p>قالت مَايْكْرُو<b>سُوفْت</b> إن</p></article>`;
      expect(marked(scanned()), `shift ${shift}`).toEqual(['مَايْكْرُوسُوفْت']);
    }
  });

  it('finds a name whose last letter is a Cyrillic or Greek look-alike, or whose first is (the gate sees both sides)', () => {
    // The gate's mixed-script test is led by the Cyrillic or Greek letter and looks behind it for a Latin one:
    // a look-alike that ends a word has no Latin letter after it.
    for (const name of ['MICROSOF\u0422', 'MICROSOF\u03A4', '\u041CICROSOFT', 'Micr\u043Esoft']) {
      document.body.innerHTML = `<article><p>${filler(300)}</p><p>Engineers at ${name} said so.</p></article>`;
      expect(marked(scanned()), name).toEqual([name]);
    }
  });

  it('takes a page in Cyrillic and Greek beside Latin words, but never inside one, for one without a name', () => {
    document.body.innerHTML = `<article><p>Облако, cloud и unit — три слова: ${filler(50)}</p><p>Σύννεφο (cloud) και μονάδα.</p></article>`;
    const scanner = scanned();
    expect(scanner.list()).toHaveLength(0);
    expect(scanner.scopeRoots()).toHaveLength(0);
  });

  it('takes a page with only soft hyphens, bidi marks or vowel marks for one without a name', () => {
    document.body.innerHTML = `<article><p>Silben\u00ADtrennung und \u200Fmehr</p><p dir="rtl">قَالَ الْمَسْؤُولُونَ</p><p>שָׁלוֹם</p></article>`;
    const scanner = scanned();
    expect(scanner.list()).toHaveLength(0);
    expect(scanner.scopeRoots()).toHaveLength(0);
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

describe('Matcher.mayContain and probe', () => {
  it('is true for every text find() or context() has anything for, and spans every form', () => {
    const texts = [
      ...entityAliases.flatMap((e) => Object.values(e.aliases).flat() as string[]),
      'Micro\u00ADsoft', 'x \u200BMicrosoft\u200B y', 'ומיקרוסופט', 'للوحدة 8200', 'Microsoft’s Azure platform',
      'Israel’s 8200 unit', 'AZURE CLOUD', 'وحدة ٨٢٠٠', 'マイクロソフト', '微软',
      'مَايْكْرُوسُوفْت', 'لِمايكروسوفت', 'الوَحْدَة 8200', 'מִיקְרוֹסוֹפְט', 'M\u200Bi\u200Bc\u200Br\u200Bo\u200Bs\u200Bo\u200Bf\u200Bt',
      'Uni\u200Dt 8200 and Azu\u2060re',
    ];
    expect(texts.length).toBeGreaterThan(20);
    let found = 0;
    for (const text of texts) {
      const has = matcher.find(text).length > 0 || Object.keys(matcher.context(text)).length > 0;
      if (has) found++;
      if (has) expect(matcher.mayContain(text), text).toBe(true);
      // The same text read by a probe in pieces of every length, split anywhere.
      for (let size = 1; size <= 4 && has; size++) {
        const probe = matcher.probe();
        let may = false;
        for (let at = 0; at < text.length && !may; at += size) may = probe.add(text.slice(at, at + size));
        expect(may || probe.end(), `${text} in pieces of ${size}`).toBe(true);
      }
    }
    expect(found).toBeGreaterThan(20);
    expect(matcher.mayContain(filler(10_000))).toBe(false);
    // Every form's text is a name to the probe, also between ~4,096 characters of other text.
    for (const form of compileForms(entityAliases)) expect(form.length).toBeGreaterThan(0);
    const probe = matcher.probe();
    expect(probe.add(filler(4090))).toBe(false);
    expect(probe.add('Micro')).toBe(false);
    expect(probe.add('soft') || probe.end()).toBe(true);
  });

  it('sees a name split into three pieces anywhere, after other pieces, with or without invisible characters before it', () => {
    // The probe tests each piece alone and a name split between pieces at the last junction it crosses:
    // every way of cutting every alias (with the words around it) into three pieces must be seen.
    const aliases = [...new Set(entityAliases.flatMap((e) => Object.values(e.aliases).flat() as string[]))];
    expect(aliases.length).toBeGreaterThan(20);
    const leads = [['the committee heard ', 'more questions about'], ['Silben\u00ADtrennung, and ', 'x']];
    let checked = 0;
    for (const alias of aliases) {
      const text = `x ${alias}, y`;
      if (matcher.find(text).length === 0 && Object.keys(matcher.context(text)).length === 0) continue;
      for (const lead of leads) {
        for (let i = 0; i <= text.length; i++) {
          for (let j = i; j <= text.length; j++) {
            const probe = matcher.probe();
            const pieces = [...lead, text.slice(0, i), text.slice(i, j), text.slice(j), ' tail'];
            let may = false;
            for (const piece of pieces) if (!may) may = probe.add(piece);
            expect(may || probe.end(), `${JSON.stringify(pieces)}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
    // And nothing where there is no name, split the same way.
    const probe = matcher.probe();
    const words = filler(9_000).split(/(?<= )/);
    expect(words.some((w) => probe.add(w)) || probe.end()).toBe(false);
  });
});
