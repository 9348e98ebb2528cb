/** Whether a page is about the story, from its own words (issue 18, "quiet where the story is not the topic"). */
import { describe, expect, it } from 'vitest';
import { visibleMentions } from '../../src/content/highlights';
import type { Mention } from '../../src/content/mention';
import type { EntityId } from '../../src/data/types';
import { isAboutStory, storyTerms } from '../../src/detect/about-story';

describe('pages about the story', () => {
  it.each([
    ['en', 'Microsoft blocks Israeli military unit from using Azure for mass surveillance of Palestinians in Gaza and the West Bank.'],
    ['en, one group each', 'The Israel Defense Forces said the claims about the use of its cloud were false.'],
    ['ar', 'قالت مايكروسوفت إن الجيش الإسرائيلي استخدم خدماتها لمراقبة الفلسطينيين في غزة.'],
    ['he', 'מיקרוסופט הודיעה כי צה"ל השתמש בשירותי הענן לצורך מעקב אחר פלסטינים בגדה המערבית.'],
    ['de', 'Microsoft sperrt Dienste für die israelische Armee nach Berichten über Überwachung im Westjordanland.'],
    ['fr', "Microsoft coupe l'accès de l'armée israélienne à des services utilisés pour la surveillance à Gaza."],
    ['es', 'Microsoft cortó servicios al ejército israelí tras informes de vigilancia de palestinos.'],
    ['it', "Microsoft ha bloccato l'esercito israeliano dopo le notizie sulla sorveglianza dei palestinesi."],
    ['pt', 'A Microsoft bloqueou o exército israelense após relatos de vigilância em Gaza.'],
    ['nl', 'Microsoft blokkeert het Israëlische leger na berichten over afgeluisterd Palestijnen.'],
    ['tr', "Microsoft, İsrail ordusunun Gazze'deki gözetim için Azure kullandığını açıkladı. Filistinli gazeteciler…"],
    ['ru', 'Microsoft отключила израильскую армию от облака после сообщений о слежке за палестинцами в Газе.'],
    ['fa', 'مایکروسافت دسترسی ارتش اسرائیل را پس از گزارش شنود تماس‌های فلسطینیان در غزه قطع کرد.'],
    ['zh', '微软停止向以色列国防军提供服务，此前有报道称其用于监听加沙巴勒斯坦人的电话。'],
    ['ko', '마이크로소프트는 이스라엘군이 가자지구 팔레스타인인 감시에 애저를 사용했다고 밝혔다.'],
    ['ja', 'マイクロソフトはイスラエル軍がガザのパレスチナ人の監視にAzureを使っていたと発表した。'],
    // languages added in round 5
    ['pl', 'Microsoft odciął izraelskiej armii dostęp do usług po doniesieniach o inwigilacji Palestyńczyków w Strefie Gazy.'],
    ['cs', 'Microsoft zablokoval izraelské armádě služby kvůli odposlechům Palestinců v Pásmu Gazy.'],
    ['uk', 'Microsoft відключила ізраїльську армію від хмари після повідомлень про стеження за палестинцями.'],
    ['el', 'Η Microsoft διέκοψε υπηρεσίες προς τον ισραηλινό στρατό μετά από αναφορές για παρακολούθηση Παλαιστινίων.'],
    ['sv', 'Microsoft stängde av tjänster för israeliska armén efter uppgifter om avlyssning av palestinier på Västbanken.'],
    ['ro', 'Microsoft a oprit servicii pentru armata israeliană după relatări despre supraveghere în Cisiordania.'],
    ['id', 'Microsoft menghentikan layanan untuk militer Israel setelah laporan penyadapan warga Palestina.'],
    ['vi', 'Microsoft đã ngừng dịch vụ cho quân đội Israel sau các báo cáo về giám sát người Palestine.'],
    ['hi', 'माइक्रोसॉफ्ट ने इज़राइली सेना की सेवाएं फ़िलिस्तीनियों की निगरानी की रिपोर्टों के बाद बंद कीं।'],
  ])('%s', (_lang, text) => {
    expect(isAboutStory(text, false)).toBe(true);
  });

  it('a page that names Unit 8200 is about the story whatever else it says', () => {
    expect(isAboutStory('Former 8200 officers now run a start-up in Tel Aviv.', true)).toBe(true);
  });
});

