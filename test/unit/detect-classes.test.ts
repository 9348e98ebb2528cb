/**
 * Issue 12's classes, each in every language it concerns, each with its negative twin (the same word in its
 * other sense). A row is a page: its paragraphs are read as the content script reads them (candidates per
 * block, then the page's own full mentions decide the conditional ones), and the row lists every mark as
 * "entity:text", in order. Runs on the real dataset.
 */
import { describe, expect, test } from 'vitest';
import { dataset } from '../../src/data/index';
import { accepts, compileMatcher } from '../../src/detect/index';
import type { PageContext } from '../../src/detect/index';

const matcher = compileMatcher(dataset.entities, dataset.actors);

function marks(page: string | string[]): string[] {
  const blocks = Array.isArray(page) ? page : [page];
  const context: PageContext = { microsoft: false, cloud: false, unit8200: false };
  for (const block of blocks) Object.assign(context, matcher.context(block));
  return blocks.flatMap((b) =>
    matcher.find(b).filter((c) => accepts(c, context)).map((c) => `${c.entityId}:${b.slice(c.start, c.end)}`),
  );
}

type Row = [page: string | string[], expected: string[]];
const U = (s: string) => `unit-8200:${s}`;
const M = (s = 'Microsoft') => `microsoft:${s}`;
const A = (s = 'Azure') => `azure:${s}`;

function table(rows: Row[]): void {
  test.each(rows)('%j', (page, expected) => {
    expect(marks(page)).toEqual(expected);
  });
}

describe('a generic word + 8200 that is not the unit (apartment or lot, size, price per unit), every language', () => {
  table([
    // en
    ['The penthouse, unit 8200, sold for $4.1 million.', []],
    ['Data from Unit 8200 was moved.', [U('Unit 8200')]],
    ['Developers plan an 8200-unit housing development.', []],
    ["Israel's 8200 unit stored the calls.", [U('8200 unit')]],
    ['The price per unit 8200 dollars was agreed.', []],
    ['Veterans of unit 8200 said the price was high.', [U('unit 8200')]],
    // ar
    ['سعر الوحدة 8200 دولار في المشروع.', []],
    ['قالت الوحدة 8200 إن المشروع انتهى.', [U('الوحدة 8200')]],
    ['الشقة، وحدة 8200، بيعت أمس.', []],
    // he
    ['המחיר ליחידה 8200 ש״ח כולל מע״מ.', []],
    ['המידע הועבר ליחידה 8200 בשנה שעברה.', [U('יחידה 8200')]],
    ['הדירה, יחידה 8200, נמכרה.', []],
    // de
    ['Der Preis pro Einheit 8200 Euro wurde nicht verhandelt.', []],
    ['Die Ferienwohnung (Einheit 8200) liegt am See.', []],
    ['Die Einheit 8200 der Wohnanlage wurde verkauft.', []],
    ['Die Daten der Einheit 8200 lagen in der Cloud.', [U('Einheit 8200')]],
    // fr
    ["Le prix à l'unité 8200 euros a surpris.", []],
    ["L'appartement, unité 8200, est au dernier étage.", []],
    ['Les appels interceptés par l’Unité 8200 ont été stockés.', [U('Unité 8200')]],
    // es
    ['El precio por unidad 8200 pesos fue fijado.', []],
    ['El apartamento, unidad 8200, tiene vistas al mar.', []],
    ['Las llamadas fueron almacenadas por la Unidad 8200.', [U('Unidad 8200')]],
    // it
    ['Il prezzo per unità 8200 euro è stato confermato.', []],
    ["L'appartamento, unità 8200, si trova al piano terra.", []],
    ["I dati dell'Unità 8200 erano in Olanda.", [U('Unità 8200')]],
    // pt
    ['O preço por unidade 8200 reais foi mantido.', []],
    ['A unidade 8200 do condomínio está à venda.', []],
    ['Os dados da Unidade 8200 estavam na Holanda.', [U('Unidade 8200')]],
    // nl
    ['De prijs per eenheid 8200 euro werd niet onderhandeld.', []],
    ['Het appartement, eenheid 8200, ligt bovenin.', []],
    ['De gegevens van eenheid 8200 stonden in Nederland.', [U('eenheid 8200')]],
    // tr
    ['8200 birimlik konut projesi onaylandı.', []],
    ['Daire fiyatı 8200 Birimi aştı.', []],
    ["İsrail'in 8200 Birimi'nin eski üyeleri şirket kurdu.", [U('8200 Birimi')]],
    // ru
    ['Цена квартиры, подразделение 8200 рублей за метр.', []],
    ['Бывшие сотрудники подразделения 8200 основали стартапы.', [U('подразделения 8200')]],
    ['Об этом сообщило подразделение 8200.', [U('подразделение 8200')]],
    // fa
    ['قیمت یگان 8200 تومان است.', []],
    ['یگان ۸۲۰۰ ارتش اسرائیل در گزارش آمده است.', [U('یگان ۸۲۰۰')]],
    // zh, ja, ko: the generic counter is a different word (套, 部, 세대); the ordinal 第/제 is another unit
    ['以色列第8200部队', []],
    ['以色列8200部队的前成员', [U('8200部队')]],
    ['育軍の第8200部隊', []],
    ['元8200部隊員が起業した。', [U('8200部隊')]],
    ['육군 제8200부대 장병들이 봉사활동을 했다.', []],
    ['이스라엘 8200부대 출신', [U('8200부대')]],
  ]);
});

