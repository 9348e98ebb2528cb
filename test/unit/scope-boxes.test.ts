// @vitest-environment happy-dom
/**
 * Boxes inside the article's container that are not the article, by shape and place
 * (src/content/scope-boxes.ts): fine print that closes a section, a second headline's region after
 * the text, an embedded story with its own subheading and byline. Each rule beside its twin: the
 * article text that looks like it and must stay in scope.
 */
import { describe, expect, it } from 'vitest';
import { scanned } from './scope-scanned';

const prose = (n: number, word = 'text') =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of the ${word}, with a clause, another clause, and a sentence that runs on for a while as prose does.</p>`).join('');

const has = (text: string[], part: string) => text.some((t) => t.includes(part));

describe('fine print', () => {
  it('leaves out a short line in small or slanted type that closes its section (no guarantee, source, affiliate disclosure)', () => {
    const text = scanned(
      `<h1>Rules</h1><div>${prose(3)}<p><span style="font-size: 8pt;"><em>(All figures without guarantee)</em></span></p>` +
        `<h2>North</h2>${prose(3, 'north')}<p><small>Source: state government</small></p>` +
        `<h2>South</h2>${prose(3, 'south')}<p><i>Advertisement, contains affiliate links</i></p></div>`,
    );
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(9);
    expect(has(text, 'guarantee')).toBe(false);
    expect(has(text, 'state government')).toBe(false);
    expect(has(text, 'affiliate')).toBe(false);
  });

  it('reads slanted lines that the article goes on after: an interview\'s questions, a run-in heading', () => {
    const text = scanned(
      `<h1>Interview</h1><div>${prose(3)}<p><em>Why the move to the cloud?</em></p><p>Because the old servers were full, she says, and nobody wanted to buy more of them.</p>` +
        `<p><i>The early years</i></p>${prose(3, 'early years')}</div>`,
    );
    expect(has(text, 'Why the move to the cloud?')).toBe(true);
    expect(has(text, 'The early years')).toBe(true);
  });

  it('reads a poem of slanted lines to its last line, and a "Source:" paragraph of the story', () => {
    const poem = ['The river runs', 'the city sleeps', 'the servers hum'].map((l) => `<p><em>${l}</em></p>`).join('');
    const text = scanned(
      `<h1>Poem</h1><div>${prose(4)}${poem}<h2>Notes</h2>${prose(2, 'notes')}` +
        `<p>Source: the ministry said on Tuesday that the figures would be revised, and that the revision would come in spring.</p></div>`,
    );
    for (const line of ['The river runs', 'the city sleeps', 'the servers hum']) expect(has(text, line)).toBe(true);
    expect(has(text, 'Source: the ministry')).toBe(true);
  });

  it('reads a closing line in slanted type that is a sentence, and one that leads in to pictures', () => {
    const text = scanned(`<h1>Story</h1><div>${prose(5)}<p><em>Additional reporting by Jane Doe.</em></p></div>`);
    expect(has(text, 'Additional reporting by Jane Doe.')).toBe(true);
    const photos = scanned(`<h1>Story</h1><div>${prose(5)}<div><i>See more photos:</i></div><p><em>See more photos:</em></p><img src="a.jpg" alt=""></div>`);
    expect(photos.filter((t) => t.includes('See more photos:'))).toHaveLength(2);
  });

  it('reads a closing sentence in slanted type in Arabic, Urdu, Hindi and Japanese (their own sentence ends)', () => {
    for (const line of ['هل ستعود الخدمات؟', 'مائیکروسافٹ نے خدمات بند کر دیں۔', 'माइक्रोसॉफ्ट ने सेवाएं बंद कीं।', 'マイクロソフトは声明を出した。']) {
      const text = scanned(`<h1>Story</h1><div>${prose(5)}<p><em>${line}</em></p></div>`);
      expect(has(text, line), line).toBe(true);
    }
  });

  it('reads a photo essay whose captions, in slanted type, are its text', () => {
    const photo = (i: number) => `<div class="photo"><img src="p${i}.jpg" alt=""><p><em>Caption ${i}: the harbour at dawn</em></p></div>`;
    const text = scanned(`<h1>Harbour</h1><div>${Array.from({ length: 8 }, (_, i) => photo(i)).join('')}<p>The harbour, photographed over a year, in all weathers and at all hours.</p></div>`);
    expect(text.filter((t) => t.startsWith('Caption'))).toHaveLength(8);
  });
});

describe('embedded story', () => {
  it('leaves out a box inside the article that opens with its own subheading and byline, in English and German', () => {
    const text = scanned(
      `<h1>Main story</h1><div>${prose(4)}<div class="factbox"><h3>Another story in a box</h3><div><p>By Tom Pyman for The Paper</p>${prose(3, 'boxed story')}</div></div>${prose(4, 'rest')}` +
        `<section><h2>Ein zweiter Bericht</h2><p>Von Jana Berg und Tim Roth</p>${prose(2, 'zweiter Bericht')}</section>${prose(2, 'end')}</div>`,
    );
    expect(text.filter((t) => t.startsWith('Paragraph') && !t.includes('boxed') && !t.includes('Bericht'))).toHaveLength(10);
    expect(has(text, 'boxed story')).toBe(false);
    expect(has(text, 'Tom Pyman')).toBe(false);
    expect(has(text, 'zweiter Bericht')).toBe(false);
    expect(has(text, 'Jana Berg')).toBe(false);
  });

  it('reads a live blog whose entries each open with a subheading and a byline', () => {
    const entry = (i: number) => `<div class="entry"><h3>12:0${i} Update ${i}</h3><p>By Jane Doe</p>${prose(2, `update ${i}`)}</div>`;
    const text = scanned(`<h1>Live</h1><div>${Array.from({ length: 5 }, (_, i) => entry(i)).join('')}</div>`);
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(10);
  });

  it('reads a live blog whose entries each carry a class of their own, or none, or are articles', () => {
    // An adversary's live blog: no two entries share a class, so "a box of a kind of its own" must be told by shape.
    for (const open of [(i: number) => `<div class="entry entry-10${i}">`, () => '<div>', (i: number) => `<article id="post-${i}">`]) {
      const close = open(0).startsWith('<article') ? '</article>' : '</div>';
      const entry = (i: number) => `${open(i)}<h3>12:0${i} Update ${i}</h3><p>By Jane Doe</p>${prose(2, `update ${i}`)}${close}`;
      const text = scanned(`<h1>Live</h1><div>${Array.from({ length: 40 }, (_, i) => entry(i)).join('')}</div>`);
      expect(text.filter((t) => t.startsWith('Paragraph')), open(1)).toHaveLength(80);
    }
  });

  it('reads a section whose subheading is followed by a sentence or a phrase that starts like a byline', () => {
    const text = scanned(
      `<h1>Main</h1><div>${prose(4)}<div class="box"><h3>Background</h3><p>By then, the plan had failed.</p>${prose(2, 'background')}</div>` +
        `<div class="week"><h3>Opening hours</h3><p>Von Montag bis Freitag</p>${prose(2, 'opening hours')}</div>` +
        `<div class="cost"><h3>Prices</h3><p>By far the cheapest option</p>${prose(2, 'prices')}</div>${prose(4, 'rest')}</div>`,
    );
    expect(has(text, 'By then, the plan had failed.')).toBe(true);
    expect(has(text, 'of the background')).toBe(true);
    expect(has(text, 'Von Montag bis Freitag')).toBe(true);
    expect(has(text, 'of the opening hours')).toBe(true);
    expect(has(text, 'By far the cheapest option')).toBe(true);
  });

  it('reads an article whose byline follows its subheading directly in the article (not in a box of its own)', () => {
    const text = scanned(`<h1>Main</h1><article><h2>The standfirst as a subheading</h2><p>By Jane Doe</p>${prose(6)}</article>`);
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(6);
  });
});

describe('a second headline after the article', () => {
  it('leaves out a box that opens with a second <h1> after the text, and what follows it', () => {
    const text = scanned(
      `<h1>The headline</h1><div class="entry">${prose(8)}<div class="support"><img src="a.jpg" alt=""><h1>While you are here</h1>` +
        `<p>If you enjoyed reading this post, would you consider supporting our work? Thanks!</p></div>` +
        `<div class="appendix"><hr><div>Suggested citation: Doe, Jane: The headline, The Blog, 2020/4/09.</div></div></div>`,
    );
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(8);
    expect(has(text, 'While you are here')).toBe(false);
    expect(has(text, 'supporting our work')).toBe(false);
    expect(has(text, 'Suggested citation')).toBe(false);
  });

  it('reads a short page read whole whose article opens with its <h1> (no headline known: no second one)', () => {
    for (const html of [
      '<main><article><h1>Cloud contracts</h1><p>Microsoft said so.</p></article></main>',
      '<div><h1>Note</h1><p>Unit 8200 was named.</p></div><div><h1>Other</h1><p>More text here.</p></div>',
    ]) {
      const text = scanned(html);
      expect(has(text, 'Microsoft said so') || has(text, 'Unit 8200 was named'), html).toBe(true);
    }
  });

  it('reads an article whose sections each open with an <h1> (the HTML5 outline)', () => {
    const text = scanned(
      `<article><h1>The headline</h1><section><h1>Part one</h1>${prose(6, 'part one')}</section><section><h1>Part two</h1>${prose(2, 'part two')}</section></article>`,
    );
    expect(has(text, 'Part two')).toBe(true);
    expect(text.filter((t) => t.includes('part two'))).toHaveLength(2);
  });
});

describe('a call to comment that closes the page, not the story', () => {
  it('leaves out a call to comment after the article, in English, German, Spanish, Portuguese, French, Italian, Swedish, Polish and Finnish', () => {
    const closers = [
      'Comments are closed.', '[ Read All Comments ]', 'Top Rated Comments', '12 Comments',
      'Kommentar verfassen', '11 KOMMENTARE', 'Um einen Kommentar schreiben zu können, musst du eingeloggt sein!',
      'Deja un comentario', 'Comentários', 'Laisser un commentaire', '3 commentaires', 'Commentez cet article',
      'Lascia un commento', 'Commenti', 'Kommentarer', 'Dodaj komentarz', 'Kommentit',
    ];
    for (const line of closers) {
      const text = scanned(`<h1>Story</h1><div>${prose(6)}<div>${line}</div></div>`);
      expect(text.filter((t) => t.startsWith('Paragraph')), line).toHaveLength(6);
      expect(has(text, line), line).toBe(false);
    }
    // Two closing lines in a row, each in a paragraph of its own.
    const both = scanned(`<h1>Story</h1><div>${prose(6)}<p>Schreib einen Kommentar</p><p>Noch keine Kommentare, sei die erste hier</p></div>`);
    expect(has(both, 'Kommentar')).toBe(false);
  });

  it('reads a box by its first block: a "Kommentieren" heading over a login note goes, though the note has capitals', () => {
    const text = scanned(`<h1>Story</h1><div>${prose(6)}<div><h2>Kommentieren</h2><h3>Sie müssen sich <a href="/login">einloggen</a>, um sich an einer Diskussion beteiligen zu können.</h3></div></div>`);
    expect(text.filter((t) => t.startsWith('Paragraph'))).toHaveLength(6);
    expect(has(text, 'Kommentieren')).toBe(false);
    expect(has(text, 'Diskussion')).toBe(false);
  });

  it('reads the story\'s own last lines about comment, and a comment line with the story going on after it', () => {
    const last = ['Microsoft declined to comment.', 'A spokesperson did not respond to requests for comments on Tuesday.', 'The company said its lawyers would review the comments.', 'Copyright holders in Germany, the court said, must be asked first.', '(c) the right to be heard.'];
    for (const line of last) {
      const text = scanned(`<h1>Story</h1><div>${prose(6)}<p>${line}</p></div>`);
      expect(has(text, line), line).toBe(true);
    }
    const early = scanned(`<h1>Story</h1><div>${prose(2)}<p>Comments from the minister</p>${prose(4, 'after')}</div>`);
    expect(has(early, 'Comments from the minister')).toBe(true);
  });

  it('reads news that opens with a longer word than the reader\'s "comments", or with French "comment" (how), as the story\'s last line', () => {
    const news = [
      'Commentators said Microsoft had known for years.', 'Commentary: Microsoft and Unit 8200', 'Kommentatoren sehen Microsoft in der Pflicht.',
      'Comentaristas dijeron que Microsoft lo sabía.',
      // No capitalised word after the comment word: only the whole-word limit keeps these.
      'Commentators said the deal would not last.', 'Commentary: the cloud and the army', 'Kommentatoren sehen das kritisch.',
      'Comentaristas dijeron que no.', 'Comment la guerre a changé le cloud.', 'Commentaries on the ruling are due next week.',
    ];
    for (const line of news) {
      const text = scanned(`<h1>Story</h1><div>${prose(6)}<p>${line}</p></div>`);
      expect(has(text, line), line).toBe(true);
    }
  });

  it('reads a line that opens with the reader\'s comment word but names someone after it: reported news', () => {
    const news = [
      'Comments from Microsoft were not available.', 'Commentaire de Microsoft : aucune réponse.', 'Kommentar: Microsoft muss handeln',
      'Comentarios de Microsoft: ninguno.', 'Comments from “Microsoft” were not available.', 'Kommentare aus Österreich blieben aus.',
    ];
    for (const line of news) {
      const text = scanned(`<h1>Story</h1><div>${prose(6)}<p>${line}</p></div>`);
      expect(has(text, line), line).toBe(true);
    }
  });
});
