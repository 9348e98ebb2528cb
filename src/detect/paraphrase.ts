import { sentenceAround } from './sentence';

/*
 * Paraphrases that name the unit by its number without its usual name: "the intelligence unit, known as
 * 8200", "יחידת המודיעין 8200", "وحدة الاستخبارات الإسرائيلية 8200", "יוצאי 8200". There the bare number is a
 * full mention on its own. Read only from the words right before the number (same sentence). Runs only on hits
 * of the bare number that passed the quantity guards.
 */

/** Words for intelligence, in the languages Backstory reads. */
const INTELLIGENCE =
  'intelligence|renseignement|inteligencia|intelig[eê]ncia|istihbarat|מודיעין|המודיעין|' +
  '[وبلف]?(?:ال)?استخبارات(?:ية)?|اطلاعات(?:ی|ي)?|情报|情報|정보|πληροφοριών|' +
  'informații|intelijen|tình báo|खुफिया|ख़ुफ़िया|انٹیلی جنس|' +
  // The stems that take any ending share one \p{L}*. The lists are in lower case and the rules read lower-cased
  // text, without the `i` flag: under `iu` each letter and class is compiled with its case closure, so a rule's
  // first use took up to 48-74 ms in Chromium, most on text with a character beyond Latin-1 (a curly quote
  // is enough), which the engines compile for apart.
  '(?:inlichtingen|geheimdienst|nachrichtendienst|aufklärung|разведк|разведывательн|wywiad|rozvědk|zpravodajsk|розвідк|розвідувальн|underrättelse)\\p{L}*';
/** Words for unit. */
const UNIT =
  'unit|unité|unidad|unidade|unità|eenheid|einheit|birimi?|[ובלמה]?יחידת|[وبلف]?وحدة|یگان|' +
  '部队|部隊|부대|enhet(?:en)?|đơn vị|यूनिट|इकाई|یونٹ|(?:подразделени|jednostk|jednotk|підрозділ|μονάδ|unitat)\\p{L}*';

/** One word for an intelligence, eavesdropping, cyber or elite unit (German, Dutch and Swedish compounds: "Eliteeinheit", "signalspaningsenhet"). */
const COMPOUND_UNIT =
  '(?<![\\p{L}])(?:spionage|geheimdienst|nachrichtendienst|aufklärungs|abhör|inlichtingen|afluister|signalspanings|underrättelse|elite|cyber)-?(?:einheit|eenheid|enhet(?:en)?)';
/** The Romance word order for an elite unit: "l'unité d'élite 8200", "la unidad de élite 8200", "l'unità d'élite". */
const ELITE_UNIT = `(?:${UNIT})\\s+(?:d['’]|de\\s+|di\\s+)?[ée]lite`;

const COMPOUND_WORD = new RegExp(`${COMPOUND_UNIT}$`, 'u');

/** Whether `word` is one word for an intelligence unit ("Spionageeinheit"): it names the number after it, not labels it. */
export function isIntelligenceUnitWord(word: string): boolean {
  return COMPOUND_WORD.test(word.toLowerCase());
}

/**
 * Rule: an intelligence unit named just before the number, with at most a few words between ("Israeli",
 * "known as", a comma): "the intelligence unit, known as 8200", "l'unité de renseignement 8200", "подразделение
 * радиоэлектронной разведки 8200" (a word or two between the unit and intelligence), "die Spionageeinheit 8200".
 * The window is one short phrase, so "the intelligence unit employed 8200 people" was already a count.
 */
const NAMED_UNIT = new RegExp(
  `(?:(?:${INTELLIGENCE})[\\s,]+(?:\\p{L}+[\\s,]+){0,2}(?:${UNIT})|(?:${UNIT})[\\s,]+(?:(?:de|di|of|der|van)\\s+)?(?:${INTELLIGENCE}))` +
    `[\\s,]+(?:\\p{L}+[\\s,]+){0,3}$`,
  'u',
);
/**
 * The looser forms (a word between the unit and intelligence, one compound word) only right before the number:
 * with words after them they read a sentence, not a name ("Die Einheit verkaufte Geheimdienstberichte an 8200
 * Kunden").
 */
const NAMED_UNIT_CLOSE = new RegExp(`(?:(?:${UNIT})[\\s,]+\\p{L}+\\s+(?:${INTELLIGENCE})|${COMPOUND_UNIT}|${ELITE_UNIT})[\\s,]+$`, 'u');
/**
 * Rule: fixed phrases that put the unit's number after a word for its veterans: יוצאי 8200, בוגרי 8200, and one
 * veteran (יוצא 8200, בוגרת 8200, as Hebrew profiles of founders write it), "former 8200 officers".
 */
const VETERANS_BEFORE = /(?<![\p{L}])(?:[ו]?(?:יוצא|בוגר)(?:י|ות|ת)?|خريجو|خريجي)\s*[-\u05BE]?\s*$/u;
/**
 * Rule: a verb of military service, then "in", right before the number names the unit: Hebrew "שירת ב-8200"
 * (served in 8200, as Israeli coverage writes of its veterans), "served in 8200", Arabic "خدم في 8200".
 * A year or a count after "served in" is ruled out earlier by the quantity guards ("served in 8200 BC").
 */
const SERVED_IN_BEFORE =
  /(?<![\p{L}])(?:(?:[וש]?(?:שירת|שירתה|שירתו|שירתי|שירתתי|משרת|משרתת|משרתים|ששירת))\s+ב\s*[-\u05BE]?\s*|(?:served|serving|serves)\s+in\s+|(?:خدم|خدمت|يخدم)\s+في\s+(?:ال)?(?:وحدة\s+)?)$/u;
const FORMER_BEFORE = /(?<![\p{L}])(?:former|ex-|ehemalige[nr]?|anciens?|ex)\s*$/u;
const MEMBERS_AFTER = /^\s+(?:officers?|members?|soldiers?|analysts?|commanders?|veterans?|offiziere|mitglieder|officiers|membres)(?![\p{L}])/u;

/** Whether the bare number at [start, end) names the unit from the words before it in its sentence. */
export function namesUnit(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 80, sentenceAround(text, start, end)[0]), start);
  if (VETERANS_BEFORE.test(before) || SERVED_IN_BEFORE.test(before)) return true;
  // The rules below are written in lower case and read lower-cased text (see INTELLIGENCE).
  const lower = before.toLowerCase();
  if (FORMER_BEFORE.test(lower) && MEMBERS_AFTER.test(text.slice(end, end + 24).toLowerCase())) return true;
  return NAMED_UNIT.test(lower) || NAMED_UNIT_CLOSE.test(lower);
}