describe('bare 8200 after a real mention: postcodes, money, counts are not the unit', () => {
  const full = 'Unit 8200 was named in the report.';
  table([
    [[full, 'Their office is in 8200 Aarhus N.'], [U('Unit 8200')]],
    [[full, 'Die Firma sitzt in 8200 Schaffhausen.'], [U('Unit 8200')]],
    [[full, 'Kerkstraat 12, 8200 Brugge'], [U('Unit 8200')]],
    [[full, 'The fine was 8200 €.'], [U('Unit 8200')]],
    [[full, 'הקנס עמד על 8200 ₪.'], [U('Unit 8200')]],
    [[full, 'The court ordered a fine of 8200 dollars.'], [U('Unit 8200')]],
    [[full, 'By then 8200 had been displaced.'], [U('Unit 8200')]],
    [[full, 'Hasta entonces, 8200 habían sido desplazados.'], [U('Unit 8200')]],
    [[full, 'وتضم المستوطنة 8200 وحدة استيطانية.'], [U('Unit 8200')]],
    [[full, 'Около 8200 человек остались без жилья.'], [U('Unit 8200')]],
    [[full, 'حدود ۸۲۰۰ نفر آواره شدند.'], [U('Unit 8200')]],
    [[full, 'Yaklaşık 8200 kişi evini kaybetti.'], [U('Unit 8200')]],
    [[full, '이 제품은 8200 명이 샀다.'], [U('Unit 8200')]],
    [[full, 'Nel 2023 sono state vendute 8200 copie.'], [U('Unit 8200')]],
    // metres and kilometres in every language that writes them with Latin letters
    [[full, 'La montagna è alta 8200 metri.'], [U('Unit 8200')]],
    [[full, 'La pista mide 8200 metros.'], [U('Unit 8200')]],
    [[full, "L'avion volait à 8200 mètres."], [U('Unit 8200')]],
    [[full, 'Die Strecke ist 8200 Meter lang.'], [U('Unit 8200')]],
    [[full, 'Il confine corre per 8200 chilometri.'], [U('Unit 8200')]],
    [[full, 'Recorrieron 8200 kilómetros.'], [U('Unit 8200')]],
    [[full, 'Das Lager hat 8200 Quadratmeter.'], [U('Unit 8200')]],
    [[full, 'Het vliegtuig vloog op 8200 meter.'], [U('Unit 8200')]],
    // magnitudes, in the languages that write them with Latin letters
    [[full, 'The contract was worth 8200 million.'], [U('Unit 8200')]],
    [[full, 'Der Auftrag umfasste 8200 Millionen.'], [U('Unit 8200')]],
    [[full, 'Il contratto valeva 8200 milioni.'], [U('Unit 8200')]],
    [[full, 'Se registraron 8200 mil llamadas.'], [U('Unit 8200')]],
    [[full, 'Ils ont stocké 8200 milliards de fichiers.'], [U('Unit 8200')]],
    [[full, 'A Turquia registou 8200 milhões de chamadas.'], [U('Unit 8200')]],
    // their twin: the unit before "military"
    [[full, 'The 8200 military unit built the system.'], [U('Unit 8200'), U('8200')]],
    // their twins: a longer word that begins like them is no measure
    [[full, 'Sources said 8200 metrics were tracked.'], [U('Unit 8200'), U('8200')]],
    [[full, 'Veterans of 8200 metropolitan networks spoke.'], [U('Unit 8200'), U('8200')]],
    // the number inside a generic "unit 8200" is no short form either
    [[full, 'The penthouse, unit 8200, sold last spring.'], [U('Unit 8200')]],
    [[full, 'A unidade 8200 do condomínio está à venda.'], [U('Unit 8200')]],
    [[full, '8200 birimlik konut projesi onaylandı.'], [U('Unit 8200')]],
    [[full, 'Apartment 8200 on the top floor has sold.'], [U('Unit 8200')]],
    [[full, 'La unidad 8200 del edificio tiene tres habitaciones.'], [U('Unit 8200')]],
    [[full, 'ביחידה 8200 מ"ר יש שלושה חדרים.'], [U('Unit 8200')]],
    // the twins: the short form where it is the unit
    [[full, 'Sources said 8200 had planned to move its data.'], [U('Unit 8200'), U('8200')]],
    [[full, 'In 8200 the culture is different.'], [U('Unit 8200'), U('8200')]],
    [[full, 'Les anciens de 8200 ont créé des start-up.'], [U('Unit 8200'), U('8200')]],
    // and no short form without the full mention
    [['Sources said 8200 had planned to move its data.'], []],
  ]);
});

