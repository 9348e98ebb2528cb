// @vitest-environment happy-dom
/**
 * Scope signals that need no class names (round 4): the page's JSON-LD `articleBody` and author,
 * and captions found by their place after a picture. Pure logic on a DOM; `npm run eval:scope`
 * and test/e2e/scope-snippets.test.ts check them in real browsers.
 */
import { describe, expect, it } from 'vitest';
import { findScopeRoots } from '../../src/content/scope';
import { articleMeta, fold, inBody } from '../../src/content/scope-meta';
import { scanned } from './scope-scanned';


const PARAS = [
  'Der Konzern hat einer Einheit den Zugang zu einem Teil seiner Dienste gesperrt, teilte der Präsident am Donnerstag mit.',
  'Nach Berichten mehrerer Medien soll die Einheit Aufzeichnungen von Millionen Telefonaten gespeichert haben, heißt es.',
  'Eine interne Prüfung habe Belege gefunden, die Teile der Berichterstattung stützten, schrieb er an die Belegschaft.',
  'Die Zusammenarbeit bei der Sicherheit laufe weiter, Organisationen begrüßten den Schritt, forderten aber mehr.',
];
const COMMENT = (n: number) => `<div class="c-9x"><div class="c-8y">leser${n} · vor ${n} Stunden</div><div class="c-7z">Das ist ein langer Kommentar Nummer ${n}, mit einem Komma, noch einem Komma, und einer Meinung zum Thema.</div></div>`;

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const article = (body = PARAS.join(' '), author: unknown = { '@type': 'Person', name: 'Lena Hoffmann' }) =>
  ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Titel', author, articleBody: body });

/** A page in hashed classes: headline box with byline, picture box, body, author box, comments. */
const PAGE =
  `<div class="css-a1"><div class="css-h"><h1>Der Konzern sperrt Dienste</h1><div class="css-b">Von Lena Hoffmann · 26.09.2025</div></div>` +
  `<div class="css-p"><img src="/a.jpg" alt=""><div class="css-q">Die Zentrale in Redmond. Foto: dpa</div></div>` +
  `<div class="css-t">${PARAS.map((p) => `<div class="css-x">${p}</div>`).join('')}</div>` +
  `<div class="css-u"><div>Lena Hoffmann</div><div>Schreibt über Konzerne, Cloud und Sicherheit.</div></div>` +
  `<div class="css-k">${COMMENT(1)}${COMMENT(2)}${COMMENT(3)}</div></div>`;

describe('JSON-LD articleBody and author', () => {
  it('reads the headline and the declared article text, not the byline, caption, author box or comments', () => {
    const text = scanned(PAGE, article());
    expect(text).toEqual(['Der Konzern sperrt Dienste', ...PARAS]);
  });

  it('finds the JSON-LD in <body> too, where many CMSs put it', () => {
    const text = scanned(article() + PAGE);
    expect(text).toEqual(['Der Konzern sperrt Dienste', ...PARAS]);
  });

  it('without JSON-LD the same page still reads all of the article (the signal only ever removes)', () => {
    const text = scanned(PAGE);
    for (const p of PARAS) expect(text).toContain(p);
    expect(text[0]).toBe('Der Konzern sperrt Dienste');
  });

  it('ignores an articleBody that is only a teaser of the article', () => {
    const text = scanned(PAGE, article(PARAS[0]));
    for (const p of PARAS) expect(text).toContain(p);
  });

  it('survives broken JSON-LD and JSON-LD of other things', () => {
    const head = '<script type="application/ld+json">{"@type": "NewsArticle", "articleBody": </script>' + ld({ '@type': 'BreadcrumbList', itemListElement: [] });
    expect(() => scanned(PAGE, head)).not.toThrow();
    expect(articleMeta(document)).toBeNull();
  });

  it('takes a one-word or organisation author as no byline (it would be found inside ordinary words)', () => {
    document.head.innerHTML = article(PARAS.join(' '), [{ '@type': 'Organization', name: 'RT' }, 'Reuters']);
    expect(articleMeta(document)?.authors).toEqual([]);
    document.head.innerHTML = article(PARAS.join(' '), [{ name: 'Lena Hoffmann' }, '김민지']);
    expect(articleMeta(document)?.authors).toEqual(['lenahoffmann', '김민지']);
  });

  it('finds the articleBody nested in a @graph and compares text without spaces, case or punctuation', () => {
    document.head.innerHTML = ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'Article', articleBody: '„Zitat“ – und  Text.' }] });
    const meta = articleMeta(document);
    expect(meta?.body).toBe('zitatundtext');
    if (!meta) return;
    expect(inBody(meta, fold('"Zitat" und Text'))).toBe(1);
    expect(inBody(meta, fold('Kommentar'))).toBe(0);
  });
});

