import { endsWord, startsWord } from './edges';
import { edgeOf } from './text';

/**
 * Words that make a page about computing, so that a bare "Azure" on it is the cloud. "cloud" alone is
 * also weather, but a page that also writes "Azure" in title case is rarely about the sky. Latin terms
 * match in lower case, Capitalised and ALL CAPS; Arabic and Hebrew terms take attached prefixes (السحابة,
 * בענן). Phrases are covered by their cloud word ("cloud computing", الحوسبة السحابية = ال + سحابية,
 * מחשוב ענן); German "Cloud" is the English term. A Microsoft mention counts too; the matcher adds that.
 */
const CLOUD_TERMS: Readonly<Record<'en' | 'de' | 'fr' | 'es' | 'ar' | 'he' | 'ja', readonly string[]>> = {
  en: ['cloud', 'data center', 'data centers', 'data centre', 'data centres', 'datacenter', 'datacenters', 'datacentre', 'datacentres', 'servers'],
  de: ['Rechenzentrum', 'Rechenzentren'],
  fr: ['nuage', 'infonuagique', 'centre de données', 'centres de données'],
  es: ['nube', 'centro de datos', 'centros de datos'],
  ar: ['سحابة', 'سحابية', 'خوادم'],
  he: ['ענן', 'שרתים'],
  ja: ['クラウド', 'データセンター'],
};
/** Uses of the words that are not computing: "a cloud of smoke"; クラウド is also "crowd". */
const NOT_COMPUTING = /^(?:cloud\s+of\s|クラウド(?:ファンディング|ソーシング|ワーク))/i;

function variants(term: string): string[] {
  const capitalised = term.charAt(0).toUpperCase() + term.slice(1);
  return [...new Set([term, capitalised, term.toUpperCase()])];
}

const terms = Object.values(CLOUD_TERMS)
  .flat()
  .flatMap(variants)
  .sort((a, b) => b.length - a.length);
// Literal-led alternation, longest first; boundaries are checked in code on each hit (a leading
// lookbehind would be evaluated at every position of every block).
const TERM = new RegExp(terms.map((t) => t.replace(/ /g, '\\s+')).join('|'), 'g');

/** Whether the text contains a cloud/computing term as a word. */
export function hasCloudTerm(text: string): boolean {
  TERM.lastIndex = 0;
  for (let m = TERM.exec(text); m; m = TERM.exec(text)) {
    const term = m[0];
    const start = m.index;
    const end = start + term.length;
    const head = edgeOf(term.charAt(0));
    const tail = edgeOf(term.charAt(term.length - 1));
    // Katakana compounds freely ("パブリッククラウド", "クラウドサービス"): no word edges there.
    const isWord = head === 'kana' || (startsWord(text, start, head) && endsWord(text, end, tail));
    if (isWord && !NOT_COMPUTING.test(text.slice(start, start + 24))) return true;
    TERM.lastIndex = start + 1;
  }
  return false;
}