describe('paraphrases that name the unit by its number', () => {
  table([
    ['the intelligence unit, known as 8200, moved the data', [U('8200')]],
    ['לפי הדיווח, יחידת המודיעין 8200 העבירה חומרים.', [U('8200')]],
    ['יוצאי 8200 הקימו עשרות חברות.', [U('8200')]],
    ['ובוגרי 8200 מובילים את התעשייה.', [U('8200')]],
    ['كشف التحقيق أن وحدة الاستخبارات الإسرائيلية 8200 نقلت البيانات.', [U('8200')]],
    ["Selon l'enquête, l'unité de renseignement 8200 a transféré les données.", [U('8200')]],
    ['la unidad de inteligencia israelí 8200 usaba la plataforma', [U('8200')]],
    ['Former 8200 officers founded start-ups.', [U('8200')]],
    // twins: an intelligence unit with a count, a veteran count
    ['the intelligence unit employed 8200 people', []],
    ['the intelligence agency paid 8200 dollars', []],
    ['8200 veterans attended the parade.', []],
    ['יוצאי הצבא, 8200 איש, הגיעו.', []],
    // a word or two between the unit and intelligence; one compound word for an intelligence unit
    ['Израильское подразделение радиоэлектронной разведки 8200 хранило записи звонков.', [U('8200')]],
    ['Die israelische Spionageeinheit 8200 soll Telefonate gespeichert haben.', [U('8200')]],
    ['De Israëlische inlichtingeneenheid 8200 sloeg gesprekken op.', [U('8200')]],
    // twins: a count after such a unit, a compound that is not an intelligence unit, a labelled number
    ['Die Spionageeinheit hatte 8200 Mitarbeiter.', []],
    ['Die Wohneinheit 8200 wurde verkauft.', []],
    ['Подразделение разведки потратило 8200 рублей на связь.', []],
    ['Die Einheit verkaufte Geheimdienstberichte an 8200 Kunden.', []],
    ['Die Spionageeinheit kaufte Waren für 8200 Kunden.', []],
    // an elite or cyber unit (holdout8): the compound and the Romance word order
    ['Die israelische Eliteeinheit 8200 speicherte Anrufe.', [U('8200')]],
    ['Die israelische Cybereinheit 8200 soll Anrufe gespeichert haben.', [U('8200')]],
    ["L'unité d'élite 8200 de l'armée israélienne stockait les appels.", [U('8200')]],
    ['La unidad de élite 8200 del ejército israelí guardaba las llamadas.', [U('8200')]],
    ['A unidade de elite 8200 do exército israelense armazenava chamadas.', [U('8200')]],
    // twins: an elite unit's headcount, an elite unit named elsewhere in the sentence, an elite team's price
    ['Die Eliteeinheit zählte 8200 Soldaten.', []],
    ['Die Eliteeinheit 8200 Soldaten stark marschierte.', []],
    ["L'unité d'élite a coûté 8200 euros.", []],
    ['Das Elite-Team zahlte 8200 Euro.', []],
    ['O computador HP Elite 8200 custa pouco.', []],
  ]);
});

describe('ambiguous forms are decided from their sentence, never from the page', () => {
  table([
    // Arabic أزور: the verb "I visit" vs the cloud
    [['ارتفعت سحابة من الدخان فوق المدينة.', 'عدت لأزور بيتي في الحي القديم.'], []],
    [['قالت مايكروسوفت إنها ستراجع العقود.', 'أريد أن أزور أهلي قبل العيد.'], [M('مايكروسوفت')]],
    [['قالت مايكروسوفت إنها ستراجع العقود.', 'وأزور المدينة كل صيف.'], [M('مايكروسوفت')]],
    ['قالت مايكروسوفت إن خدمات أزور لم تستخدم للمراقبة.', [M('مايكروسوفت'), A('أزور')]],
    ['خزنت الوحدة 8200 المكالمات على أزور وفق التحقيق.', [U('الوحدة 8200'), A('أزور')]],
    ['تقع جزر الأزور في المحيط الأطلسي.', []],
    ['مجمع‌الجزایر آزور در اقیانوس اطلس است.', []],
    // "Azure" alone: colour at the start of a sentence vs the product
    [['Azure waters and cloudless skies greet visitors.', 'Photographers back up their pictures to the cloud.'], []],
    [['Microsoft Flight Simulator renders the islands well.', 'Azure waters surround them.'], [M()]],
    [['Azure skies over the bay.', 'Cloud computing firms met here.'], []],
    ['The recordings sat on Azure servers in Europe.', [A()]],
    ['Unit 8200 moved the recordings to Azure in 2022.', [U('Unit 8200'), A()]],
    [['Microsoft reported results.', 'Azure revenue grew 39 percent.'], [M(), A()]],
    ['Azure revenue grew 39 percent.', []],
    // Hebrew, Persian, Korean ambiguous forms
    ['הנתונים הועברו לשרתי אז׳ור באירופה.', [A('אז׳ור')]],
    ['האזור הצפוני נפגע.', []],
    ['داده‌ها در سرورهای آژور ذخیره شد.', [A('آژور')]],
    ['کفش آژور مد شده است.', []],
    ['8200부대는 통화 기록을 애저 클라우드에 저장했다.', [U('8200부대'), A('애저')]],
    [['마이크로소프트가 실적을 발표했다.', '애저찜은 전통 요리다.'], [M('마이크로소프트')]],
  ]);
});

