import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/index';
import type { EntityId } from '../../src/data/types';
import { accepts, compileMatcher } from '../../src/detect/index';
import { hasCloudTerm } from '../../src/detect/cloud-terms';
import type { Candidate, EntityAliases, Matcher, Needs, PageContext } from '../../src/detect/index';

/**
 * The same forms as src/data/story.json, written out so that these tables test the matcher and not the
 * dataset's wording; the last block runs the same tables through the real dataset.
 */
const ALIASES: EntityAliases[] = [
  {
    id: 'microsoft',
    aliases: {
      en: ['Microsoft', 'Microsoft Corp.', 'Microsoft Corporation', 'MSFT'],
      ar: ['مايكروسوفت', 'ميكروسوفت'],
      he: ['מיקרוסופט'],
      ja: ['マイクロソフト'],
      ru: ['Майкрософт'],
      fa: ['مایکروسافت'],
      zh: ['微软', '微軟'],
      ko: ['마이크로소프트'],
    },
  },
  {
    id: 'azure',
    aliases: {
      en: ['Azure', 'Microsoft Azure'],
      ar: ['أزور', 'آزور', 'مايكروسوفت أزور'],
      he: ["אז'ור", 'אז׳ור'],
      ja: ['Azure', 'アジュール'],
      fa: ['آژور'],
      ko: ['애저'],
    },
  },
  {
    id: 'unit-8200',
    aliases: {
      en: ['Unit 8200', 'Israeli SIGINT National Unit'],
      ar: ['الوحدة 8200', 'وحدة 8200'],
      he: ['יחידה 8200', 'יחידת 8200'],
      de: ['Einheit 8200'],
      fr: ['Unité 8200'],
      es: ['Unidad 8200'],
      ja: ['8200部隊'],
      it: ['Unità 8200'],
      pt: ['Unidade 8200'],
      nl: ['eenheid 8200'],
      tr: ['8200 Birimi'],
      ru: ['подразделение 8200'],
      fa: ['یگان 8200'],
      zh: ['8200部队'],
      ko: ['8200부대'],
    },
    shortForms: { en: ['8200'], he: ['8200'] },
  },
];

const M = 'microsoft';
const A = 'azure';
const U = 'unit-8200';
/** [entity, the text of the range, needs]. */
type Hit = [string, string, string];
type Row = [text: string, hits: Hit[]];

const ms = (s = 'Microsoft'): Hit => [M, s, 'none'];
const az = (s = 'Azure', needs = 'cloud-context'): Hit => [A, s, needs];
const unit = (s = 'Unit 8200'): Hit => [U, s, 'none'];
const short = (s = '8200'): Hit => [U, s, 'full-mention'];

