/*
 * The bare short form "8200" counts only where it names the unit, never where it is a quantity, a price,
 * a percentage or a model number ("8200 units sold", "$8200", "HP Compaq 8200"). Runs only on hits.
 */

/** Words after a number that make it a count or a measure, in the supported languages. */
const QUANTITY_AFTER = new RegExp(
  '^[\\s\\-\\u2010\\u2011]*(?:' +
    [
      // en (plurals that are verbs too, like "uses", are left out: "8200 uses…" may be the unit)
      'units?|people|persons|users|employees|workers|staff|jobs|dollars|euros|pounds|shekels|yen|' +
        'km|kilomet(?:er|re)s?|miles?|mi|m|met(?:er|re)s?|ft|feet|kg|kilograms?|g|lbs?|tons?|tonnes?|' +
        'mph|rpm|mah|mhz|ghz|hz|kb|mb|gb|tb|bytes|years?|days|hours|minutes|seconds|times|copies|' +
        'homes|households|families|residents|customers|subscribers|students|patients|cases|deaths|' +
        'votes|points|pages|words|acres|hectares|barrels|vehicles|cars|visitors|troops|a|an|per|each',
      // de, fr, es
      'Euro|Menschen|Personen|Mitarbeiter|Einheiten|Stück|Kilometer|Dollar|Nutzer|' +
        'personnes|employés|salariés|unités|habitants|kilomètres|' +
        'personas|empleados|unidades|dólares|habitantes|kilómetros',
      // he, ar
      'איש|אנשים|עובדים|שקל|שקלים|ש["\u05F4]ח|דולר|דולרים|יורו|ק["\u05F4]מ|משתמשים|יחידות|' +
        'دولار|شخص|أشخاص|موظف|موظفين|كيلومتر|كم|جنيه|ريال|درهم|شيكل|يورو|مستخدم|وحدة سكنية',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'iu',
);
/** Signs after a number: percent, per mille, degrees. */
const SIGN_AFTER = /^\s*[%\u066A\uFF05\u2030\u00B0]/;
/** Model suffixes: "8200 Elite", "8200 SFF". */
const MODEL_AFTER = /^[\s-]*(?:Elite|Pro|Plus|Ultra|Series|SFF|USDT|CMT|MT|DT)(?![\p{L}\p{N}])/u;
/** A letter right after the number: "8200km", "8200人", "8200x". (Hiragana particles like の are fine.) */
const LETTER_AFTER = /^(?!\p{sc=Hiragana})\p{L}/u;

/** Currency, number signs and approximations before the number: "$8200", "No. 8200", "about 8200", "כ-8200". */
const QUANTITY_BEFORE = new RegExp(
  '(?:[\\p{Sc}#\u2116\u00A7]|(?:^|[^\\p{L}])(?:' +
    'USD|EUR|GBP|NIS|ILS|Rs|Nr|No|no|nr|about|around|approximately|roughly|nearly|almost|some|over|under|' +
    'more than|less than|fewer than|up to|at least|total of|etwa|rund|über|fast|mehr als|environ|plus de|' +
    'près de|unos|unas|casi|más de|cerca de|حوالي|نحو|قرابة|أكثر من|כ)\\.?)[\\s\\-\\u05BE]*$',
  'u',
);

/** Brands and product lines that put numbers on models. Compared in upper case (headlines). */
const MODEL_NAMES = new Set(
  (
    'Compaq ThinkPad ThinkCentre OptiPlex Dell Lenovo Acer Asus Canon Epson Xerox Brother Ricoh Kyocera ' +
    'Nikon Sony Samsung Nokia Motorola Intel Xeon Core Ryzen Radeon GeForce Quadro Cisco Catalyst Boeing ' +
    'Airbus Cessna Yamaha Pentium Celeron Elite EliteDesk EliteBook ProDesk ProLiant Latitude Inspiron ' +
    'Precision Vostro Aspire Galaxy Lumia Model Modell Series Type Typ Version'
  )
    .toUpperCase()
    .split(' '),
);
const WORD_BEFORE = /(\p{sc=Latin}[\p{sc=Latin}\p{N}+]*)[\s\-\u2010\u2011]*$/u;
const WORD_AFTER = /^\s+(\p{sc=Latin}+)/u;

/** A model name before the number: a brand, an acronym (HP, ISO), CamelCase (ThinkPad) or a code (dc7). */
function modelBefore(before: string, after: string): boolean {
  const word = WORD_BEFORE.exec(before)?.[1];
  if (!word) return false;
  if (MODEL_NAMES.has(word.toUpperCase())) return true;
  if (/\d|\p{Ll}\p{Lu}/u.test(word)) return true;
  // An acronym, unless the text around is an all-caps headline ("FORMER 8200 OFFICERS").
  const next = WORD_AFTER.exec(after)?.[1];
  return /^\p{Lu}{2,5}$/u.test(word) && word !== 'IDF' && !(next && next === next.toUpperCase());
}

/** Whether a bare number at [start, end) is a quantity, a price, a percentage or a model number. */
export function isQuantityOrModel(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 32);
  return (
    LETTER_AFTER.test(after) ||
    SIGN_AFTER.test(after) ||
    QUANTITY_AFTER.test(after) ||
    MODEL_AFTER.test(after) ||
    QUANTITY_BEFORE.test(before) ||
    modelBefore(before, after)
  );
}