describe('the campaign "No Azure for Apartheid" is not Azure, in any capitalisation and in Arabic', () => {
  table([
    [['Microsoft responded.', 'Protesters from No Azure For Apartheid gathered.'], [M()]],
    [['Microsoft responded.', 'NO AZURE FOR APARTHEID held a vigil.'], [M()]],
    [['Microsoft responded.', 'no azure for apartheid, the workers said'], [M()]],
    [['قالت مايكروسوفت', 'شارك ناشطون من حملة «لا لأزور للفصل العنصري».'], [M('مايكروسوفت')]],
    // twin: Azure itself on the same page
    [['Microsoft responded.', 'No Azure for Apartheid said Azure hosted the data.'], [M(), A()]],
  ]);
});

describe('spelling variants', () => {
  table([
    ['أعلنت ميكروسوفت نتائج المراجعة.', [M('ميكروسوفت')]],
    ["בענן אז'ור ובענן אז׳ור", [A("אז'ור"), A('אז׳ור')]],
    ['مايكروسافت بیانیه‌ای منتشر کرد.', [M('مايكروسافت')]],
    ['MİCROSOFT İSRAİL ORDUSUNA HİZMETİ KESTİ', [M('MİCROSOFT')]],
    ['微軟宣布停止服務。', [M('微軟')]],
    ['МАЙКРОСОФТ ПРЕКРАТИЛА ОБСЛУЖИВАНИЕ', [M('МАЙКРОСОФТ')]],
    // twins: near spellings that are other words
    ['מיקרוסופטית', []],
    ['Майкрософтовский офис', []],
  ]);
});

describe('the eight new languages: names, attachments, and their collisions', () => {
  table([
    // it
    ["Microsoft ha bloccato l'accesso dell'Unità 8200.", [M(), U('Unità 8200')]],
    ["L'Azure Window di Malta è crollata.", []],
    // pt
    ['A Microsoft bloqueou o acesso da Unidade 8200.', [M(), U('Unidade 8200')]],
    ['A Azure Power anunciou um parque solar.', []],
    // nl: compounds and the genitive s
    ['De gegevens stonden in Azure-datacenters in Nederland.', [A()]],
    ['Engineers moved the Azure-hosted archive to a new region.', [A()]],
    ['Azure-blue tiles were hosted by the museum.', []],
    ['Activisten bezetten het dak van Microsofts datacenter.', [M()]],
    ['Microsoftachtige software', []],
    // tr: suffixes after an apostrophe
    ["Microsoft'un açıklamasına göre hizmetler durdu.", [M()]],
    ["8200 Birimi, görüşmeleri Azure'da depoladı.", [U('8200 Birimi'), A()]],
    ['Azure Otel yaz sezonuna hazırlanıyor.', []],
    // ru: Cyrillic and case endings (the range stops before the ending)
    ['Сотрудники Майкрософта протестовали.', [M('Майкрософт')]],
    ['подразделение 8200 хранило записи в облаке Azure.', [U('подразделение 8200'), A()]],
    ['Отель Azure открылся после ремонта.', []],
    // headlines in capitals: the stem's ending is a letter ("ОБЛАКОМ", a case no sentence word lists), the colour's word stays a look-alike
    ['ЗАПИСИ ХРАНИЛИСЬ ОБЛАКОМ AZURE', [A('AZURE')]],
    ['ФАЙЛЫ В AZURE ОБЛАКАХ', [A('AZURE')]],
    ['ОТЕЛЬ AZURE ОТКРЫЛСЯ', []],
    // fa: Persian digits, yeh and keheh, ZWNJ as a word edge
    ['یگان ۸۲۰۰ تماس‌ها را در سرورهای آژور ذخیره می‌کرد.', [U('یگان ۸۲۰۰'), A('آژور')]],
    ['قراردادهای مایکروسافت‌ با ارتش', [M('مایکروسافت')]],
    ['واحد ۸۲۰۰ این مجتمع فروخته شد.', []],
    // zh: no spaces; 微 closing another word
    ['微软的Azure云平台存储了这些数据。', [M('微软'), A()]],
    ['这件衣服稍微软一点会更舒服。', []],
    ['面包烤好后会轻微软化。', []],
    ['这种材料比较微软。', []],
    ['分析师比较微软和谷歌的云业务。', [M('微软')]],
    // ko: particles after the name, and the piglet
    ['마이크로소프트의 애저에 데이터가 보관됐다.', [M('마이크로소프트'), A('애저')]],
    ['애저구이 전문점이 문을 열었다.', []],
  ]);
});