/** Each row: a text block and every candidate it must yield, in order. */
const ROWS: Record<string, Row[]> = {
  english: [
    ['Microsoft said it had opened a review.', [ms()]],
    ['Microsoft’s cloud and Microsoft\'s statement', [ms(), ms()]],
    ['Data on Microsoft Azure servers', [az('Microsoft Azure', 'none')]],
    ['Microsoft Corp. and Microsoft Corporation and MSFT shares', [ms('Microsoft Corp.'), ms('Microsoft Corporation'), ms('MSFT')]],
    ['$MSFT fell 2%', [ms('MSFT')]],
    ['Israel’s Unit 8200 used Azure.', [unit(), az('Azure', 'none')]],
    ['unit 8200, Unit-8200, Unit8200 and UNIT 8200', [unit('unit 8200'), unit('Unit-8200'), unit('Unit8200'), unit('UNIT 8200')]],
    ['the elite 8200 unit of the IDF', [unit('8200 unit')]],
    ['Israeli SIGINT National Unit', [unit('Israeli SIGINT National Unit')]],
    ['Unit\u00A08200 and Unit\u202F8200 and Unit\n8200 and Unit\t8200 and Unit\u20098200', [unit('Unit\u00A08200'), unit('Unit\u202F8200'), unit('Unit\n8200'), unit('Unit\t8200'), unit('Unit\u20098200')]],
    ['Microsoft\u00A0Azure', [az('Microsoft\u00A0Azure', 'none')]],
    ['(Microsoft) "Azure" – Microsoft/Activision', [ms(), az('Azure', 'none'), ms()]],
    ['Microsoft-owned LinkedIn', [ms()]],
  ],
  caps: [
    ['MICROSOFT CUTS OFF UNIT 8200', [ms('MICROSOFT'), unit('UNIT 8200')]],
    ['ISRAEL MOVED DATA OFF AZURE', [az('AZURE')]],
    ['MICROSOFT AZURE OUTAGE', [az('MICROSOFT AZURE', 'none')]],
    ['FORMER 8200 OFFICERS', [[U, '8200', 'none']]],
    ['microsoft in lowercase running text is not the name', []],
    ['an azure sky over an azure sea', []],
    ['MicroSoft and MiCROSOFT and AZure', []],
  ],
  'inside longer words': [
    ['NobleAzure and AzureParagon', []],
    ['Microsofty Microsoftian', []],
    ['Azure_bot and bot_Azure', []],
    ['follow @Azure and #Azure and @Microsoft', []],
    ['see azure.microsoft.com or Azure.com or www.Microsoft.com', []],
    ['press@Microsoft.com', []],
    ['https://github.com/Azure/azure-sdk and /Azure/ paths', []],
    ['Unit82001 and Unit 82001', []],
    ['MSFTX and XMSFT', []],
  ],
  cjk: [
    ['MicrosoftがAzureを使う', [ms(), az('Azure', 'none')]],
    ['微软的Azure云服务', [ms('微软'), az('Azure', 'none')]],
    ['MicrosoftとUnit 8200の関係', [ms(), unit()]],
    ['8200部隊の元隊員', [unit('8200部隊')]],
    ['日本マイクロソフトは', [ms('マイクロソフト')]],
    ['マイクロソフトウェアは別の語', []],
    ['アジュールのデータ', [az('アジュール')]],
    ['マイクロソフトのクラウド', [ms('マイクロソフト')]],
  ],
  arabic: [
    ['قالت مايكروسوفت إنها', [ms('مايكروسوفت')]],
    ['وقالت ميكروسوفت', [ms('ميكروسوفت')]],
    ['لمايكروسوفت وبمايكروسوفت', [ms('مايكروسوفت'), ms('مايكروسوفت')]],
    ['والوحدة 8200 بالوحدة 8200', [unit('الوحدة 8200'), unit('الوحدة 8200')]],
    ['الوحدة ٨٢٠٠ والوحدة ۸۲۰۰', [unit('الوحدة ٨٢٠٠'), unit('الوحدة ۸۲۰۰')]],
    ['وحدة 8200 الإسرائيلية', [unit('وحدة 8200')]],
    ['للوحدة 8200 وللوحدة 8200', [unit('لوحدة 8200'), unit('لوحدة 8200')]],
    ['الوحده 8200', [unit('الوحده 8200')]],
    ['منصة أزور السحابية وآزور', [az('أزور', 'none'), az('آزور', 'none')]],
    ['مايكروسوفت أزور', [az('مايكروسوفت أزور', 'none')]],
    ['بيانات على خوادم ازور', [az('ازور', 'none')]],
    ['مايكروسوفتية ومايكروسوفتي', []],
    ['الوَحْدَة 8200 ومَايكروسوفتَ', [unit('الوَحْدَة 8200'), ms('مَايكروسوفتَ')]],
    ['مايـكروسوفت', [ms('مايـكروسوفت')]],
  ],
  hebrew: [
    ['מיקרוסופט הודיעה', [ms('מיקרוסופט')]],
    ['במיקרוסופט ומיקרוסופט ושמיקרוסופט', [ms('מיקרוסופט'), ms('מיקרוסופט'), ms('מיקרוסופט')]],
    ['יחידה 8200 וביחידה 8200', [unit('יחידה 8200'), unit('יחידה 8200')]],
    ['יוצאי יחידת 8200', [unit('יחידת 8200')]],
    ["אז'ור, אז׳ור ואז’ור", [az("אז'ור"), az('אז׳ור'), az('אז’ור')]],
    ['בענן אז׳ור של מיקרוסופט', [az('אז׳ור', 'none'), ms('מיקרוסופט')]],
    ['יוצאי 8200 וב-8200', [[U, '8200', 'none'], short()]],
    ['מיקרוסופטית', []],
    ['מִיקְרוֹסוֹפְט', [ms('מִיקְרוֹסוֹפְט')]],
    ['יחידה־8200', [unit('יחידה־8200')]],
  ],
  european: [
    ['die Einheit 8200 des Militärs', [unit('Einheit 8200')]],
    ['Microsoft-Konzern und Azure-Cloud', [ms(), az('Azure', 'none')]],
    ["l'unité 8200 et l’Unité 8200", [unit('unité 8200'), unit('Unité 8200')]],
    ['la unidad 8200 y la Unidad 8200', [unit('unidad 8200'), unit('Unidad 8200')]],
    ['d’Azure et de Microsoft', [az('Azure', 'none'), ms()]],
  ],
  numbers: [
    ['bug 1678200 and 82001 and 8200.5 and 8,200 and 8200,5', []],
    ['HP Compaq 8200 Elite and ThinkPad 8200 and HP 8200', []],
    ['8200 units sold, $8200, 8200%, 8200 km, 8200km, €8200', []],
    ['about 8200 people and 8200 employees and 8200 users', []],
    ['RTX-8200 and A8200 and #8200 and No. 8200', []],
    ['7000-8200 and 10:8200', []],
    ['٨٢٠٠ دولار و8200 شخص', []],
    ['כ-8200 איש ו-8200 ש"ח', []],
    ['8200人が参加', []],
    ['8200 veterans founded startups', [short()]],
    ['the 8200 alumni network', [short()]],
    ['Israel’s 8200 has long been', [short()]],
    ['۸۲۰۰', [short('۸۲۰۰')]],
  ],
  'azure senses': [
    ['Azure Window collapsed in 2017', []],
    ['Azure Power Global shares', []],
    ['AZURE WINDOW and AZURE POWER', []],
    ['Azure Coast, Azure Dragon, Azure Lane, Azure Striker, Azure Ray, Azure Seas', []],
    ['the colour Azure and Lake Azure and Hotel Azure', []],
    ['Azure OpenAI and Azure AI and Azure cloud', [az('Azure', 'none'), az('Azure', 'none'), az('Azure', 'none')]],
    ['Azure Storage, Azure Government, Azure PowerShell', [az('Azure', 'none'), az('Azure', 'none'), az('Azure', 'none')]],
    ['Microsoft’s Azure platform', [ms(), az('Azure', 'none')]],
    ['AZURE CLOUD', [az('AZURE', 'none')]],
    ['Azure is used by the army', [az()]],
  ],
};

