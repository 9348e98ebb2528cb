import { compileTerms, type TermTable } from './terms';

/*
 * "Unit 8200" is a common noun with a number in every language Backstory reads except where the noun itself is
 * military (部队, 部隊, 부대, یگان): a storage unit, a flat in a complex, a factory's division, a lot. The lists of
 * unit-word.ts catch the usual phrasings; these two word sets decide the rest from the sentence (matcher.ts
 * `settle`): a sentence that speaks of flats, sales, prices, measures, factories or "units" in the plural, or an
 * English or Turkish name written in lower case (the unit's name is capitalised there), makes the name wait,
 * like a short form, for a mention of the unit elsewhere on the page; unless the same sentence places it in
 * the story's world (Israel, the military, intelligence, surveillance, Gaza, the West Bank, Palestinians,
 * cyber, veterans) or names Microsoft or Azure.
 */

// compileTerms joins every language into one set, so a term is listed once, under the first language that
// uses it ("Gaza", "cyber*" stand under en); its capitalised and upper-case forms come with it.
/** Words that place a numbered "unit" in the story's world. Stems end in `*`. */
const EVIDENCE: TermTable = {
  en: 'Israel*|IDF|military|army|intelligence|spy|spies|spying|espionage|surveillance|cyber*|signals|SIGINT|soldier*|veteran*|alumni|commander*|Mossad|Shin Bet|NSA|Gaza*|West Bank|palestin*|intercept*|wiretap*|eavesdrop*',
  de: 'israelisch*|militär*|Armee|Geheimdienst*|Nachrichtendienst*|Aufklärung*|spionage|Überwachung*|soldat*|Westjordanland*|palästin*|abgehört*|Abhör*',
  fr: 'Israël|israélien*|militaire*|armée|renseignement*|espion*|vétéran*|Cisjordanie|palestinien*|écoute*|interception*',
  es: 'israelí|israelíes|militar*|ejército|inteligencia|espionaje|espía*|vigilancia|ciber*|soldado*|veterano*|Cisjordania|interceptad*',
  it: 'Israele|israelian*|esercito|spionaggio|sorveglianza|Cisgiordania|palestines*|intercettat*|intercettazion*',
  pt: 'israelense*|israelita*|exército|inteligência|espionagem|vigilância|Cisjordânia',
  nl: 'israëlisch*|leger|militair*|inlichtingen*|Westelijke Jordaanoever|palestijn*|afgeluister*',
  tr: 'İsrail*|ISRAIL*|ordu*|askeri|istihbarat*|casus*|gözetim*|siber|asker*|Gazze*|Batı Şeria|Filistin*|dinle*',
  ru: 'Израил*|израильск*|ЦАХАЛ|армии|армия|военн*|разведк*|разведывательн*|шпион*|слежк*|кибер*|солдат*|ветеран*|Газа|Газе|Газы|Западн* берег*|палестин*|прослушк*|перехвач*',
  ar: 'إسرائيل*|اسرائيل*|جيش|الجيش|عسكري*|العسكري*|استخبار*|الاستخبار*|تجسس|التجسس|مراقبة|المراقبة|سيبراني*|السيبراني*|جنود|جندي|خريج*|غزة|الضفة الغربية|فلسطين*|الفلسطيني*|تنصت|التنصت',
  he: 'ישראל*|צה״ל|צה"ל|צבא*|הצבא*|צבאי*|מודיעין|המודיעין|ריגול|מעקב|סייבר|הסייבר|חייל*|יוצאי|בוגרי|עזה|הגדה המערבית|פלסטינ*|הפלסטינ*|אמ״ן|אמ"ן|האזנ*|ציתות',
  fa: 'اسرائیل*|ارتش|نظامی|اطلاعات*|جاسوس*|سایبری|سرباز*|غزه|کرانه باختری|فلسطین*|شنود',
  // The Japanese, Chinese and Korean names use a military noun (部隊, 部队, 부대) and need no evidence; these
  // terms serve a numbered name written in another language on such a page.
  ja: 'イスラエル|情報機関|諜報|サイバー|ガザ|パレスチナ',
  zh: '以色列|情报|情報|监听|監聽|加沙|巴勒斯坦',
  ko: '이스라엘|감청|사이버|팔레스타인',
};

/** Whether a sentence places a numbered "unit" among the story's words. */
export const hasUnitEvidence = compileTerms(EVIDENCE);