describe('ranges cover exactly the name', () => {
  const ranges = (text: string) => matcher.find(text).map((c) => [c.start, c.end]);
  test.each<[string, number[][]]>([
    ['Microsofts', [[0, 9]]],
    ["Microsoft'un", [[0, 9]]],
    ['Майкрософтом', [[0, 10]]],
    ['Azure-datacenters', [[0, 5]]],
    ['微软的', [[0, 2]]],
    ['마이크로소프트가', [[0, 7]]],
    ['مایکروسافت\u200Cها', [[0, 10]]],
  ])('%j', (text, expected) => {
    expect(ranges(text)).toEqual(expected);
  });
});

describe('a numbered "unit" in a sentence about property, sales, measures or a company waits for the real unit on the page', () => {
  const real = "Israel's Unit 8200 stored the calls.";
  table([
    // Other words for the building, the storage, the company: not the unit on a page that never names it
    ['The storage unit 8200 at the self-storage facility was broken into.', []],
    ['Unit 8200 of the Maple Court complex has three bedrooms.', []],
    ['Police responded to a call at Unit 8200, 45 Harbour Road.', []],
    ['The company sold 12,000 units; unit 8200 was the last to be recalled.', []],
    ['Die Einheit 8200 im Lager wurde geräumt.', []],
    ["L'unité 8200 kWh de stockage alimentera le quartier.", []],
    ['La unidad 8200 del conjunto habitacional tiene dos dormitorios.', []],
    ["L'unità 8200 dello stabilimento produce componenti per auto.", []],
    ['A unidade 8200 do residencial tem vista para o mar.', []],
    ['Eenheid 8200 van het complex staat te koop.', []],
    ['Sitedeki 8200 birimi satışa çıktı.', []],
    ['Подразделение 8200 завода выпускает детали для тракторов.', []],
    ['יחידה 8200 בפרויקט המגורים נמכרה השבוע.', []],
    ['الوحدة 8200 في المجمع السكني معروضة للبيع.', []],
    // Twins: the same sentence shapes with the story's words, or on a page that names the unit
    ['Former Unit 8200 soldiers said the storage of calls from Gaza was routine.', [U('Unit 8200')]],
    [[real, 'Unit 8200 sold the idea of mass storage to the army.'], [U('Unit 8200'), U('Unit 8200')]],
    ["Israel's unit 8200 stored the calls.", [U('unit 8200')]],
    ['Die israelische Einheit 8200 speicherte die Anrufe in einem Lager.', [U('Einheit 8200')]],
    ["İsrail ordusunun 8200 Birimi görüşmeleri kaydetti.", [U('8200 Birimi')]],
    ['Бывшие офицеры израильского подразделения 8200 основали стартап.', [U('подразделения 8200')]],
    ['בוגרי יחידה 8200 הקימו חברות סייבר.', [U('יחידה 8200')]],
    ['كشف تحقيق أن الوحدة 8200 التابعة للجيش الإسرائيلي خزنت المكالمات.', [U('الوحدة 8200')]],
    // A doubtful name does not switch on the bare number for the rest of the page
    [['Unit 8200 of the Maple Court complex has three bedrooms.', 'Sources said 8200 had planned to move its data.'], []],
    [[real, 'Sources said 8200 had planned to move its data.'], [U('Unit 8200'), U('8200')]],
  ]);
});

