import type { Lang } from '../data/types';
import { endsWord, startsWord } from './edges';
import { edgeOf } from './text';

/**
 * Words that make a sentence about computing, so that an ambiguous Azure form in it is the cloud. Read from
 * the sentence of the hit only (matcher.ts), never from the whole page: "cloud" is also weather and سحابة a
 * cloud of smoke. Latin terms match in lower case, Capitalised and ALL CAPS; Arabic and Hebrew terms take
 * attached prefixes (السحابة, בענן); German "Cloud" is the English term.
 */
const CLOUD_TERMS: Readonly<Record<Lang, readonly string[]>> = {
  en: ['cloud', 'data center', 'data centers', 'data centre', 'data centres', 'datacenter', 'datacenters', 'datacentre', 'datacentres', 'servers', 'server', 'AWS', 'Google Cloud', 'computing'],
  de: ['Rechenzentrum', 'Rechenzentren', 'Server'],
  fr: ['nuage', 'infonuagique', 'centre de données', 'centres de données', 'serveurs'],
  es: ['nube', 'centro de datos', 'centros de datos', 'servidores'],
  it: ['server', 'centro dati', 'centri dati', 'nuvola'],
  pt: ['nuvem', 'servidores', 'centro de dados', 'centros de dados'],
  nl: ['datacenter', 'datacenters', 'servers'],
  tr: ['bulut', 'sunucu', 'sunucular', 'veri merkezi'],
  ru: ['облако', 'облаке', 'облачн*', 'серверах', 'серверы', 'дата-центр', 'центр обработки данных'],
  ar: ['سحابة', 'سحابية', 'خوادم', 'حوسبة'],
  fa: ['ابری', 'سرورهای', 'سرور', 'مرکز داده'],
  he: ['ענן', 'שרתים', 'שרתי'],
  ja: ['クラウド', 'データセンター', 'サーバー'],
  zh: ['云', '雲', '服务器', '數據中心', '数据中心'],
  ko: ['클라우드', '데이터센터', '서버'],
};
/** Uses of the words that are not computing: "a cloud of smoke", "سحابة من الدخان"; クラウド is also "crowd". */
const NOT_COMPUTING = /^(?:cloud\s+of\s|سحابة\s+(?:من|دخان)|クラウド(?:ファンディング|ソーシング|ワーク))/i;

/** A trailing `*` marks a stem that takes endings (Russian "облачн*": облачные, облачных, облачном). */
const isStem = (term: string): boolean => term.endsWith('*');

function variants(term: string): string[] {
  const capitalised = term.charAt(0).toUpperCase() + term.slice(1);
  return [...new Set([term, capitalised, term.toUpperCase()])];
}

const all = Object.values(CLOUD_TERMS).flat();
const terms = all
  .map((term) => term.replace(/\*$/, ''))
  .flatMap(variants)
  .sort((a, b) => b.length - a.length);
/** Every written variant of the stems ("облачн", "Облачн", "ОБЛАЧН"): no word edge after them. */
const STEMS = new Set(all.filter(isStem).flatMap((term) => variants(term.slice(0, -1))));
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
    // Katakana, Han and Hangul compound freely ("パブリッククラウド", "云平台", "클라우드에"): no word edges there;
    // a stem starts a word but takes any ending.
    const free = head === 'kana' || head === 'cjk' || head === 'hangul';
    const isWord = free || (startsWord(text, start, head) && (STEMS.has(term) || endsWord(text, end, tail)));
    if (isWord && !NOT_COMPUTING.test(text.slice(start, start + 24))) return true;
    TERM.lastIndex = start + 1;
  }
  return false;
}
