/*
 * Whether a page is about the story (Unit 8200, Microsoft's cloud and the Israeli military) or merely names
 * Microsoft or Azure (a games-console review, a cloud outage): read from the article's own words, never from
 * the site. In "automatic" mode pages about the story get every mention marked, other pages the first of
 * each name. Pure and cheap: the caller passes at most a few tens of thousands of characters, once per page.
 */

/** Terms of the story, in groups; each group counts once however often its terms appear. */
export const GROUPS: Readonly<Record<string, readonly string[]>> = {
  military: [
    'israeli military', 'israeli army', 'israel defense forces', 'israel defence forces', 'IDF', 'military intelligence',
    'israelische armee', 'israelischen armee', 'israelische militär', 'israelischen militär', 'armée israélienne', 'tsahal',
    'ejército israelí', 'esercito israeliano', 'exército israelense', 'exército israelita', 'israëlische leger',
    'israil ordusu*', 'İsrail ordusu*', 'израильск* арми*', 'арми* обороны израиля', 'цахал*', 'ارتش اسرائیل',
    'الجيش الإسرائيلي', 'الجيش الاسرائيلي', 'جيش الاحتلال', 'צה"ל', 'צה״ל', 'אמ"ן', 'אמ״ן', 'מודיעין צבאי',
    '以色列国防军', '以色列軍', '以色列军方', '以军', '이스라엘군', '이스라엘 국방군', 'イスラエル軍', 'イスラエル国防軍',
    'armi* izraelsk*', 'wojsk* izraelsk*', 'izraelsk* armád*', 'ізраїльськ* армі*', 'армі* оборони ізраїлю', 'ισραηλινό στρατό', 'ισραηλινός στρατός', 'israeliska armén', 'israeliska militären', 'armata israelian*', 'militer israel', 'tentara israel', 'quân đội israel', 'इज़राइली सेना', 'इजराइली सेना', 'اسرائیلی فوج',
  ],
  israel: [
    'israel', 'israeli', 'israelis', 'israël', 'israélien', 'israélienne', 'israelí', 'israele', 'israeliano',
    'israelense', 'israelische', 'israelischen', 'israëlische', 'israil*', 'İsrail*', 'израил*',
    'اسرائیل', 'إسرائيل', 'اسرائيل', 'الإسرائيلي', 'ישראל', 'הישראלי', '以色列', '이스라엘', 'イスラエル',
    'izrael*', 'ізраїл*', 'ισραήλ', 'ισραηλιν*', 'israelisk*', 'israelian*', 'इज़राइल*', 'इजराइल*', 'اسرائیلی',
  ],
  palestine: [
    'gaza', 'west bank', 'palestinian', 'palestinians', 'palestine', 'cisjordanie', 'palestinien', 'palestiniens',
    'cisjordania', 'palestino', 'palestinos', 'palestinese', 'palestinesi', 'palestinos', 'westjordanland',
    'palästinenser', 'westelijke jordaanoever', 'palestijnen', 'batı şeria', 'filistin*', 'gazze*', 'газ[аеуы]',
    'западн* берег*', 'палестин*', 'غزة', 'الضفة الغربية', 'فلسطين', 'الفلسطيني', 'الفلسطينيين', 'غزه',
    'کرانه باختری', 'فلسطین', 'עזה', 'הגדה המערבית', 'פלסטינ', '加沙', '约旦河西岸', '巴勒斯坦', '가자',
    '팔레스타인', 'ガザ', 'パレスチナ', 'ヨルダン川西岸',
    'strefie gazy', 'strefy gazy', 'palesty*', 'pásm* gazy', 'західн* берег*', 'παλαιστίν*', 'västbanken', 'cisiordania', 'tepi barat', 'bờ tây', 'गाजा', 'ग़ाज़ा', 'गाज़ा', 'फ़िलिस्तीन*', 'फिलिस्तीन*', 'غزہ', 'فلسطینی',
  ],
  surveillance: [
    'surveillance', 'intercepted', 'spying', 'phone calls', 'überwachung', 'abgehört', 'écoutes', 'vigilancia',
    'espionaje', 'sorveglianza', 'intercettazioni', 'vigilância', 'espionagem', 'afgeluisterd', 'gözetim*',
    'dinleme*', 'слежк*', 'прослушк*', 'نظارت', 'شنود', 'مراقبة', 'تجسس', 'التنصت', 'מעקב', 'ריגול', 'האזנ',
    '监控', '监听', '監視', '盗聴', '감시', '도청',
    'inwigilacj*', 'podsłuch*', 'odposlech*', 'sledování', 'стеженн*', 'прослуховуванн*', 'παρακολούθησ*', 'υποκλο*', 'övervakning', 'avlyssn*', 'supraveghere', 'penyadapan', 'pengawasan', 'giám sát', 'nghe lén', 'निगरानी', 'جاسوسی', 'نگرانی',
  ],
  reporting: [
    '+972', 'local call', 'שיחה מקומית', 'لوكال كول', 'no azure for apartheid', 'لا لأزور', 'yossi sariel',
    'יוסי שריאל', 'يوسي ساريئيل', 'يوسي سارييل',
  ],
};