describe('bare 8200 labelled by the noun before it, joined to other digits, or a year', () => {
  const full = "Israel's Unit 8200 was named in the report.";
  table([
    [[full, 'Route 8200 was closed.'], [U('Unit 8200')]],
    [[full, 'Flight 8200 landed late.'], [U('Unit 8200')]],
    [[full, 'Visit booth 8200 at the fair.'], [U('Unit 8200')]],
    [[full, 'Der Zug 8200 fällt heute aus.'], [U('Unit 8200')]],
    [[full, 'Рейс 8200 задержан.'], [U('Unit 8200')]],
    [[full, 'טיסה 8200 נחתה באיחור.'], [U('Unit 8200')]],
    [[full, 'In 8200 BC the climate cooled.'], [U('Unit 8200')]],
    [[full, 'Call 555-8200 for tickets.'], [U('Unit 8200')]],
    // Twins: the words that do stand before the unit's number
    [[full, 'Former 8200 officers spoke to the paper.'], [U('Unit 8200'), U('8200')]],
    [[full, 'Many 8200 alumni work in tech.'], [U('Unit 8200'), U('8200')]],
    [[full, 'The Israeli 8200 veterans met in Tel Aviv.'], [U('Unit 8200'), U('8200')]],
    [[full, 'Die ehemaligen 8200-Offiziere gründeten Firmen.'], [U('Unit 8200'), U('8200')]],
    [[full, 'In 8200 the culture is different.'], [U('Unit 8200'), U('8200')]],
  ]);
});

describe('computing words with their endings decide a bare Azure (German and Dutch inflect "Server")', () => {
  table([
    ['Die Daten lagen auf Azure-Servern in den Niederlanden.', [A()]],
    ['De gegevens stonden op Azure-servers in Nederland.', [A()]],
    // Twins: the colour beside other words of the same sentence shape
    ['Die Kellner servierten Azure-blaue Cocktails.', []],
    ['Azure waters lap the shore of the island.', []],
  ]);
});

// Round 4 (holdout5): what a reader of another language or an adversary would try. Each class with its twin.
describe('look-alike letters: full-width and Cyrillic/Greek letters inside a name are the name (fold.ts)', () => {
  table([
    ['Ｍｉｃｒｏｓｏｆｔは声明を発表した。', [M('Ｍｉｃｒｏｓｏｆｔ')]],
    ['イスラエルの８２００部隊は通話記録を保存していた。', [U('８２００部隊')]],
    ['以色列８２００部队被指监听巴勒斯坦人的电话。', [U('８２００部队')]],
    // twins: full-width digits that are a price or a model stay unmarked, as ASCII ones do
    [['以色列８２００部队被指监听。', '这款手机售价８２００元。'], [U('８２００部队')]],
    ['型号８２００的打印机已经停产。', []],
    ['Micr\u043esoft denied the report.', [M('Micr\u043esoft')]],
    ['MICR\u041eSOFT DENIES THE REPORT', [M('MICR\u041eSOFT')]],
    ['The data sat on \u0391zure servers in Europe.', [A('\u0391zure')]],
    ['Компания \u041c\u0430\u0439\u043a\u0440o\u0441\u043e\u0444\u0442 заявила о проверке.', [M('\u041c\u0430\u0439\u043a\u0440o\u0441\u043e\u0444\u0442')]],
    // twins: after the fold the same rules apply (a colour stays a colour; a name inside a longer word is not one)
    ['The sea was azur\u0435 and calm.', []],
    ['The sea was \u0410zure and calm, the hotel Azure too.', []],
    ['NobleMicr\u043esoft is a made-up word.', []],
    // Russian text without mixed words is not folded: Майкрософт stays Cyrillic and matches as itself.
    ['Майкрософт заявила о проверке.', [M('Майкрософт')]],
  ]);
});

describe('a bare 8200 that is a house number, after a real mention', () => {
  table([
    [['Reports said Unit 8200 relied on cloud storage.', 'The villa at 8200 Sunset Boulevard sold for $12 million.'], [U('Unit 8200')]],
    [['Reports said Unit 8200 relied on cloud storage.', 'The office is at 8200 N. Main St in Dallas.'], [U('Unit 8200')]],
    [["L'Unité 8200 a stocké les appels.", 'Le siège est au 8200, rue de la Paix.'], [U('Unité 8200')]],
    // twin: the number as the unit, before a capitalised word that is no street
    [['Reports said Unit 8200 relied on cloud storage.', 'Former 8200 officers founded the firm.'], [U('Unit 8200'), U('8200')]],
  ]);
});

describe('the bare number after a verb of service names the unit (Hebrew שירת ב-8200)', () => {
  table([
    ['הוא שירת ב-8200 לפני שהקים את הסטארט-אפ.', [U('8200')]],
    ['היא שירתה ב8200 שלוש שנים.', [U('8200')]],
    ['He served in 8200 before founding the start-up.', [U('8200')]],
    ['המייסד, בוגר 8200, גייס עשרה מיליון דולר.', [U('8200')]],
    ['היא בוגרת 8200 ומהנדסת תוכנה.', [U('8200')]],
    ['יוצא 8200 הקים את החברה.', [U('8200')]],
    // twins: the same words before a count or a year
    ['בוגר 8200 שקל לחודש לא יקבל מלגה.', []],
    // twins: a count, a price or a year after "served" is no unit
    ['He served in 8200 BC, the legend says.', []],
    ['המסעדה הגישה 8200 מנות בערב אחד.', []],
    ['He served 8200 meals in one night.', []],
  ]);
});

