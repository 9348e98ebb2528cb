// @vitest-environment happy-dom
/**
 * The card's language from hostile and odd `lang` attributes (round 4): the mention's declared language, then
 * the page's, then the browser's; tags compared by their primary subtag in any case; anything unknown passes
 * the choice on. The DOM walk runs on happy-dom (pure logic); the e2e check in content-lang.test.ts runs the
 * same choice in the real browsers.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { pickLocale } from '../../src/card/i18n';
import { cardLocale, declaredLang, pageLang } from '../../src/content/mention-lang';

describe('pickLocale: the primary subtag, case-insensitive; unknown passes to the next candidate', () => {
  test.each([
    [['AR'], 'ar'],
    [['ar-EG'], 'ar'],
    [['AR-eg'], 'ar'],
    [['ar_EG'], 'ar'],
    [['he-IL'], 'he'],
    [['iw'], 'he'],
    [['iw-IL'], 'he'],
    [[' ar '], 'ar'],
    [['\n\the\t'], 'he'],
    // Arabic in Latin script (Arabizi): the reader reads Arabic, and the card has no Latin-script Arabic.
    [['ar-Latn'], 'ar'],
    [['en-US', 'ar'], 'en'],
    [['x-klingon', 'ar'], 'ar'],
    [['tlh', 'he'], 'he'],
    [['', 'ar'], 'ar'],
    [['und', 'he'], 'he'],
    [['*', 'he'], 'he'],
    [['arabic', 'he'], 'he'],
    [['ara', 'he'], 'he'],
    [['a', 'he'], 'he'],
    [['fr-CA', 'de', 'ar-SA'], 'ar'],
    [['-ar', 'he'], 'he'],
    [['ar-', 'he'], 'ar'],
    [[null, undefined, 'he'], 'he'],
    [['x-klingon', ''], 'en'],
    [[], 'en'],
  ])('%j → %s', (candidates, expected) => {
    expect(pickLocale(candidates)).toBe(expected);
  });

  test('a 10,000-character value names no language, and its first letters do not either', () => {
    expect(pickLocale(['a'.repeat(10_000), 'he'])).toBe('he');
    expect(pickLocale(['ar' + 'x'.repeat(10_000), 'he'])).toBe('he');
    expect(pickLocale([' '.repeat(10_000) + 'ar', 'he'])).toBe('he');
    // A real primary subtag before a long tail is read: the tail is a malformed tag's, not a language.
    expect(pickLocale(['ar-' + 'x'.repeat(10_000), 'he'])).toBe('ar');
  });
});

describe('declaredLang and cardLocale: nearest declaration, then the page, then the browser', () => {
  afterEach(() => {
    document.body.replaceChildren();
    document.documentElement.removeAttribute('lang');
    document.documentElement.removeAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang');
  });

  function page(htmlLang: string | null, body: string): void {
    if (htmlLang === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', htmlLang);
    document.body.innerHTML = body;
  }
  const at = (id: string): Element | null => document.getElementById(id);

  test('lang on a span beats lang on <html>', () => {
    page('en', '<p>text <span lang="ar"><b id="m">مايكروسوفت</b></span></p>');
    expect(declaredLang(at('m'))).toBe('ar');
    expect(cardLocale(at('m'), document, ['en-US'])).toBe('ar');
  });

  test('an English sentence inside a lang="ar" page: its own lang="en" wins; without one, the page is Arabic', () => {
    page('ar', '<p lang="en"><span id="m">Microsoft</span> said</p><p><span id="n">Microsoft</span></p>');
    expect(cardLocale(at('m'), document, ['ar'])).toBe('en');
    expect(cardLocale(at('n'), document, ['en'])).toBe('ar');
  });

  test('an unknown nearest lang passes to the page, an unknown page to the browser', () => {
    page('he-IL', '<p lang="x-klingon"><span id="m">Microsoft</span></p>');
    expect(cardLocale(at('m'), document, ['ar'])).toBe('he');
    page('x-klingon', '<p lang="tlh"><span id="m">Microsoft</span></p>');
    expect(cardLocale(at('m'), document, ['ar-EG', 'en'])).toBe('ar');
  });

  test('lang="" is found (the page says "unknown") and passes the choice on', () => {
    page('ar', '<div lang="he"><p lang=""><span id="m">Microsoft</span></p></div>');
    expect(declaredLang(at('m'))).toBe('');
    // Not the Hebrew of the div around it: the empty lang stops inheritance, as in the browser.
    expect(cardLocale(at('m'), document, ['en'])).toBe('ar');
  });

  test('a 10,000-character lang on the span: the page decides', () => {
    page('he', `<p lang="${'q'.repeat(10_000)}"><span id="m">Microsoft</span></p>`);
    expect(cardLocale(at('m'), document, ['ar'])).toBe('he');
  });

  test('no lang anywhere: the browser, then English', () => {
    page(null, '<p><span id="m">Microsoft</span></p>');
    expect(pageLang(document)).toBeNull();
    expect(cardLocale(at('m'), document, ['iw-IL'])).toBe('he');
    expect(cardLocale(at('m'), document, ['de-DE'])).toBe('en');
  });

  test('xml:lang in the XML namespace counts and wins over lang on the same element; written in HTML it is ignored', () => {
    page('en', '<p><span id="m">Microsoft</span></p><p xml:lang="ar"><span id="n">Microsoft</span></p>');
    at('m')?.parentElement?.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:lang', 'he');
    at('m')?.parentElement?.setAttribute('lang', 'ar');
    expect(declaredLang(at('m'))).toBe('he');
    // The parser made "xml:lang" a plain attribute without a namespace: the browser ignores it, so do we.
    expect(declaredLang(at('n'))).toBe('en');
  });

  test('inside a page\'s shadow root the host\'s language counts', () => {
    page('en', '<div lang="ar" id="host"></div>');
    const shadow = at('host')?.attachShadow({ mode: 'open' });
    if (!shadow) throw new Error('no shadow root');
    shadow.innerHTML = '<p><span id="m">مايكروسوفت</span></p>';
    expect(declaredLang(shadow.getElementById('m'))).toBe('ar');
  });

  test('the mention element itself may carry the lang', () => {
    page('en', '<span id="m" lang="HE">מיקרוסופט</span>');
    expect(cardLocale(at('m'), document, [])).toBe('he');
  });

  test('no element (a detached range): the page, then the browser', () => {
    page('ar', '');
    expect(cardLocale(null, document, ['he'])).toBe('ar');
  });
});
