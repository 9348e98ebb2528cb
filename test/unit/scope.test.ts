// @vitest-environment happy-dom
/**
 * The scope decision (issue 13): which part of a page is the article, from text, link density,
 * repeated structures, landmarks and class/id words. Pure logic on a DOM, so happy-dom is enough;
 * `npm run eval:scope` measures it on ~480 real pages in a real browser.
 */
import { describe, expect, it } from 'vitest';
import { findScopeRoots } from '../../src/content/scope';
import { scanned } from './scope-scanned';
import { classWeight } from '../../src/content/scope-words';


const prose = (n: number, word = 'text') =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of the ${word}, with a clause, another clause, and a sentence that runs on for a while as prose does.</p>`).join('');

const links = (n: number, label = 'Other story') => `<ul>${Array.from({ length: n }, (_, i) => `<li><a href="/s${i}">${label} ${i}</a></li>`).join('')}</ul>`;

describe('findScopeRoots', () => {
  it('reads the article and its headline, not the menu, teaser list, sidebar or footer around it', () => {
    const text = scanned(
      `<div class="top">${links(12, 'Section')}</div><h1>The headline</h1>` +
        `<div class="x1">${prose(6)}</div><div class="x2"><h3>More news</h3>${links(8)}</div><div class="x3">Copyright line of the site</div>`,
    );
    expect(text[0]).toBe('The headline');
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(6);
    expect(text.some((t) => /Section|Other story|More news|Copyright/.test(t))).toBe(false);
  });

  it('reads an article whose wrapper is named after the sidebar beside it (class words are one signal, not a verdict)', () => {
    const text = scanned(
      `<div class="content-sidebar-wrap"><main><article class="post">${prose(5)}</article></main>` +
        `<aside class="sidebar">${links(6)}</aside></div>`,
    );
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(5);
    expect(text.some((t) => t.startsWith('Other story'))).toBe(false);
  });

  it('leaves out comments, share bars and related links inside the article, in other languages too', () => {
    const text = scanned(
      `<article><h1>Titel</h1>${prose(5)}<div class="teilen">Teilen auf Facebook</div>` +
        `<div class="verwandte-artikel">${prose(2, 'verwandt')}</div>` +
        `<section id="kommentare">${prose(2, 'Kommentar')}</section>` +
        `<div class="commentaires">${prose(2, 'commentaire')}</div></article>`,
    );
    expect(text.filter((t) => t.startsWith('Paragraph') && t.includes('the text'))).toHaveLength(5);
    expect(text.some((t) => /Teilen|verwandt|Kommentar|commentaire/.test(t))).toBe(false);
  });

  it('leaves out a repeated teaser structure inside the article container', () => {
    const teaser = (i: number) => `<div class="card"><a href="/t${i}">Teaser headline ${i}</a><span>Short summary ${i}</span></div>`;
    const text = scanned(`<div>${prose(6)}<div class="grid">${Array.from({ length: 6 }, (_, i) => teaser(i)).join('')}</div></div>`);
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(6);
    expect(text.some((t) => t.startsWith('Teaser'))).toBe(false);
  });

  it('decides that a page of headlines has no article: only its <h1> is read', () => {
    const teaser = (i: number) => `<article class="story"><h2><a href="/a${i}">Headline number ${i} of the front page</a></h2><a href="/a${i}">Read</a></article>`;
    document.body.innerHTML = `<h1>Section front</h1>${links(20, 'Menu')}<div>${Array.from({ length: 20 }, (_, i) => teaser(i)).join('')}</div>`;
    expect(findScopeRoots(document).map((e) => e.tagName)).toEqual(['H1']);
    document.body.innerHTML = `${links(20, 'Menu')}<div>${Array.from({ length: 20 }, (_, i) => teaser(i)).join('')}</div>`;
    expect(findScopeRoots(document)).toEqual([]);
  });

  it('falls back to <body> on a page without running text (a short note, a single line)', () => {
    document.body.innerHTML = '<div>Microsoft</div>';
    expect(findScopeRoots(document).map((e) => e.tagName)).toEqual(['BODY']);
  });

  it('prefers the article body over a teaser <article> elsewhere on the page', () => {
    document.body.innerHTML = `<article><p>teaser</p></article><div id="story">${prose(8)}</div>`;
    expect(findScopeRoots(document).map((e) => e.id)).toEqual(['story']);
    document.body.innerHTML = `<header><nav><article><p>Microsoft teaser</p></article></nav></header><article id="a">${prose(4)}</article>`;
    expect(findScopeRoots(document).map((e) => e.id)).toEqual(['a']);
  });

  it('takes the <h1> nearest before the article, not the logo <h1> at the top', () => {
    document.body.innerHTML = `<h1 id="logo">Site</h1>${links(10)}<div><h1 id="title">Story title</h1><div id="body">${prose(5)}</div></div>`;
    const roots = findScopeRoots(document);
    expect(roots.some((r) => r.querySelector('#title') || r.id === 'title')).toBe(true);
    expect(roots.some((r) => r.id === 'logo' || r.querySelector('#logo'))).toBe(false);
  });

  it('leaves out picture captions and credits inside the article, but reads them where they are the text (a gallery)', () => {
    const figure = (i: number) => `<figure><img src="/p${i}.jpg" alt=""><figcaption>Photo ${i}: the caption under the picture</figcaption></figure>`;
    let text = scanned(`<article>${prose(6)}${figure(1)}<div class="wp-caption"><p class="wp-caption-text">Bild via Agentur</p></div>${prose(2, 'end')}</article>`);
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(8);
    expect(text.some((t) => /caption under|Bild via/.test(t))).toBe(false);
    // A slideshow: the captions hold most of the page's words, so they are the article.
    const slide = (i: number) => `<figure><img src="/s${i}.jpg" alt=""><figcaption>Slide ${i}: a long caption that describes the costume, the make-up, the hat, and how to wear them.</figcaption></figure>`;
    text = scanned(`<article>${prose(1)}${Array.from({ length: 8 }, (_, i) => slide(i)).join('')}</article>`);
    expect(text.filter((t) => t.startsWith('Slide'))).toHaveLength(8);
  });

  it('leaves out a short line that is all link (a related story, a source) but not a paragraph with a link in it', () => {
    const text = scanned(
      `<article>${prose(3)}<p><a href="/r"><em>Read also: the other story about the club</em></a></p>${prose(3, 'second part')}` +
        `<p>The court said, according to <a href="/doc">the ruling</a>, that the contract had been lawful all along.</p></article>`,
    );
    expect(text.some((t) => t.includes('Read also'))).toBe(false);
    expect(text.some((t) => t.startsWith('The court said'))).toBe(true);
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(6);
  });

  it('leaves out the post-meta line after the article by its class words, and keeps a short closing sentence', () => {
    const text = scanned(
      `<div class="news-text">${prose(6)}<p>Microsoft did not comment.</p>` +
        `<div class="entry-utility">Posted in News | Tagged cloud</div><p class="postmetadata">Der Beitrag wurde am Mittwoch veröffentlicht</p></div>`,
    );
    expect(text).toContain('Microsoft did not comment.');
    expect(text.some((t) => /Posted in|Der Beitrag/.test(t))).toBe(false);
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(6);
  });

  it('does not read dates, form labels, post meta or donation boxes inside the article', () => {
    const text = scanned(
      `<article><p class="entry-meta">By Jane Doe, <time datetime="2020-04-03">03.04.2020</time></p>${prose(5)}` +
        `<div id="achgut_spenden"><h3>Sie lesen gern diese Seite?</h3><p>Dann unterstützen Sie uns mit einer Spende, damit es weitergeht, bitte.</p></div>` +
        `${prose(2, 'end')}<label>Sorted by</label></article>`,
    );
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(7);
    expect(text.some((t) => /Jane Doe|03\.04|Sie lesen|Spende|Sorted by/.test(t))).toBe(false);
  });

  it('costs a bounded number of DOM calls per element: k <article> elements cost O(k), not O(k²) (issue 11, finding 4)', () => {
    const calls = (k: number): number => {
      document.body.innerHTML = Array.from({ length: k }, (_, i) => `<article><p>Story ${i} with some text, a comma, and more words to read.</p></article>`).join('');
      const proto = Node.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
      const names = ['contains', 'compareDocumentPosition'];
      const originals = names.map((n) => proto[n] as (...a: unknown[]) => unknown);
      let count = 0;
      names.forEach((n, i) => {
        const original = originals[i] as (...a: unknown[]) => unknown;
        proto[n] = function (this: unknown, ...a: unknown[]) {
          count++;
          return original.apply(this, a);
        };
      });
      try {
        findScopeRoots(document);
      } finally {
        names.forEach((n, i) => (proto[n] = originals[i] as (...a: unknown[]) => unknown));
      }
      return count;
    };
    const small = calls(200);
    const large = calls(400);
    expect(large).toBeLessThanOrEqual(small * 2.2 + 10);
  });
});

describe('an intro in a row of its own above the body', () => {
  const intro = (word: string) => `<p>The ${word} of the story, with a clause, another clause, and a sentence that runs on for a while as an intro does.</p>`;
  /** A grid: rows of columns, the body's paragraphs deep in one column (the climb to a parent stops there), `before` and `after` rows around it. */
  const grid = (before: string, after: string) =>
    `<div class="menu">${links(10, 'Menu')}</div><div class="news"><div class="box">${before}` +
    `<div class="row"><div class="col-6"><div class="wrap"><div class="text">${prose(4, 'body')}</div><img src="a.jpg" alt=""></div></div><div class="col-6"><img src="b.jpg" alt=""></div></div>${after}</div></div>`;
  const row = (html: string) => `<div class="row"><div class="col-12"><div class="cell">${html}</div></div></div>`;

  it('reads the intro above the body of a grid, both inside one box that is mostly not links', () => {
    const text = scanned(grid(row(intro('intro').repeat(4)), ''));
    expect(text.filter((t) => t.startsWith('The intro'))).toHaveLength(4);
    expect(text.filter((t) => t.includes('of the body'))).toHaveLength(4);
    expect(text.some((t) => t.startsWith('Menu'))).toBe(false);
  });

  it('does not widen to a box with much text after the body too, or whose text before it is a list of linked summaries, or a table\'s other column', () => {
    const after = scanned(grid(row(intro('intro').repeat(4)), row(intro('next story').repeat(4))));
    expect(after.filter((t) => t.includes('of the body'))).toHaveLength(4);
    expect(after.some((t) => t.includes('next story'))).toBe(false);
    const summaries = Array.from({ length: 4 }, (_, i) => `<li><a href="/s${i}">Other story ${i} with a long linked headline</a> ${intro('summary')}</li>`).join('');
    const list = scanned(grid(row(`<ul>${summaries}</ul>`), ''));
    expect(list.filter((t) => t.includes('of the body'))).toHaveLength(4);
    expect(list.some((t) => t.includes('summary'))).toBe(false);
    const table = scanned(`<table><tr><td class="left">${intro('left column').repeat(4)}</td><td><table><tr><td><div class="text">${prose(4, 'body')}</div><img src="a.jpg" alt=""></td></tr></table></td></tr></table>`);
    expect(table.filter((t) => t.includes('of the body'))).toHaveLength(4);
    expect(table.some((t) => t.includes('left column'))).toBe(false);
  });
});

describe('class and id words', () => {
  it('reads words whole, camelCase split, in several languages; chrome words win over article words', () => {
    const el = (cls: string) => {
      const d = document.createElement('div');
      d.className = cls;
      return d;
    };
    expect(classWeight(el('rightSidebar'))).toBe(-1);
    expect(classWeight(el('post-comments'))).toBe(-1);
    expect(classWeight(el('kommentare'))).toBe(-1);
    expect(classWeight(el('jp-relatedposts'))).toBe(-1);
    expect(classWeight(el('article-body-commentary'))).toBe(1);
    expect(classWeight(el('entry-content'))).toBe(1);
    expect(classWeight(el('navigator-x'))).toBe(0);
    expect(classWeight(el('shared-mobility'))).toBe(0);
    // A rating widget (stars, scores, "rate this article"): the word whole, not inside another.
    expect(classWeight(el('star-rating'))).toBe(-1);
    expect(classWeight(el('ratingWidget'))).toBe(-1);
    expect(classWeight(el('operating-costs'))).toBe(0);
    expect(classWeight(el('ratings'))).toBe(0);
  });

  it('leaves out a rating box after the article, and keeps an article inside a box named "rating"', () => {
    const boxed = scanned(`<article><h1>Review</h1>${prose(5)}<div class="star-rating">Rate this article: 4 of 5 stars</div></article>`);
    expect(boxed.filter((t) => t.startsWith('Paragraph'))).toHaveLength(5);
    expect(boxed.some((t) => t.startsWith('Rate this'))).toBe(false);
    // The twin: the box that holds the article's text is read whatever its name.
    const wrapped = scanned(`<div class="rating">${links(6, 'Menu')}</div><div class="review rating"><h1>Review</h1>${prose(6)}</div>`);
    expect(wrapped.filter((t) => t.startsWith('Paragraph'))).toHaveLength(6);
  });
});

describe('a text node over HUGE_NODE characters', () => {
  it('is measured without reading its text whole, and its article is chosen over the menu beside it', () => {
    const big = 'The committee heard more questions, and more answers, about the contract. '.repeat(2000);
    document.body.innerHTML = `<nav>${links(30, 'Section')}</nav><div id="story"><h1>Title</h1><p id="huge"></p></div><footer>${links(20)}</footer>`;
    const text = document.createTextNode(big);
    (document.getElementById('huge') as HTMLElement).append(text);
    let wholeReads = 0;
    const data = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(text)), 'data');
    Object.defineProperty(text, 'data', {
      get() {
        if (!new Error().stack?.includes("substringData")) wholeReads++;
        return data?.get?.call(this) as string;
      },
    });
    const roots = findScopeRoots(document);
    expect(roots.some((r) => r.contains(text))).toBe(true);
    expect(roots.some((r) => r.contains(document.querySelector('nav')))).toBe(false);
    expect(wholeReads).toBe(0);
  });
});