describe('Slavic case endings on the Latin name (Polish, Czech)', () => {
  table([
    ['Rzecznik Microsoftu odmówił komentarza.', [M()]],
    ['Rozmawialiśmy z Microsoftem o chmurze.', [M()]],
    ['Mluvčí Microsoftu to odmítl.', [M()]],
    // twins: other letters after the name still make a longer word
    ['Microsoftuj to sam.', []],
    ['Microsoftowy gadżet.', []],
  ]);
});

describe('Persian واحد ۸۲۰۰: the unit in the army\'s context, a flat otherwise', () => {
  table([
    ['واحد ۸۲۰۰ اطلاعات ارتش اسرائیل تماس‌ها را ذخیره می‌کرد.', [U('واحد ۸۲۰۰')]],
    ['واحد 8200 ارتش اسرائیل در این گزارش آمده است.', [U('واحد 8200')]],
    // twins: a flat, a price per unit, a flat with no word about property at all
    ['واحد ۸۲۰۰ این مجتمع مسکونی فروخته شد.', []],
    ['قیمت هر واحد ۸۲۰۰ تومان است.', []],
    ['واحد ۸۲۰۰ را دیروز خریدیم.', []],
    [['یگان ۸۲۰۰ تماس‌ها را ذخیره می‌کرد.', 'واحد ۸۲۰۰ را دیروز خریدیم.'], [U('یگان ۸۲۰۰'), U('واحد ۸۲۰۰')]],
  ]);
});

describe('the name pretest sees look-alike names too (a page with only such a name is scanned)', () => {
  const filler = 'The weather was fine and the markets were calm. '.repeat(100);
  test.each([
    ['Micr\u043esoft'],
    ['\u0391zure'],
    ['Ｍｉｃｒｏｓｏｆｔ'],
    ['８２００部隊'],
    ['Micr\u043e\u00adsoft'],
    // names of the languages added in round 5
    ['माइक्रोसॉफ्ट'],
    ['\u090f\u095b\u094d\u092f\u094b\u0930'],
    ['مائیکروسافٹ'],
    ['Μονάδα 8200'],
    ['підрозділу 8200'],
    ['jednostki 8200'],
  ])('%s', (name) => {
    expect(matcher.mayContain(`${filler}${name} said.`)).toBe(true);
    // Fed in pieces across the probe's 4,096-character chunks, the name split between two pieces.
    const probe = matcher.probe();
    const text = `${filler}${filler.slice(0, 4090 - filler.length % 4096)}${name} said. ${filler}`;
    const cut = text.indexOf(name) + 2;
    expect(probe.add(text.slice(0, cut)) || probe.add(text.slice(cut)) || probe.end()).toBe(true);
  });
  test.each([
    ['Міс', 'rosoft'],
    ['Micr', 'оsoft'],
    ['Α', 'zure'],
    ['Azur', 'е'],
    ['Ｍｉｃｒｏ', 'ｓｏｆｔ'],
    ['８２', '００部隊'],
  ])('split between text nodes, as the page holds them: %s|%s', (head, tail) => {
    // Node by node, as Scanner.mayHoldNames feeds it: plain pieces, then the name cut in two.
    const probe = matcher.probe();
    const pieces = ['The weather was fine. ', 'Markets were calm; ', head, tail, ' said. ', 'Nothing else.'];
    expect(pieces.some((p) => probe.add(p)) || probe.end()).toBe(true);
  });
  test('its twins: no name, only look-alike colours or a Russian page', () => {
    expect(matcher.mayContain(`${filler}The sea was azur\u0435. Москва и Сочи.`)).toBe(false);
  });
});