function hits(matcher: Matcher, text: string): Hit[] {
  return matcher.find(text).map((c) => [c.entityId, text.slice(c.start, c.end), c.needs]);
}

function runTable(matcher: Matcher, rows: Record<string, Row[]>): void {
  for (const [group, list] of Object.entries(rows)) {
    describe(group, () => {
      test.each(list)('%s', (text, expected) => {
        expect(hits(matcher, text)).toEqual(expected);
      });
    });
  }
}

describe('find() with the test aliases', () => {
  runTable(compileMatcher(ALIASES), ROWS);
});

describe('find() with the real dataset', () => {
  runTable(compileMatcher(dataset.entities), ROWS);
});

describe('offsets stay in the raw text', () => {
  const matcher = compileMatcher(ALIASES);
  const ranges = (text: string): [number, number][] => matcher.find(text).map((c) => [c.start, c.end]);

  test.each<[string, [number, number][]]>([
    ['Micro\u00ADsoft', [[0, 10]]],
    ['Mi\u00ADcro\u00ADsoft Azure', [[0, 17]]],
    ['x \u200BMicrosoft\u200B y', [[3, 12]]],
    ['\u200FUnit\u200B 8200\u200F', [[1, 11]]],
    ['Uni\u200Dt 8200 and Azu\u2060re', [[0, 10], [15, 21]]],
    ['\uFEFFMicrosoft', [[1, 10]]],
    ['😀 Microsoft', [[3, 12]]],
    ['ומיקרוסופט', [[1, 10]]],
    ['וביחידה 8200', [[2, 12]]],
    ['للوحدة 8200', [[1, 11]]],
    ['لمايكروسوفت', [[1, 11]]],
    ['Microsoft’s', [[0, 9]]],
    ['l’unité 8200', [[2, 12]]],
  ])('%j', (text, expected) => {
    expect(ranges(text)).toEqual(expected);
  });

  test('a soft hyphen or zero-width space inside a longer word still makes one word', () => {
    expect(matcher.find('Noble\u00ADAzure and Azure\u200Bbot')).toEqual([]);
  });

  test('candidates are in text order and never overlap', () => {
    const found = matcher.find('Unit 8200, Microsoft Azure, Microsoft and 8200 veterans; Azure cloud');
    expect(found.map((c) => c.entityId)).toEqual([U, A, M, U, A]);
    for (let i = 1; i < found.length; i++) expect(found[i]!.start).toBeGreaterThanOrEqual(found[i - 1]!.end);
  });

  test('the same matcher gives the same answer twice (no regex state leaks between calls)', () => {
    const text = 'Microsoft and Unit 8200';
    expect(matcher.find(text)).toEqual(matcher.find(text));
    expect(matcher.find('no names here')).toEqual([]);
    expect(matcher.find(text)).toHaveLength(2);
  });
});