describe('captions by position', () => {
  const body = `<div class="b">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div>`;

  it('leaves out a short line in a box that holds only a picture and it', () => {
    const text = scanned(`<h1>Titel</h1><div class="b"><p>${PARAS[0]}</p><div><img src="/a.jpg" alt=""><span>Bild: Agentur</span></div>${PARAS.slice(1).map((p) => `<p>${p}</p>`).join('')}</div>`);
    expect(text).not.toContain('Bild: Agentur');
    expect(text).toHaveLength(5);
  });

  it('reads a paragraph after a <figure> and a long paragraph after a picture-only paragraph', () => {
    const after = 'Danach geht der Text weiter.';
    const text = scanned(`<h1>Titel</h1><div class="b"><p>${PARAS[0]}</p><figure><img src="/a.jpg" alt=""></figure><p>${after}</p><p><img src="/b.jpg" alt=""></p><p>${PARAS[1]}</p>${PARAS.slice(2).map((p) => `<p>${p}</p>`).join('')}</div>`);
    expect(text).toContain(after);
    expect(text).toContain(PARAS[1]);
    expect(scanned(`<h1>Titel</h1>${body}`)).toHaveLength(5);
  });

  it('reads a short line after a picture-only paragraph (a blog writes its text so), but not one named a caption in pinyin', () => {
    const page = (cls: string) => `<h1>Titel</h1><div class="b"><p>${PARAS[0]}</p><p><img src="/a.jpg" alt=""></p><p${cls}>图为总部。</p>${PARAS.slice(1).map((p) => `<p>${p}</p>`).join('')}</div>`;
    expect(scanned(page(''))).toContain('图为总部。');
    const named = scanned(page(' class="tushuo"'));
    expect(named).not.toContain('图为总部。');
    expect(named).toHaveLength(5);
  });
});

describe('text hidden by its own style', () => {
  const panel = `<div style="display:none"><div>${PARAS.map((p) => `<p>${p} Archiv, Sammlung, Kopie.</p>`).join('')}</div></div>`;
  const post = `<div class="p"><p>${PARAS[0]}</p><p>${PARAS[1]}</p></div>`;

  it('is not taken for the article (a toolbar\'s collapsed panel of prose before a short post)', () => {
    const text = scanned(`${panel}<h1>Titel</h1>${post}`);
    expect(text).toEqual(['Titel', PARAS[0], PARAS[1]]);
  });

  it('but a style that only names display in another property hides nothing', () => {
    const text = scanned(`<h1>Titel</h1><div style="--card-display: none; font-display:none">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div>`);
    expect(text).toEqual(['Titel', ...PARAS]);
  });
});

describe('the heading of a block left out', () => {
  const list = `<ul>${[1, 2, 3, 4].map((n) => `<li><a href="/s${n}">Andere Geschichte ${n}</a></li>`).join('')}</ul>`;

  it('goes with the list it introduces', () => {
    const text = scanned(`<h1>Titel</h1><div class="b">${PARAS.map((p) => `<p>${p}</p>`).join('')}<h3>Mehr zum Thema</h3>${list}</div>`);
    expect(text).toEqual(['Titel', ...PARAS]);
  });

  it('stays when what follows it is read (a subheading of the article)', () => {
    const text = scanned(`<h1>Titel</h1><div class="b"><p>${PARAS[0]}</p><h3>Zwischentitel</h3>${PARAS.slice(1).map((p) => `<p>${p}</p>`).join('')}</div>`);
    expect(text).toContain('Zwischentitel');
  });
});

describe('round 5: blocks about the article, not of it', () => {
  const body = (extra: string, before = '') => `<h1>Titel</h1><div class="b">${before}${PARAS.map((p) => `<p>${p}</p>`).join('')}${extra}</div>`;

  it('leaves out an author box marked by microdata, in any class naming', () => {
    const bio = 'Fotograf aus Hamburg, Gründer des Blogs, mag jede Art von Fotografie, am liebsten mit Menschen darauf.';
    const text = scanned(body(`<div class="x9" itemprop="author" itemscope><span itemprop="name">Paddy</span><div>${bio}</div></div>`));
    expect(text).toEqual(['Titel', ...PARAS]);
  });

  it('but reads an article whose text sits in a box that only names the author in its microdata', () => {
    // The twin: itemprop="author" on a wrapper of the post's own text keeps the text (it holds the article).
    const text = scanned(`<h1>Titel</h1><div itemprop="author" class="b">${PARAS.map((p) => `<p>${p}</p>`).join('')}</div>`);
    expect(text).toEqual(['Titel', ...PARAS]);
  });

  it('leaves out a subheading that ends the article (it introduces the teasers after it)', () => {
    expect(scanned(body('<h3>Weitere Informationen zum Thema:</h3>'))).toEqual(['Titel', ...PARAS]);
  });

  it('but reads a last subheading over a picture (its title), as in a page of pictures', () => {
    const text = scanned(`<h1>Titel</h1><div class="b">${PARAS.map((p) => `<p>${p}</p>`).join('')}<h3>Das letzte Bild</h3><img src="/z.jpg" alt=""></div>`);
    expect(text).toEqual(['Titel', ...PARAS, 'Das letzte Bild']);
  });

  it('but reads a subheading with the article going on after it, and a last paragraph after a subheading', () => {
    const text = scanned(`<h1>Titel</h1><div class="b">${PARAS.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}<h3>Zum Schluss</h3><p>${PARAS[3]}</p></div>`);
    expect(text).toEqual(['Titel', ...PARAS.slice(0, 3), 'Zum Schluss', PARAS[3]]);
  });
});
