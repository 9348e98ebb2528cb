import { pickLocale, type CardLocale } from '../card/i18n';

/*
 * The card's language: the language the page declares for the mention (its nearest `lang`), then the page's
 * (the root element's), then the browser's. The page is not trusted to write good tags: `pickLocale` reads only
 * the primary subtag, in any case, so "AR", "ar-EG", " he-IL ", "iw" count, and a value it does not know
 * ("x-klingon", "", a 10,000-character string) passes the choice to the next in line.
 */

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * The language `el` is declared in, as the HTML spec determines it: the nearest inclusive ancestor with
 * `xml:lang` in the XML namespace (XHTML pages, SVG) or `lang`, the former first on the same element,
 * continuing from a shadow root to its host. An `xml:lang` written in an HTML page is a plain attribute the
 * browser ignores, and so does this. `lang=""` is found and returned: the page says "unknown" there.
 */
export function declaredLang(el: Element | null): string | null {
  for (let node: Element | null = el; node; ) {
    const value = node.getAttributeNS(XML_NS, 'lang') ?? node.getAttribute('lang');
    if (value !== null) return value;
    const parent: Element | null = node.parentElement;
    if (parent) node = parent;
    else {
      // A shadow root (tested by shape: Firefox's content scripts see page objects through wrappers).
      const root = node.getRootNode();
      node = root.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in root ? (root as ShadowRoot).host : null;
    }
  }
  return null;
}

/** The page's own language (its root element's declaration). */
export function pageLang(doc: Document): string | null {
  return doc.documentElement ? declaredLang(doc.documentElement) : null;
}

/** The card's locale for a mention inside `el`: its declared language, then the page's, then the browser's. */
export function cardLocale(el: Element | null, doc: Document, browserLanguages: readonly string[]): CardLocale {
  return pickLocale([declaredLang(el), pageLang(doc), ...browserLanguages]);
}
