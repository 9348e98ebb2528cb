/**
 * Class and id words, one signal of scope among others (scope-score.ts): words that name site
 * chrome or the article's text, in the languages of the pages Backstory reads. Whole words only
 * (split at spaces, `-`, `_` and camelCase), so that "article-body-commentary" is not a comment box.
 * Words are looked up in sets (a regex of ~100 alternatives cost ~10 µs per element), and each
 * distinct class/id string is judged once per page.
 */
import { attr, hasAttrs } from './dom-safe';

/** A set of the space-separated words of `words` (tag names, roles, class words): shorter to ship than an array literal. */
export const wordSet = (words: string): Set<string> => new Set(words.split(' '));

/**
 * Words of blocks that hold chrome: comments, related links, share bars, sidebars, ads, bylines, rating widgets
 * ("rating" is in trafilatura's own discard list too, xpaths.py: `contains(@class, "rating")`).
 */
const CHROME = wordSet(
  'comment comments commentlist kommentar kommentare commentaire commentaires comentario comentarios commenti komentarz ' +
    'komentarze reactions respond disqus related verwandt verwandte aehnlich aehnliche ähnliche weitere similar relacionados ' +
    'relacionadas correlati connexes share sharing sharebar sharedaddy social teilen partage compartir condividi sidebar ' +
    'seitenleiste widget widgets promo advert advertisement anzeige werbung publicite publicité publicidad pubblicita reklama ' +
    'sponsor sponsored newsletter subscribe subscription abonnieren cookie consent breadcrumb breadcrumbs tags tagcloud ' +
    'schlagworte topics keywords trending popular mostpopular mostread meistgelesen recirc outbrain taboola readmore ' +
    'morestories masthead pagination pager footer nav navbar navigation menu authorbox authorinfo authorbio autor autorin ' +
    'auteur biography byline author meta postmeta postmetadata entrymeta utility license lizenz licence ' +
    'donate donation donations spenden spende unterstuetzen unterstützen soutenir donar ' +
    'date dateline timestamp relativetime datum fecha rating',
);

/** Prefixes that name chrome whatever follows ("relatedposts", "socialicons", "sidebarwidget"). */
const CHROME_PREFIX = /^(?:related|social|sidebar|sharedaddy|comments)./;

/** Two-word chrome names ("most read", "read more", "more stories"), checked on joined neighbours (other pairs have a chrome word). */
const CHROME_PAIRS = wordSet('most-read read-more more-stories');

/**
 * Words of picture captions and credits. Not chrome by name alone: on a gallery or video page the
 * captions are the text (scope-score.ts weighs their share).
 */
const CAPTION = wordSet(
  // The last two are pinyin: 图说 and 图注, "picture says" and "picture note".
  'caption captions credit credits figcaption bildunterschrift bildnachweis legende légende leyenda didascalia podpis tushuo tuzhu',
);

/** Words of blocks that hold the article's text. */
const ARTICLE = wordSet(
  'article articles artikel articulo artículo articolo artigo artykul body content contenu contenido contenuto conteudo ' +
    'inhalt entry post beitrag text texto testo story hentry prose richtext main',
);

const CAMEL = /([a-z])([A-Z])/g;
const SEPARATORS = /[\s_-]+/;

/** Judged class/id strings: -1 chrome; else 1 if article words, plus 2 if caption words. */
const cache = new Map<string, number>();

function judge(value: string): number {
  // Judged once per distinct string (cached): the replace needs no cheaper test before it.
  const words = value.replace(CAMEL, '$1-$2').toLowerCase().split(SEPARATORS);
  let found = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // words[-1] is undefined: "undefined-x" is no pair.
    if (CHROME.has(word) || CHROME_PAIRS.has(`${words[i - 1] as string}-${word}`) || CHROME_PREFIX.test(word)) return -1;
    if (ARTICLE.has(word)) found |= 1;
    if (CAPTION.has(word)) found |= 2;
  }
  return found;
}

/** Microdata of what is about the article, not the article: its author's box, its comments. */
const CHROME_ITEMPROP = /(?:^|\s)(?:author|comment|publisher)(?:$|\s)/;

function judged(el: Element, tag: string | undefined): number {
  if (!hasAttrs(el, tag)) return 0;
  const prop = attr(el, 'itemprop', tag);
  if (prop !== null && CHROME_ITEMPROP.test(prop)) return -1;
  const cls = attr(el, 'class', tag);
  const id = attr(el, 'id', tag);
  const value = id ? `${cls ?? ''} ${id}` : cls;
  if (!value || value.length > 400) return 0;
  let found = cache.get(value);
  if (found === undefined) {
    if (cache.size > 4000) cache.clear();
    found = judge(value);
    cache.set(value, found);
  }
  return found;
}

/**
 * -1 chrome words, +1 article words, 0 neither. Chrome words win ("post-comments", "article-related"
 * are chrome); whether a chrome-named block that holds the article's text is skipped is decided
 * by its share of the text (scope-score.ts), not by its name. `tag`: the element's tag name where
 * the caller has read it already (see dom-safe.ts).
 */
export function classWeight(el: Element, tag?: string): number {
  const j = judged(el, tag);
  return j < 0 ? j : j & 1;
}

/** True if the class or id names a caption or a picture credit (and not chrome). */
export function captionWords(el: Element, tag?: string): boolean {
  return judged(el, tag) > 1;
}

/** True if the class or id names chrome. */
export function chromeWords(el: Element): boolean {
  return judged(el, undefined) < 0;
}