describe('context()', () => {
  const matcher = compileMatcher(ALIASES);
  test.each<[string, Partial<PageContext>]>([
    ['Microsoft said on Thursday', { microsoft: true, cloud: true }],
    ['MICROSOFT CUTS OFF UNIT 8200', { microsoft: true, cloud: true, unit8200: true }],
    ['Microsoft Azure', { microsoft: true, cloud: true }],
    ['قالت مايكروسوفت', { microsoft: true, cloud: true }],
    ['Unit 8200 stored the calls', { unit8200: true }],
    ['الوحدة ٨٢٠٠', { unit8200: true }],
    ['8200 veterans', {}],
    ['Azure is used by the army', {}],
    ['Azure OpenAI', { cloud: true }],
    ['the cloud provider: cloud words elsewhere on the page are not context', {}],
    ['Microsoft’s cloud', { microsoft: true, cloud: true }],
    ['クラウドファンディング', {}],
    ['a cloud of smoke', {}],
    ['dark clouds over the sea', {}],
    ['an azure sky', {}],
  ])('%s', (text, expected) => {
    expect(matcher.context(text)).toEqual(expected);
  });
});

describe('hasCloudTerm(): words that make a sentence about computing', () => {
  test.each<[string, boolean]>([
    ['the cloud provider', true],
    ['Cloud computing and data centers', true],
    ['its datacentre in the Netherlands', true],
    ['on servers in Europe', true],
    ['ein Rechenzentrum in Irland', true],
    ['dans le nuage, un centre de données', true],
    ['un service infonuagique', true],
    ['en la nube y los centros de datos', true],
    ['الحوسبة السحابية', true],
    ['على خوادم في أوروبا', true],
    ['في السحابة', true],
    ['מחשוב ענן', true],
    ['שמרו בענן', true],
    ['על שרתים באירופה', true],
    ['クラウドに保存', true],
    ['パブリッククラウドとデータセンター', true],
    ['in der Cloud von Microsoft', true],
    ['sui server di Olanda', true],
    ['na nuvem e em servidores', true],
    ['bulut ve sunucular', true],
    ['в облаке и на серверах', true],
    // A stem with its endings, in any of the three spellings, but only at the start of a word.
    ['облачные сервисы', true],
    ['Облачные сервисы', true],
    ['ОБЛАЧНЫХ СЕРВИСОВ', true],
    ['необлачный день', false],
    ['در سرورهای ابری', true],
    ['存储在云上', true],
    ['클라우드에 저장', true],
    ['クラウドファンディング', false],
    ['a cloud of smoke', false],
    ['سحابة من الدخان', false],
    ['dark clouds over the sea', false],
  ])('%s', (text, expected) => {
    expect(hasCloudTerm(text)).toBe(expected);
  });
});

describe('accepts()', () => {
  const page = (over: Partial<PageContext> = {}): PageContext => ({ microsoft: false, cloud: false, unit8200: false, ...over });
  const candidate = (entityId: EntityId, needs: Needs): Candidate => ({ entityId, start: 0, end: 1, needs });

  test.each<[Candidate, Partial<PageContext>, boolean]>([
    [candidate(M, 'none'), {}, true],
    [candidate(U, 'none'), {}, true],
    [candidate(A, 'cloud-context'), {}, false],
    [candidate(A, 'cloud-context'), { cloud: true }, true],
    [candidate(A, 'cloud-context'), { unit8200: true }, false],
    [candidate(U, 'full-mention'), {}, false],
    [candidate(U, 'full-mention'), { cloud: true, microsoft: true }, false],
    [candidate(U, 'full-mention'), { unit8200: true }, true],
    [candidate(M, 'full-mention'), { microsoft: true }, true],
  ])('%j on %j -> %s', (c, over, expected) => {
    expect(accepts(c, page(over))).toBe(expected);
  });
});

describe('a whole page: context from every block, then accepts()', () => {
  const matcher = compileMatcher(ALIASES);
  function marked(blocks: string[]): string[] {
    const page: PageContext = { microsoft: false, cloud: false, unit8200: false };
    for (const block of blocks) Object.assign(page, matcher.context(block));
    return blocks.flatMap((b) => matcher.find(b).filter((c) => accepts(c, page)).map((c) => b.slice(c.start, c.end)));
  }

  test('a travel page: Azure and 8200 stay unmarked', () => {
    expect(marked(['The Azure Window was a limestone arch.', 'Azure waters, 8200 visitors a year.', 'Tickets: 8200 won'])).toEqual([]);
  });
  test('a story page: bare Azure and 8200 count after the full names', () => {
    expect(marked(['Unit 8200 used Microsoft’s cloud.', 'Azure hosted the data, 8200 sources said.'])).toEqual([
      'Unit 8200',
      'Microsoft',
      'Azure',
      '8200',
    ]);
  });
  test('a page with only the number: nothing', () => {
    expect(marked(['The 8200 veterans met.', 'Azure skies.'])).toEqual([]);
  });
});