/** Numbered names whose noun is itself military: they need no evidence ("8200部队", "8200부대", "یگان ۸۲۰۰"). */
const MILITARY_NOUN = /部队|部隊|부대|یگان/u;

export function isMilitaryNoun(name: string): boolean {
  return MILITARY_NOUN.test(name);
}

/** Words of the other senses: property, sales, prices, measures, production, the noun in the plural. */
const OTHER_SENSE: TermTable = {
  en: 'apartment*|flat|flats|condo*|penthouse|townhouse|bedroom*|bath|baths|bathroom*|floor|storey|storage|warehouse|complex|development|residence|residential|estate|tower|building|property|rent|rental|lease|leased|listed|listing|for sale|sold|tenant*|landlord|mortgage|square feet|sq ft|acre*|parking|price*|priced|cost|costs|kg|kilogram*|tonne*|watt*|kWh|litre*|liter*|recall*|shipped|inventory|serial|factory|plant|manufactur*|units|Road|Street|avenue|Rd|St|Ave',
  de: 'Wohnung*|Zimmer|Etage|Stockwerk|Miete|vermietet|verkauft|Kaufpreis|Preis|Quadratmeter|Lager|Wohnanlage|Anlage|Komplex|Gebäude|Kilogramm|Kilowatt*|Hersteller|Fabrik|Werk|Produktion|Einheiten|Straße|Weg',
  fr: 'appartement*|logement*|résidence|immeuble|chambre*|étage|loyer|louer|location|vendu*|vente|prix|mètres|kilos|tonnes|usine|fabricant|production|entrepôt|complexe|unités|rue',
  es: 'apartamento*|piso|vivienda*|departamento|dormitorio*|habitaciones|planta|alquiler|venta|vendid*|precio|metros|conjunto|complejo|residencial|urbanización|edificio|torre|bloque|fábrica|almacén|pesos|unidades|calle|avenida',
  it: 'appartament*|residenziale|condominio|camere|piano|affitto|vendita|vendut*|prezzo|metri|complesso|palazzo|fabbrica|stabiliment*|magazzino|via|civico',
  pt: 'condomínio|quartos|andar|aluguel|aluguer|venda|preço|edifício|prédio|bloco|armazém|rua',
  nl: 'woning*|kamers|verdieping|huur|verkocht|te koop|prijs|vierkante|gebouw|fabriek|magazijn|eenheden|straat',
  tr: 'daire*|konut*|site|sitedeki|oda|odalı|kat|kira*|satılık|satış*|fiyat*|metrekare|fabrika*|üretim|depo|deposu|bina*|birimler',
  ru: 'квартир*|жил*|комнат*|этаж*|аренд*|продаж*|продан*|цена|стоимость|квадратн*|завод*|фабрик*|предприяти*|склад*|здани*|комплекс*|выпуска*|производ*|детал*|компани*|фирм*|улиц*',
  he: 'דירה|דירות|הדירה|מגורים|חדרים|קומה|שכירות|להשכרה|למכירה|נמכר*|מחיר|מ״ר|מ"ר|מתחם|בניין|מפעל|מחסן|ייצור|יחידות|רחוב',
  ar: 'شقة|الشقة|سكني*|السكني*|غرف|طابق|إيجار|للبيع|بيعت|البيع|سعر|متر|المجمع|مجمع|البرج|برج|المبنى|العمارة|مصنع|المصنع|مستودع|إنتاج|وحدات|شارع',
  fa: 'آپارتمان|مسکونی|اتاق|طبقه|اجاره|فروش|قیمت|مجتمع|ساختمان|کارخانه|انبار|خیابان',
};

/** Whether a sentence speaks of another sense of "unit": a flat, a sale, a price, a measure, a factory. */
export const hasOtherSense = compileTerms(OTHER_SENSE);

/**
 * The unit's noun in lower case where its name is capitalised (English "unit 8200", Turkish "8200 birimi"), or a
 * noun that names a flat as often as a military unit (Persian "واحد ۸۲۰۰"): each needs its sentence's evidence.
 */
const LOWER_CASE_NOUN = /^(?:unit\s|\d+\s+birimi$|واحد\s)/u;

/** Whether a numbered name is written as a common noun would be (`name` as written on the page). */
export function isLowerCaseNoun(name: string): boolean {
  return LOWER_CASE_NOUN.test(name);
}
