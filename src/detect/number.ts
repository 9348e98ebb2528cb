/*
 * The bare short form "8200" counts only where it names the unit, never where it is a quantity, a price,
 * a percentage or a model number ("8200 units sold", "$8200", "HP Compaq 8200"). Runs only on hits.
 */
import { isIntelligenceUnitWord } from './paraphrase';

/** Currency words after a number, in the languages Backstory reads: "8200 dollars", "8200 ש״ח", "8200 تومان". */
export const MONEY_WORDS =
  'dollars?|euros?|pounds|shekels|yen|yuan|rupees|francs?|franken|pesos|reais|liras?|tl|' +
  'dólares|dollari|rubles|roubles|рубл(?:ей|я|ь)|доллар(?:ов|а)?|евро|' +
  'שקל|שקלים|ש["\u05F4]ח|דולר|דולרים|יורו|' +
  'دولار|دولارات|جنيه|ريال|درهم|دينار|شيكل|يورو|ليرة|تومان|ریال|دلار|' +
  '元|円|원|달러|유로|zł|złotych|złote|kč|korun|kronor|kr|lei|đồng|грн|гривень|гривні|rupiah|रुपये|रुपए|روپے|ευρώ';

/** Words after a number that make it a count or a measure, in the supported languages. */
const QUANTITY_AFTER = new RegExp(
  '^[\\s\\-\\u2010\\u2011]*(?:' +
    [
      MONEY_WORDS,
      // en (plurals that are verbs too, like "uses", are left out: "8200 uses…" may be the unit)
      'units?|people|persons|users|employees|workers|staff|jobs|' +
        // metres in every language with a Latin word for them: meter, mètres, metros, metri, Kilometer,
        // kilómetros, chilometri, Quadratmeter
        'km|(?:kilo|kiló|chilo|quadrat)?m[eèé]t(?:er|re|ro|ri)s?|miles?|mi|m|ft|feet|kg|kilograms?|g|lbs?|tons?|tonnes?|' +
        'mph|rpm|mah|mhz|ghz|hz|kb|mb|gb|tb|bytes|years?|days|hours|minutes|seconds|times|copies|' +
        // magnitudes: million(s), Millionen, milioni, millones, milhões, miljoen, milliard(s), mil, mila, mille, milyon
        // (not military, militari, Militär: "8200 military unit" is the unit). "thousand" did not fit the byte budget.
        'mil(?!it)\\p{L}*|' +
        'homes|households|families|residents|customers|subscribers|students|patients|cases|deaths|' +
        'votes|points|pages|words|acres|hectares|barrels|vehicles|cars|visitors|troops|per|each|' +
        'an? (?:year|month|week|day|hour|head|piece|person|unit)|' +
        'apartments|flats|houses|housing|dwellings|square|sq|children|men|women|tickets|tourists|refugees|' +
        'palestinians|israelis|settlers|displaced',
      // de, fr, es, it, pt, nl
      'menschen|personen|mitarbeiter|einheiten|stück|nutzer|wohnungen|häuser|kinder|' +
        'exemplare|besucher|soldaten|soldats|soldados|soldati|' +
        'personnes|employés|salariés|unités|habitants|logements|familles|exemplaires|' +
        'personas|empleados|unidades|habitantes|viviendas|familias|ejemplares|desplazados|' +
        'persone|copie|famiglie|abitanti|appartamenti|unità|' +
        'pessoas|famílias|cópias|exemplares|moradias|casas|' +
        'mensen|woningen|exemplaren|gezinnen|inwoners',
      // tr, ru, fa
      'kişi|adet|konut|birim|birimlik|birimler|insan|aile|' +
        'человек|экземпляров|квартир|жителей|единиц|солдат|' +
        'نفر|واحد|خانوار|نسخه',
      // he, ar
      'איש|אנשים|עובדים|ק["\u05F4]מ|משתמשים|יחידות|כרטיסים|משפחות|דירות|מטר|' +
        'شخص|أشخاص|موظف|موظفين|كيلومتر|كم|مستخدم|وحدة|وحدات|متر|أسرة|عائلة|مستوطن|فلسطيني|نسمة',
      // pl, cs, uk, el, sv, ro, id, vi, hi, ur: people (their money words are in MONEY_WORDS)
      'osób|ludzi|lidí|osob|людей|осіб|άτομα|ατόμων|κάτοικοι|personer|invånare|(?:de\\s+)?(?:oameni|persoane|locuitori)|' +
        'orang|jiwa|người|लोग|लोगों|افراد|لوگ',
    ].join('|') +
    ')(?![\\p{L}\\p{N}])',
  'u',
);
/**
 * A Slavic noun in the genitive plural after a number is what it counts ("8200 глядачів", "8200 сотрудников",
 * "8200 widzów", "8200 diváků"); the unit's number is followed by a verb there ("8200 зберігав").
 */
