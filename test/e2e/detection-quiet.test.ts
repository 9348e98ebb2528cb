/**
 * Issue 18, "quiet where the story is not the topic", in real browsers with the default settings
 * ("automatic"): every mention is marked on a page about the story, only the first of each name
 * elsewhere (src/detect/about-story.ts reads the article's own words, src/content/topic.ts which words).
 *
 * - A games-console review that names Microsoft twenty times gets one mark; a page about the story with
 *   the same twenty mentions and one more gets all twenty-one.
 * - The same in Arabic, Hebrew and German. A Hebrew and an Arabic review that name "Microsoft Israel"
 *   and use everyday words that also mean surveillance ("listening", "tracking", "monitoring") are not
 *   about the story.
 * - A review that carries the story's words only where the reader does not read them as the article
 *   (hidden text, navigation and footer outside the article, an image's alt text) stays quiet.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, pageErrors, settle, waitForMarks } from './harness';
import { useSession } from './session';

const HOST = 'www.theguardian.com';

/** Nine paragraphs of a console review, two "Microsoft" each: the bulk of both English pages. The headline and title of each page count as its words; the headline is marked too. */
const REVIEW = [
  "Microsoft's new console is quiet and fast, and Microsoft says the controller lasts longer.",
  'Microsoft improved the dashboard; Microsoft Game Pass now has more titles.',
  'Microsoft did not change the price, and Microsoft kept the same storage.',
  "Microsoft's cloud saves work well; Microsoft also sells a smaller model.",
  "Microsoft's store is faster, and Microsoft fixed the download queue.",
  'Microsoft added a new chat app; Microsoft says more features will follow.',
  "Microsoft's verdict: Microsoft has made its best console yet.",
  'Microsoft Flight Simulator looks superb, and Microsoft Edge runs on it too.',
  'Microsoft will ship the console in November. Microsoft declined to comment on sales.',
];

interface Article {
  lang: string;
  title: string;
  /** The headline, if not the title. */
  h1?: string;
  paragraphs: readonly string[];
  /** Markup inside <article>, after the paragraphs. */
  inside?: string;
  /** Markup before and after <article>, inside <body>. */
  before?: string;
  after?: string;
}