/** Scripts written without spaces, and Arabic/Hebrew with attached prefixes: no left word edge there. */
const NO_EDGE = /^[\p{sc=Han}\p{sc=Hangul}\p{sc=Katakana}\p{sc=Arabic}\p{sc=Hebrew}+]/u;

/**
 * Latin and Cyrillic terms are whole words ("Gaza", not "Gazette"); a trailing `*` marks a stem that takes
 * endings (Turkish and Russian: "filistin*" for Filistinli, "палестин*" for палестинцев).
 *
 * One expression per group, its terms in lower case, read on lower-cased text: whole words share one pair of
 * word edges, stems one edge, and no `i` flag. Written per term and under `iu` (each edge a Unicode class,
 * compiled with its case closure), the first test took 130-170 ms in Firefox and 360-410 ms in Chromium on
 * text with a character beyond Latin-1, in one task on every page with a mark.
 */
const EDGE = '(?<![\\p{L}\\p{N}])';
/** Lower case with one Greek sigma: under `i` σ, ς and Σ were one letter, and "ΣΤΡΑΤΌΣ’s" lowers to "στρατόσ’s". */
const lower = (text: string): string => text.toLowerCase().replace(/ς/g, 'σ');
const PATTERNS: ReadonlyArray<[string, RegExp]> = Object.entries(GROUPS).map(([group, terms]) => {
  const words: string[] = [];
  const stems: string[] = [];
  const free: string[] = [];
  for (const term of terms) {
    const escaped = lower(term)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/ /g, '\\s+')
      // A stem's endings need no matching for a yes or no: only a `*` inside a term is a class.
      .replace(/\*$/, '')
      .replace(/\*/g, '\\p{L}*');
    (NO_EDGE.test(term) ? free : term.endsWith('*') ? stems : words).push(escaped);
  }
  const sources = [...free];
  if (words.length) sources.push(`${EDGE}(?:${words.join('|')})(?![\\p{L}\\p{N}])`);
  if (stems.length) sources.push(`${EDGE}(?:${stems.join('|')})`);
  return [group, new RegExp(sources.join('|'), 'u')];
});

/** The story's groups of terms that `text` uses. */
export function storyTerms(text: string): string[] {
  const folded = lower(text);
  return PATTERNS.filter(([, re]) => re.test(folded)).map(([group]) => group);
}

/**
 * Groups that place a page in the story on their own terms. "israel" and "surveillance" do not: the
 * company's local arm is "Microsoft Israel" (מיקרוסופט ישראל, مايكروسوفت إسرائيل), and the surveillance
 * words are everyday words in some languages (האזנה is listening to music, מעקב tracking, مراقبة
 * monitoring power use, "phone calls" in any Teams review). Together they made a console review "about
 * the story" (test/e2e/detection-quiet.test.ts); no story text in the corpus has those two groups alone.
 */
const ANCHORS: ReadonlySet<string> = new Set(['military', 'palestine', 'reporting']);

/**
 * Rule: a page is about the story when it names Unit 8200 (`namesUnit`, from the matcher's accepted marks) or
 * uses terms from at least two of the story's groups (the Israeli military, Israel, Gaza / the West Bank /
 * Palestinians, surveillance, the reporting and its people), one of them an anchor (`ANCHORS`). A review that
 * names Microsoft twenty times uses none.
 */
export function isAboutStory(text: string, namesUnit: boolean): boolean {
  if (namesUnit) return true;
  const groups = storyTerms(text);
  return groups.length >= 2 && groups.some((g) => ANCHORS.has(g));
}
