/**
 * Words that make a page about computing, so that a bare "Azure" on it is the cloud. Kept small and
 * unambiguous-ish: "cloud" alone is also weather, but a page that also says "Azure" in title case is
 * rarely about the sky. Latin terms are case-insensitive; Arabic and Hebrew terms take attached prefixes
 * (السحابة, בענן). A Microsoft mention counts too; that is added by the matcher.
 */
const CLOUD_TERMS: Readonly<Record<'en' | 'de' | 'fr' | 'es' | 'ar' | 'he' | 'ja', readonly string[]>> = {
  // "cloud of smoke" is weather, not computing; plural "clouds" is left out for the same reason.
  en: ['cloud(?!\\s+of\\s)', 'cloud computing', 'data\\s*cent(?:er|re)s?', 'servers'],
  // German "Cloud" is the English term, matched case-insensitively above.
  de: ['Rechenzentrum', 'Rechenzentren'],
  fr: ['nuage', 'infonuagique', 'centres? de données'],
  es: ['nube', 'centros? de datos'],
  ar: ['سحابة', 'سحابية', 'الحوسبة السحابية', 'خوادم'],
  he: ['ענן', 'מחשוב ענן', 'שרתים'],
  // Katakana has no spaces: クラウド is also "crowd" in クラウドファンディング / クラウドソーシング.
  ja: ['クラウド(?!ファンディング|ソーシング|ワーク)', 'データセンター'],
};

const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';
const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';
const PREFIX = '(?:[ובכלמשה]{1,3}|[وف]?(?:[بك]?ال|لل|[بكل])|[وف])?';

function termSource(lang: keyof typeof CLOUD_TERMS, term: string): string {
  if (lang === 'ja') return term;
  const spaced = term.replace(/ /g, '\\s+');
  return lang === 'ar' || lang === 'he' ? `${WORD_START}${PREFIX}${spaced}${WORD_END}` : `${WORD_START}${spaced}${WORD_END}`;
}

/** One regex for all terms; only run by `context()`, which the scanner calls once per page or block. */
export const CLOUD_TERM = new RegExp(
  (Object.keys(CLOUD_TERMS) as (keyof typeof CLOUD_TERMS)[])
    .flatMap((lang) => CLOUD_TERMS[lang].map((term) => termSource(lang, term)))
    .join('|'),
  'iu',
);