const GENITIVE_PLURAL_AFTER = /^\s+[\p{Ll}]+(?:ів|ов|ев|ей|ых|их|ów|ů)(?![\p{L}\p{N}])/u;
/** Korean counters after a space ("8200 명"); without a space any letter after the number already rules it out. */
const KOREAN_COUNTER = /^\s+(?:명|원|개|세대|건|대|채|달러)/u;
/** A count followed by a passive verb: "8200 had been displaced", "8200 were killed", "8200 habían sido desplazados". */
const PASSIVE_AFTER =
  /^\s+(?:(?:had|have|has)\s+been|were|are)\s+[\p{L}]+ed(?![\p{L}])|^\s+(?:habían|han|fueron|foram|furono|wurden)\s+(?:sido\s+)?[\p{L}]+/u;
/**
 * A postcode: the number before a place name, after "in", a comma or a country prefix
 * ("8200 Schaffhausen", "in 8200 Aarhus N", "Kerkstraat 12, 8200 Brugge").
 */
const POSTCODE_BEFORE = /(?:^|,|(?<![\p{L}])(?:in|à|en|em|te|bei|aus|nach|au|a)|(?<![\p{L}])(?:CH|DK|B|A|D|F|PT)-)\s*$/u;
const PLACE_AFTER = /^\s+[\p{Lu}][\p{Ll}]{2,}/u;
/**
 * Rule: a street after the number makes it a house number: a capitalised name and a street word in English
 * ("8200 Sunset Boulevard", "8200 N. Main St"), or a French street word ("8200, rue de la Paix").
 */
