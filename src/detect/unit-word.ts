import { MONEY_WORDS } from './number';

/*
 * "Unit 8200" is also a common noun and a number: the penthouse "unit 8200", the price "per unit 8200
 * dollars", "an 8200-unit housing development". In every language the unit's name is built from the word for
 * "unit" (Einheit, unité, unidad, יחידה, الوحدة, Unità, Unidade, eenheid, Birimi, подразделение, یگان, 부대),
 * so each numbered name passes these guards, which read only the words next to it. Runs only on hits.
 */

/**
 * Rule: money or an area after the number means a price or a size, not the unit ("unité 8200 euros",
 * "יחידה 8200 ש״ח", "8200 €", "ביחידה 8200 מ״ר").
 */
const AREA = 'm²|m2|sq|square|quadratmeter|mètres|metros|metri|מ["\u05F4]ר|متر|кв|متر مربع';
const MONEY_AFTER = new RegExp(`^\\s*(?:\\p{Sc}|(?:${MONEY_WORDS}|${AREA})(?![\\p{L}\\p{N}]))`, 'u');

/**
 * Rule: a price word, or "per" right before the name, means a price per unit ("price per unit 8200",
 * "prix à l'unité 8200", "המחיר ליחידה 8200", "سعر الوحدة 8200"). "por la Unidad 8200" (by the unit) is not.
 */
const PRICE_BEFORE =
  /(?<![\p{L}])(?:(?:prices?|prix|precio|prezzo|preço|preco|prijs|preis|fiyatı?|цена|стоимость|قیمت|سعر|ثمن|מחיר|המחיר)(?:\s+[\p{L}]+){0,2}|per|pro|par|por|each|à\s+l['’])\s*$/u;
/**
 * Rule: a dwelling right before the name (only punctuation between) or just after it means an apartment
 * number ("The penthouse, unit 8200", "Die Ferienwohnung (Einheit 8200)", "A unidade 8200 do condomínio").
 */
const DWELLING =
  'penthouse|apartment|flat|condo|condominium|suite|wohnung|ferienwohnung|wohnanlage|appartement|logement|' +
  'apartamento|piso|condominio|appartamento|condomínio|woning|daire|konut|квартира|квартиры|آپارتمان|شقة|الشقة|' +
  'דירה|הדירה|mieszkanie|lokal|byt|διαμέρισμα|lägenhet(?:en)?|apartament(?:ul)?|apartemen|căn hộ|फ्लैट|फ़्लैट|فلیٹ';
const DWELLING_BEFORE = new RegExp(`(?<![\\p{L}])(?:${DWELLING})(?:(?![\\p{L}\\p{N}])[\\s\\S]){1,4}$`, 'u');
/** After the name, a building also makes it an apartment number ("la unidad 8200 del edificio"). */
const BUILDING =
  'building|complex|development|residences?|estate|tower|warehouse|facility|plant|factory|company|firm|garage|' +
  'edificio|complejo|conjunto|urbanización|residencial|fábrica|empresa|compañía|almacén|' +
  'gebäude|anlage|komplex|firma|unternehmens|fabrik|werks?|lager|' +
  'immeuble|complexe|résidence|parking|usine|entreprise|société|entrepôt|' +
  'prédio|armazém|gebouw|appartementencomplex|fabriek|bedrijf|' +
  'palazzo|complesso|stabilimento|fabbrica|azienda|società|magazzino|' +
  'בניין|הבניין|בבניין|במתחם|בפרויקט|המבנה|المبنى|العمارة|المجمع|البرج|المصنع|الشركة|للشركة|' +
  'здания|дома|компании|фирмы|завода|фабрики|предприятия|комплекса|склада|ساختمان|مجتمع|کارخانه|شرکت';
const DWELLING_AFTER = new RegExp(
  `^[\\s,]*(?:(?:of|in|at|der|des|du|de|do|da|del|della|dello|dell['’]|van|het|the|la|le|il|im|am|einer|eines|in\\s+het|no|na|في|من)\\s+){0,2}(?:${DWELLING}|${BUILDING})(?![\\p{L}])`,
  'u',
);

/** A dwelling or a room, then its number sign if any ("Room no. 8200", "Zimmer Nr. 8200", "Apartment #8200"). */
const DWELLING_WORD_BEFORE = new RegExp(`(?<![\\p{L}])(?:${DWELLING}|room|zimmer|chambre|habitación|stanza|quarto|kamer|oda|комната|اتاق|غرفة|חדר)\\s*(?:no\\.?|nr\\.?|n[°º]|#)?\\s*$`, 'u');

/** Rule: a bare number right after a dwelling is its number ("Apartment 8200 on the top floor"). */
export function afterDwelling(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase();
  return DWELLING_BEFORE.test(before) || DWELLING_WORD_BEFORE.test(before);
}
/** Rule: "8200-unit" before a noun or after "a/an" is a size ("an 8200-unit housing development"). */
const SIZE_BEFORE = /(?<![\p{L}])an?\s*$/u;
const COMPOUND_AFTER = /^\s+[\p{Ll}]/u;

/** Whether a numbered name at [start, end) is the common noun with a number; `numberFirst`: "8200 unit". */
export function isGenericUnit(text: string, start: number, end: number, numberFirst: boolean): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  // Word lists in lower case, read on lower-cased text (the case-sensitive COMPOUND_AFTER reads `after`).
  const lowerBefore = before.toLowerCase();
  const lowerAfter = after.toLowerCase();
  if (numberFirst) {
    const hyphenated = /\d[-\u2010\u2011][\p{L}]/u.test(text.slice(start, end));
    if (SIZE_BEFORE.test(lowerBefore) || (hyphenated && COMPOUND_AFTER.test(after))) return true;
  } else if (MONEY_AFTER.test(lowerAfter)) return true;
  return PRICE_BEFORE.test(lowerBefore) || DWELLING_BEFORE.test(lowerBefore) || DWELLING_AFTER.test(lowerAfter);
}