describe('pages that only name Microsoft or Azure', () => {
  it.each([
    ['en, console review', 'The Xbox Series X from Microsoft is fast and quiet. Microsoft has improved the controller, and Microsoft Game Pass is generous.'],
    ['en, cloud outage', 'Azure suffered an outage in West Europe; Microsoft said customers in the region saw errors for three hours.'],
    ['en, one group only: Israel', 'Microsoft opened a new research centre in Israel, its second there.'],
    ['de', 'Microsoft stellt neue Surface-Geräte vor; die Preise beginnen bei 999 Euro.'],
    ['fr', 'Microsoft lance une nouvelle version de Windows avec un assistant intégré.'],
    ['ar', 'أعلنت مايكروسوفت عن تحديث جديد لنظام ويندوز يحسن الأداء.'],
    ['he', 'מיקרוסופט השיקה גרסה חדשה של אופיס עם כלי בינה מלאכותית.'],
    ['ru', 'Microsoft представила новую версию Windows с улучшенной производительностью.'],
    ['zh', '微软发布了新版Windows系统，提升了性能。'],
    ['ko', '마이크로소프트가 새로운 윈도우 버전을 공개했다.'],
    ['pl, gases and a cloud', 'Microsoft pokazał nowe centrum danych; gazy z chłodni są odzyskiwane.'],
    ['el, gauze', 'Η Microsoft παρουσίασε νέο Surface. Η γάζα στο κουτί πρώτων βοηθειών.'],
    ['en, a word inside another', 'Microsoft Israeliten? No: the Gazan-style font is called Gazette; Idfix is a dog.'],
    // Israel and an everyday "surveillance" word, with no military, Gaza/West Bank/Palestinians or reporting.
    ['en, Microsoft Israel and phone calls', 'Microsoft Israel showed Teams phone calls with live captions at its Herzliya office.'],
    ['he, Microsoft Israel, listening and tracking', 'מיקרוסופט ישראל שלחה לנו יחידת בדיקה. האזנה למוזיקה ברקע עובדת היטב, ויש מעקב אחר הישגים.'],
    ['ar, Microsoft Israel and monitoring', 'أرسلت لنا مايكروسوفت إسرائيل جهازاً للمراجعة، ويمكن مراقبة استهلاك الطاقة من لوحة التحكم.'],
    ['en, a health study', 'Azure hosted the data of a national surveillance study of influenza in Israel.'],
  ])('%s', (_lang, text) => {
    expect(isAboutStory(text, false)).toBe(false);
  });

  it('the everyday groups still count beside an anchor group', () => {
    expect(storyTerms('מיקרוסופט ישראל: האזנה למוזיקה')).toEqual(['israel', 'surveillance']);
    expect(isAboutStory('מיקרוסופט ישראל: האזנה למוזיקה', false)).toBe(false);
    expect(isAboutStory('Israel and Gaza', false)).toBe(true);
    expect(isAboutStory('Surveillance in the West Bank', false)).toBe(true);
    expect(isAboutStory('Surveillance, as +972 Magazine reported', false)).toBe(true);
    expect(isAboutStory('The IDF said nothing about it.', false)).toBe(false);
  });

  it('counts each group once, however often its terms appear', () => {
    expect(storyTerms('Israel, Israel, Israeli, ישראל, إسرائيل')).toEqual(['israel']);
  });
});

describe('visibleMentions in the automatic mode', () => {
  const mention = (entityId: EntityId): Mention => ({ entityId, range: {} as unknown as Range });
  const all = [mention('microsoft'), mention('microsoft'), mention('azure'), mention('microsoft'), mention('azure')];
  const entities = { microsoft: true, azure: true, 'unit-8200': true };

  it('marks every mention on a page about the story', () => {
    expect(visibleMentions(all, { mode: 'automatic', entities, aboutStory: true })).toHaveLength(5);
  });
  it('marks the first mention of each name elsewhere', () => {
    expect(visibleMentions(all, { mode: 'automatic', entities, aboutStory: false })).toEqual([all[0], all[2]]);
  });
  it('the reader’s explicit choices do not depend on the topic', () => {
    expect(visibleMentions(all, { mode: 'all', entities, aboutStory: false })).toHaveLength(5);
    expect(visibleMentions(all, { mode: 'first', entities, aboutStory: true })).toEqual([all[0], all[2]]);
  });
});