describe('languages added in round 5 (holdout7): the unit\'s name, its case forms, and the same noun as a flat or a price', () => {
  table([
    ['Izraelska jednostka 8200 przechowywała nagrania rozmów.', [U('jednostka 8200')]],
    ['Była oficer jednostki 8200 założyła firmę.', [U('jednostki 8200')]],
    ['Izraelská jednotka 8200 ukládala hovory.', [U('jednotka 8200')]],
    ['Bývalý voják jednotky 8200 založil firmu.', [U('jednotky 8200')]],
    ['Ізраїльський підрозділ 8200 зберігав дзвінки.', [U('підрозділ 8200')]],
    ['Колишній офіцер підрозділу 8200 очолив стартап.', [U('підрозділу 8200')]],
    ['Η ισραηλινή Μονάδα 8200 αποθήκευε κλήσεις.', [U('Μονάδα 8200')]],
    ['Πρώην στελέχη της Μονάδας 8200 ίδρυσαν εταιρείες.', [U('Μονάδας 8200')]],
    ['Tjänster för Enhet 8200 stängdes av.', [U('Enhet 8200')]],
    ['Microsoft a oprit unele servicii pentru Unitatea 8200.', [M(), U('Unitatea 8200')]],
    ['Microsoft menghentikan layanan untuk Unit 8200.', [M(), U('Unit 8200')]],
    ['Microsoft đã ngừng dịch vụ cho Đơn vị 8200.', [M(), U('Đơn vị 8200')]],
    ['इज़राइल की यूनिट 8200 ने कॉल संग्रहीत किए।', [U('यूनिट 8200')]],
    // twins: a flat, a price per unit, a cost, a longer word
    ['Mieszkanie, jednostka 8200, na sprzedaż.', []],
    ['Jednostka 8200 zł kosztuje za sztukę.', []],
    ['Cena za jednotku 8200 Kč.', []],
    ['Квартира, підрозділ 8200, продається.', []],
    ['Το διαμέρισμα, μονάδα 8200, πωλείται.', []],
    ['Υπομονάδα 8200 του εργοστασίου.', []],
    ['Lägenheten, enhet 8200, är till salu.', []],
    ['Priset per enhet 8200 kr.', []],
    ['Enhet 8200 zł.', []],
    ['Apartamentul, unitatea 8200, este de vânzare.', []],
    ['Căn hộ, đơn vị 8200, đã được bán.', []],
    ['फ्लैट यूनिट 8200 बिक्री के लिए है।', []],
    ['Harga per unit 8200 rupiah.', []],
    ['Izraelska firma sprzedała 8200 licencji.', []],
    // an intelligence unit named before the bare number, in these languages (round 6)
    ['Izraelska jednostka wywiadu 8200 przechowywała nagrania.', [U('8200')]],
    ['Den israeliska signalspaningsenheten 8200 lagrade samtal.', [U('8200')]],
    ['Підрозділ розвідки 8200 зберігав записи.', [U('8200')]],
    ['Unitatea de informații 8200 a stocat apelurile.', [U('8200')]],
    // twins: the same words with a count or a price after a verb
    ['Jednostka wywiadu zatrudniała 8200 osób.', []],
    ['Underrättelseenheten köpte 8200 datorer.', []],
    // on a page that names the unit: the same nouns as a flat, and counts after the bare number, stay unmarked
    [['Jednostka 8200 przechowywała nagrania.', 'Mieszkanie, jednostka 8200, na sprzedaż.', 'Mecz obejrzało 8200 widzów.'], [U('Jednostka 8200')]],
    [['Підрозділ 8200 зберігав дзвінки.', 'У залі було 8200 глядачів.', 'Прийшло 8200 людей.'], [U('Підрозділ 8200')]],
    [['Подразделение 8200 хранило записи.', 'В компании работает 8200 сотрудников.'], [U('Подразделение 8200')]],
    [['Jednotka 8200 ukládala hovory.', 'Zápas vidělo 8200 diváků.'], [U('Jednotka 8200')]],
    // twins: the bare number followed by a verb is the unit again
    [['Підрозділ 8200 зберігав дзвінки.', 'За даними газети, 8200 зберігав записи роками.'], [U('Підрозділ 8200'), U('8200')]],
    [['Jednostka 8200 przechowywała nagrania.', 'Według gazety 8200 przechowywała je latami.'], [U('Jednostka 8200'), U('8200')]],
  ]);
});

describe('Microsoft and Azure in Devanagari, Arabic-script Urdu and Ukrainian Cyrillic', () => {
  table([
    ['माइक्रोसॉफ्ट ने कहा कि उसने कुछ सेवाएं बंद कर दी हैं।', [M('माइक्रोसॉफ्ट')]],
    ['مائیکروسافٹ نے کہا کہ اس نے کچھ خدمات بند کر دی ہیں۔', [M('مائیکروسافٹ')]],
    ['Майкрософтом було оголошено.', [M('Майкрософт')]],
    // the nukta letter written decomposed (as NFC keeps it) and precomposed (U+095B): one name
    ['माइक्रोसॉफ्ट के \u090f\u091c\u093c\u094d\u092f\u094b\u0930 क्लाउड पर डेटा', [M('माइक्रोसॉफ्ट'), A('\u090f\u091c\u093c\u094d\u092f\u094b\u0930')]],
    ['माइक्रोसॉफ्ट के \u090f\u095b\u094d\u092f\u094b\u0930 क्लाउड पर डेटा', [M('माइक्रोसॉफ्ट'), A('\u090f\u095b\u094d\u092f\u094b\u0930')]],
    // twins: a vowel sign after the name makes a longer word; azure as a colour with no cloud word
    ['माइक्रोसॉफ्टी', []],
    ['एज़्योर रंग का आसमान', []],
  ]);
});
