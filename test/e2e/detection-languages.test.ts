/**
 * Issue 12 in real browsers: one page per language added in the second round, and one page of number traps,
 * with exactly the expected names and ranges read back from `CSS.highlights` (in document order).
 *
 * Round 5: Polish, Ukrainian, Greek and Hindi pages (languages added with holdout7).
 *
 * Issue 13 on sites no rule was tuned on: a hand-made Japanese and an Arabic news page whose article sits in
 * plain divs beside a related-stories list, a tag cloud of product names, a most-read box and a footer with
 * "© Microsoft": marks only in the article (its headline included).
 */
import { describe, it } from 'vitest';
import { BROWSERS } from './harness';
import { expectPageMarks, type Expected } from './page-marks';
import { useSession } from './session';

const PAGES: Record<string, Expected> = {
  'it.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Microsoft'],
    'backstory-unit-8200': ['Unità 8200'],
  },
  'pt.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Microsoft'],
    'backstory-unit-8200': ['Unidade 8200'],
  },
  'nl.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Microsoft'],
    'backstory-unit-8200': ['eenheid 8200'],
  },
  'tr.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['MİCROSOFT', 'Microsoft'],
    'backstory-unit-8200': ['8200 Birimi'],
  },
  'ru.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Майкрософт', 'Майкрософт'],
    'backstory-unit-8200': ['подразделение 8200', 'подразделения 8200'],
  },
  'fa.html': {
    'backstory-azure': ['آژور'],
    'backstory-microsoft': ['مایکروسافت', 'مايكروسافت'],
    'backstory-unit-8200': ['یگان ۸۲۰۰', 'یگان ۸۲۰۰'],
  },
  'zh.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['微软', '微软', '微軟'],
    'backstory-unit-8200': ['8200部队', '8200部队'],
  },
  'ko.html': {
    'backstory-azure': ['애저'],
    'backstory-microsoft': ['마이크로소프트', '마이크로소프트'],
    'backstory-unit-8200': ['8200부대', '8200부대', '8200 부대'],
  },
  // Apartment numbers, sizes, prices per unit, postcodes, money and counts stay unmarked; the short form
  // after the full name and the paraphrase "the intelligence unit, known as 8200" are marked.
  'numbers.html': {
    'backstory-unit-8200': ['Unit 8200', '8200', '8200'],
  },
  // A property page that never names the unit: numbered "units" of complexes, storage, a warehouse and an
  // address in five languages, and numbered routes, stay unmarked; its one Microsoft mention shows the scan ran.
  'property.html': {
    'backstory-microsoft': ['Microsoft'],
  },
  // Round 4: names written with Cyrillic or Greek look-alike letters (one inside an inline element), a soft
  // hyphen, full-width letters and digits, a Polish case ending, Hebrew "served in 8200"; a house number, a
  // colour with a Cyrillic е and Chinese 轻微软组织 ("slight soft-tissue") stay unmarked.
  'lookalikes.html': {
    'backstory-azure': ['\u0391zure'],
    'backstory-microsoft': ['Micr\u043esoft', 'Microsoft', 'Micr\u043esoft', 'Micro\u00adsoft', 'Ｍｉｃｒｏｓｏｆｔ', 'Microsoft'],
    'backstory-unit-8200': ['Unit 8200', '８２００部隊', '8200'],
  },
  // Round 5: four of the ten languages added (holdout7): case forms (Microsoftu, jednostki, підрозділу, Μονάδας),
  // a Devanagari name with a precomposed nukta letter; the same nouns as a flat, a price or a sub-unit stay unmarked.
  'pl.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Microsoft', 'Microsoft'],
    'backstory-unit-8200': ['jednostka 8200', 'jednostki 8200'],
  },
  'uk.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Майкрософт'],
    'backstory-unit-8200': ['підрозділ 8200', 'підрозділу 8200'],
  },
  'el.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['Microsoft'],
    'backstory-unit-8200': ['Μονάδα 8200', 'Μονάδας 8200'],
  },
  'hi.html': {
    'backstory-azure': ['\u090f\u095b\u094d\u092f\u094b\u0930'],
    'backstory-microsoft': ['माइक्रोसॉफ्ट', 'माइक्रोसॉफ्ट'],
    'backstory-unit-8200': ['यूनिट 8200'],
  },
  // The headline and first paragraph name each; the related list, tag cloud, ranking and footer ("© Microsoft",
  // "Microsoft 365", Latin "Microsoft" and five more "Azure") stay unmarked.
  'scope-ja.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['マイクロソフト', 'マイクロソフト'],
    'backstory-unit-8200': ['8200部隊', '8200部隊'],
  },
  'scope-ar.html': {
    'backstory-azure': ['Azure'],
    'backstory-microsoft': ['مايكروسوفت', 'مايكروسوفت'],
    'backstory-unit-8200': ['الوحدة 8200', 'الوحدة 8200'],
  },
};

describe.each(BROWSERS)('%s', (name) => {
  const session = useSession(name);

  it.each(Object.entries(PAGES))('marks exactly the expected names on %s', (file, expected) => expectPageMarks(session(), file, expected));
});
