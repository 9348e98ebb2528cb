import { compileTerms, type TermTable } from './terms';

/**
 * Words that make a sentence about computing, so that an ambiguous Azure form in it is the cloud. Read from
 * the sentence of the hit only (matcher.ts), never from the whole page: "cloud" is also weather and سحابة a
 * cloud of smoke. Latin terms match in lower case, Capitalised and ALL CAPS; Arabic and Hebrew terms take
 * attached prefixes (السحابة, בענן); German "Cloud" is the English term.
 */
// compileTerms joins every language into one set, so a term is listed once, under the first language that
// uses it ("Gaza", "cyber*" stand under en); its capitalised and upper-case forms come with it.
const CLOUD_TERMS: TermTable = {
  en: 'cloud|data center|data centers|data centre|data centres|datacenter|datacenters|datacentre|datacentres|servers|AWS|Google Cloud|computing',
  // Server takes case endings (Servern, Servers) and starts compounds (Serverfarm); Dutch writes it so too.
  de: 'Rechenzentrum|Rechenzentren|server*',
  fr: 'nuage|infonuagique|centre de données|centres de données|serveurs',
  es: 'nube|centro de datos|centros de datos|servidores',
  it: 'centro dati|centri dati|nuvola',
  pt: 'nuvem|centro de dados|centros de dados',
  tr: 'bulut|sunucu|sunucular|veri merkezi',
  ru: 'облако|облаке|облачн*|серверах|серверы|дата-центр|центр обработки данных',
  ar: 'سحابة|سحابية|خوادم|حوسبة',
  fa: 'ابری|سرورهای|سرور|مرکز داده',
  he: 'ענן|שרתים|שרתי',
  ja: 'クラウド|データセンター|サーバー',
  zh: '云|雲|服务器|數據中心|数据中心',
  ko: '클라우드|데이터센터|서버',
};
/** Uses of the words that are not computing: "a cloud of smoke", "سحابة من الدخان"; クラウド is also "crowd". */
const NOT_COMPUTING = /^(?:cloud\s+of\s|سحابة\s+(?:من|دخان)|クラウド(?:ファンディング|ソーシング|ワーク))/i;

/** Whether the text contains a cloud/computing term as a word. */
export const hasCloudTerm = compileTerms(CLOUD_TERMS, NOT_COMPUTING);