function html(a: Article): string {
  const dir = a.lang === 'ar' || a.lang === 'he' ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${a.lang}" dir="${dir}"><head><meta charset="utf-8"><title>${a.title}</title></head>
<body>${a.before ?? ''}
<article>
<h1>${a.h1 ?? a.title}</h1>
${a.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}${a.inside ?? ''}
</article>${a.after ?? ''}
</body></html>`;
}

interface Case {
  path: string;
  article: Article;
  /** The name as written on the page, and how many marks: all of them, or only the first. */
  word: string;
  marks: number;
  /** The start of the paragraph that holds the first mark. */
  first: string;
}

const repeat = (lines: readonly string[], n: number): string[] => Array.from({ length: n }, (_, i) => lines[i % lines.length] as string);

const REVIEW_TITLE = 'Xbox review: the quietest console yet';
const englishReview = (extra: Partial<Article> = {}): Article => ({
  lang: 'en',
  title: REVIEW_TITLE,
  paragraphs: ['The Xbox from Microsoft arrives this week; Microsoft sent us a review unit.', ...REVIEW],
  ...extra,
});

const STORY_WORDS = 'The Israeli military used the cloud for surveillance of Palestinians in Gaza and the West Bank.';

const CASES: Case[] = [
  { path: '/quiet/review.html', article: englishReview(), word: 'Microsoft', marks: 1, first: 'The Xbox from Microsoft' },
  {
    path: '/quiet/story.html',
    article: {
      lang: 'en',
      title: 'Microsoft and the Israeli military',
      h1: 'Microsoft ends services used for surveillance',
      paragraphs: ['Microsoft cut off services to an Israeli military unit; Microsoft said the review found surveillance of Palestinians in Gaza.', ...REVIEW],
    },
    word: 'Microsoft',
    marks: 21,
    first: 'Microsoft ends services',
  },
  {
    path: '/quiet/ar-story.html',
    article: {
      lang: 'ar',
      title: 'مايكروسوفت وخدمات السحابة',
      paragraphs: [
        'قطعت مايكروسوفت خدماتها عن وحدة في الجيش الإسرائيلي بعد تقارير عن مراقبة الفلسطينيين في غزة.',
        ...repeat(['قالت مايكروسوفت إن المراجعة مستمرة، وأضافت الشركة أن مايكروسوفت ستنشر النتائج.'], 4),
      ],
    },
    word: 'مايكروسوفت',
    marks: 10,
    first: 'مايكروسوفت وخدمات',
  },
  {
    path: '/quiet/he-story.html',
    article: {
      lang: 'he',
      title: 'מיקרוסופט ושירותי הענן',
      paragraphs: [
        'מיקרוסופט ניתקה שירותים מיחידה בצה״ל לאחר דיווח על מעקב אחר פלסטינים בעזה.',
        ...repeat(['החברה מיקרוסופט אמרה שהבדיקה נמשכת, והנהלת מיקרוסופט תפרסם את הממצאים.'], 4),
      ],
    },
    word: 'מיקרוסופט',
    marks: 10,
    first: 'מיקרוסופט ושירותי',
  },
  {
    path: '/quiet/de-story.html',
    article: {
      lang: 'de',
      title: 'Microsoft und die Cloud',
      paragraphs: [
        'Microsoft sperrte Dienste für die israelische Armee, nachdem über die Überwachung von Palästinensern in Gaza berichtet wurde.',
        ...repeat(['Microsoft sagte, die Prüfung laufe weiter, und Microsoft will die Ergebnisse veröffentlichen.'], 4),
      ],
    },
    word: 'Microsoft',
    marks: 10,
    first: 'Microsoft und die',
  },
  {
    // "Microsoft Israel" is the company's local arm; האזנה is listening (to music), מעקב tracking (achievements).
    path: '/quiet/he-review.html',
    article: {
      lang: 'he',
      title: 'ביקורת אקסבוקס: הקונסולה השקטה ביותר',
      paragraphs: [
        'מיקרוסופט ישראל שלחה לנו יחידת בדיקה של הקונסולה החדשה.',
        ...repeat(['האזנה למוזיקה ברקע עובדת היטב, והחברה מיקרוסופט הוסיפה מעקב אחר הישגים.', 'המחיר של מיקרוסופט לא השתנה, ומיקרוסופט שמרה על אותו נפח אחסון.'], 4),
      ],
    },
    word: 'מיקרוסופט',
    marks: 1,
    first: 'מיקרוסופט ישראל',
  },
  {
    // مراقبة is monitoring (of power use); "Microsoft Israel" again.
    path: '/quiet/ar-review.html',
    article: {
      lang: 'ar',
      title: 'مراجعة إكس بوكس: أهدأ جهاز حتى الآن',
      paragraphs: [
        'أرسلت لنا مايكروسوفت إسرائيل جهازاً للمراجعة هذا الأسبوع.',
        ...repeat(['يمكن مراقبة استهلاك الطاقة من لوحة التحكم، وقالت مايكروسوفت إن البطارية تدوم أطول.', 'لم تغير مايكروسوفت السعر، واحتفظت الشركة بنفس مساحة التخزين.'], 4),
      ],
    },
    word: 'مايكروسوفت',
    marks: 1,
    first: 'أرسلت لنا مايكروسوفت',
  },
  {
    path: '/quiet/game-hidden.html',
    article: englishReview({
      inside: `<p hidden>${STORY_WORDS}</p><div style="display:none"><p>${STORY_WORDS}</p></div><p style="visibility:hidden">${STORY_WORDS}</p>`,
    }),
    word: 'Microsoft',
    marks: 1,
    first: 'The Xbox from Microsoft',
  },
  {
    path: '/quiet/game-chrome.html',
    article: englishReview({
      before: `<header><nav><a href="/world/israel">Israel</a> <a href="/world/gaza">Gaza</a> <a href="/idf">Israeli military</a> <a href="/tech/surveillance">Surveillance</a></nav></header>`,
      after: `<aside><h2>Most read</h2><ul><li><a href="/a">Israeli military surveillance of Palestinians in Gaza</a></li><li><a href="/b">The West Bank, one year on</a></li></ul></aside>
<footer><p>${STORY_WORDS}</p><p>© Guardian News &amp; Media</p></footer>`,
    }),
    word: 'Microsoft',
    marks: 1,
    first: 'The Xbox from Microsoft',
  },
  {
    path: '/quiet/game-alt.html',
    article: englishReview({
      inside: `<figure><img alt="${STORY_WORDS}" title="${STORY_WORDS}" aria-label="${STORY_WORDS}" width="200" height="100" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></figure>`,
    }),
    word: 'Microsoft',
    marks: 1,
    first: 'The Xbox from Microsoft',
  },
];

describe.each(BROWSERS)('%s', (name) => {
  const session = useSession(name);

  it.each(CASES.map((c) => [c.path, c] as const))('%s', async (path, c) => {
    session().server.route(path, html(c.article));
    const page = await session().open(HOST, path);
    await waitForMarks(page, c.marks);
    expect(await settle(page, 800)).toEqual([{ name: 'backstory-microsoft', texts: Array<string>(c.marks).fill(c.word) }]);
    // The first mark is the first mention on the page.
    const first = await page.evaluate(() => {
      const ranges = [...(CSS.highlights.get('backstory-microsoft') ?? [])] as Range[];
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      return ranges[0]?.startContainer.parentElement?.textContent ?? '';
    });
    expect(first.startsWith(c.first)).toBe(true);
    expect(pageErrors.get(page)).toEqual([]);
    await page.close();
  });

  it('the popup says why a page that is not about the story has one mark per name, and not on one that is', async () => {
    for (const c of [CASES[0], CASES[1]] as const) {
      if (!c) throw new Error('missing case');
      session().server.route(c.path, html(c.article));
      const page = await session().open(HOST, c.path);
      await waitForMarks(page, c.marks);
      await settle(page, 800);
      await page.bringToFront();
      const popup = await session().openExtensionPage('popup.html');
      await popup.waitForSelector('.mention', { timeout: 10_000 });
      const note = await popup.$eval('.mentions', (el) => el.querySelector('.first-only')?.textContent ?? null);
      if (c.marks === 1) expect(note).toMatch(/does not seem to be about the story.*first mention of each name/);
      else expect(note).toBeNull();
      await popup.close();
      await page.close();
    }
  });
});