const STREET_AFTER =
  /^\s+(?:(?:[\p{Lu}][\p{L}'’.]*|\d+(?:st|nd|rd|th))\s+){1,3}(?:Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Parkway|Pkwy|Highway|Hwy|Terrace|Circle|Trail|Pike)(?![\p{L}\p{N}])|^,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|allée|impasse|quai|place)\s/u;
/** Signs after a number: percent, per mille, degrees, any currency sign ("8200 €", "8200 ₪"). */
const SIGN_AFTER = /^\s*[%\u066A\uFF05\u2030\u00B0\p{Sc}]/u;
/** Model suffixes: "8200 Elite", "8200 SFF". */
const MODEL_AFTER = /^[\s-]*(?:Elite|Pro|Plus|Ultra|Series|SFF|USDT|CMT|MT|DT)(?![\p{L}\p{N}])/u;
/** A letter right after the number: "8200km", "8200人", "8200x". (Hiragana particles like の are fine.) */
const LETTER_AFTER = /^(?![\p{sc=Hiragana}])[\p{L}]/u;

/** Currency, number signs and approximations before the number: "$8200", "No. 8200", "about 8200", "כ-8200". */
const QUANTITY_BEFORE =
  /(?:[\p{Sc}#№§]|(?<![\p{L}])(?:usd|eur|gbp|nis|ils|rs|nr|no|about|around|approximately|roughly|nearly|almost|some|over|under|more than|less than|fewer than|up to|at least|total of|etwa|rund|über|fast|mehr als|environ|plus de|près de|unos|unas|casi|más de|cerca de|حوالي|نحو|قرابة|أكثر من|כ|insgesamt|total|circa|quasi|oltre|cerca|quase|mais de|ongeveer|bijna|yaklaşık|около|более|почти|حدود|lot|los|lote|lotto|kavel)\.?)[\s\-\u05BE]*$/u;

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
const WORD_BEFORE = /([\p{sc=Latin}][\p{sc=Latin}\p{N}+]*)[\s\-\u2010\u2011]*$/u;
const WORD_AFTER = /^\s+([\p{sc=Latin}]+)/u;

/** A model name before the number: a brand, an acronym (HP, ISO), CamelCase (ThinkPad) or a code (dc7). */
function modelBefore(before: string, after: string): boolean {
  const word = WORD_BEFORE.exec(before)?.[1];
  if (!word) return false;
  // Brands and series are written capitalised; a lower-case "elite" is the adjective ("unidade de elite 8200").
  if (/^[\p{Lu}]/u.test(word) && MODEL_NAMES.has(word.toUpperCase())) return true;
  if (/\d|[\p{Ll}][\p{Lu}]/u.test(word)) return true;
  // An acronym, unless the text around is an all-caps headline ("FORMER 8200 OFFICERS").
  const next = WORD_AFTER.exec(after)?.[1];
  return /^[\p{Lu}]{2,5}$/u.test(word) && word !== 'IDF' && !(next && next === next.toUpperCase());
}

/**
 * Rule: a noun right before a bare number makes it that thing's number ("Route 8200", "Flight 8200", "booth
 * 8200", "рейс 8200", "טיסה 8200"). Nouns that label with numbers, in lower case as running text writes them;
 * in the Latin script any capitalised word counts too (German writes every noun so, English writes routes and
 * flights so), except the words that stand before the unit's number: articles, prepositions, possessives,
 * "former", "Israeli", "Israel's" (LEAD_WORDS).
 */
const LABEL_NOUNS =
  /(?<![\p{L}])(?:route|flight|bus|line|gate|platform|track|booth|stand|room|page|exit|highway|road|channel|code|extension|ext|invoice|order|item|case|file|ticket|number|model|version|chapter|section|article|episode|issue|volume|vol|ligne|salle|numéro|quai|porte|vuelo|línea|ruta|sala|página|número|puerta|andén|volo|linea|strada|pagina|numero|voo|linha|rota|vlucht|lijn|zaal|nummer|uçuş|hat|sayfa|numara|oda|рейс|маршрут|линия|номер|страница|комната|автобус|трасса|טיסה|קו|כביש|חדר|עמוד|מספר|רציף|رحلة|الرحلة|خط|طريق|غرفة|صفحة|رقم|پرواز|جاده|اتاق|صفحه|شماره)\.?\s*$/u;
const CAPITALISED_BEFORE = /(?<![\p{L}'’])([\p{Lu}][\p{Ll}]+)\s*$/u;
/** Words that may stand, capitalised, right before the unit's bare number (sentence starts, names, headlines). */
const LEAD_WORDS = new Set(
  (
    'the a an in of from at by with for to and or but as like than since after before when while about into ' +
    'former ex its his her their our this that these those many some several other both all members veterans ' +
    'israel israeli israels elite secretive famed vaunted notorious military army idf intelligence unit ' +
    'die der das den dem ein eine einer im bei von vom zur zum und oder ehemalige ehemaligen ehemaliger ' +
    'le la les de du des au aux dans par pour avec et ou ancien anciens anciennes israélienne ' +
    'el los las del al en con por para y exmiembros israelí ' +
    'il lo gli della nella dalla dell nel ed israeliana ' +
    'o os da do na no em pela pelo ex-membros israelense ' +
    'het een van bij oud voormalig voormalige israëlische'
  ).split(' '),
);

/** Whether the word right before a bare number labels it as that thing's number. */
function labelled(before: string, lowerBefore: string): boolean {
  if (LABEL_NOUNS.test(lowerBefore)) return true;
  const word = CAPITALISED_BEFORE.exec(before)?.[1];
  return word !== undefined && !LEAD_WORDS.has(word.toLowerCase().replace(/['’]s$/u, '')) && !isIntelligenceUnitWord(word);
}

/** Rule: an era after the number makes it a year ("8200 BC", "8200 v. Chr.", "8200 ق.م"). */
const ERA_AFTER = /^\s*(?:BCE?|CE|AD|B\.\s?C\.|A\.\s?D\.|v\.\s?Chr|n\.\s?Chr|av\.\s?J\.-C|apr\.\s?J\.-C|a\.\s?C\.|d\.\s?C\.|до\s+н\.\s?э|н\.\s?э|ق\.\s?م|לפנה["\u05F4]ס|לספירה)/u;
/** Rule: digits joined to the number make it part of a phone number, a code or a date ("555-8200", "12/8200"). */
const JOINED_BEFORE = /\d[-\u2010\u2011./:]$/u;
const JOINED_AFTER = /^[-\u2010\u2011./:]\d/u;

/**
 * Whether a bare number at [start, end) is a quantity, a price, a percentage, a postcode or a model number:
 * then it is not the unit, even after a full mention of the unit on the page.
 */
export function isQuantityOrModel(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 32);
  // The word lists are written in lower case and tested on lower-cased text: under the `i` flag each rule's
  // first use compiled the case closure of every letter (on text with a character beyond Latin-1, up to
  // ~20 ms per rule in one task; see paraphrase.ts).
  const lowerBefore = before.toLowerCase();
  return (
    LETTER_AFTER.test(after) ||
    SIGN_AFTER.test(after) ||
    QUANTITY_AFTER.test(after.toLowerCase()) ||
    KOREAN_COUNTER.test(after) ||
    GENITIVE_PLURAL_AFTER.test(after) ||
    PASSIVE_AFTER.test(after) ||
    (PLACE_AFTER.test(after) && POSTCODE_BEFORE.test(before)) ||
    STREET_AFTER.test(text.slice(end, end + 60)) ||
    MODEL_AFTER.test(after) ||
    QUANTITY_BEFORE.test(lowerBefore) ||
    ERA_AFTER.test(after) ||
    JOINED_BEFORE.test(before) ||
    JOINED_AFTER.test(after) ||
    labelled(before, lowerBefore) ||
    modelBefore(before, after)
  );
}
