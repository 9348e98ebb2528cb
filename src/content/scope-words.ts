/**
 * Class and id words, one signal of scope among others (scope-score.ts): words that name site
 * chrome or the article's text, in the languages of the pages Backstory reads. Whole words only
 * (split at spaces, `-`, `_` and camelCase), so that "article-body-commentary" is not a comment box.
 */

/** Blocks that hold chrome: comments, related links, share bars, sidebars, teasers, ads. */
const CHROME =
  /(?:^|[\s_-])(?:comments?|comment-?list|kommentare?|commentaires?|comentarios?|commenti|komentarze?|reactions|respond|disqus|related|verwandte?|aehnliche?|weitere|similar|relacionad[oa]s?|correlati|connexes|share|sharing|social|teilen|partage|compartir|condividi|sidebar|seitenleiste|widget|widgets|promo|teasers?|advert|advertisement|anzeige|werbung|publicite|publicidad|pubblicita|reklama|sponsor|sponsored|newsletter|subscribe|abonnieren|cookie|consent|breadcrumbs?|tags|tagcloud|schlagworte|topics|keywords|trending|popular|most-?popular|most-?read|meistgelesen|recirc|outbrain|taboola|read-?more|more-?stories|masthead|pagination|pager|footer|nav|navbar|menu)(?:$|[\s_-])/i;

/** Blocks that hold the article's text. */
const ARTICLE =
  /(?:^|[\s_-])(?:article|articles|artikel|articulo|articolo|artigo|artykul|body|content|contenu|contenido|contenuto|conteudo|inhalt|entry|post|beitrag|text|texto|testo|story|hentry|prose|richtext|rich-?text|main)(?:$|[\s_-])/i;

const CAMEL = /([a-z])([A-Z])/g;

function words(el: Element): string {
  const cls = el.getAttribute('class') ?? '';
  const value = el.id ? `${cls} ${el.id}` : cls;
  if (value.length > 400) return '';
  return /[a-z][A-Z]/.test(value) ? value.replace(CAMEL, '$1-$2') : value;
}

/**
 * -1 chrome words, +1 article words, 0 neither. Chrome words win ("post-comments", "article-related"
 * are chrome); whether a chrome-named block that holds the article's text is skipped is decided
 * by its share of the text (scope-score.ts), not by its name.
 */
export function classWeight(el: Element): number {
  if (!el.hasAttributes()) return 0;
  const value = words(el);
  if (value === '') return 0;
  if (CHROME.test(value)) return -1;
  return ARTICLE.test(value) ? 1 : 0;
}

/** True if the class or id names chrome. */
export function chromeWords(el: Element): boolean {
  return classWeight(el) < 0;
}
