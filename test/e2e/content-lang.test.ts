/**
 * Issue 15 in real Chromium and Firefox with the built extension: the card follows the language of the
 * mention (nearest `lang`, then the page's, then the browser's) for its labels AND its content, and the
 * popup follows the browser's UI language. Expected texts come from the translation files
 * (src/data/i18n/<lang>.json) and the locale files, never from strings written here, so the test passes
 * exactly when the shipped translations reach the reader; on the empty skeletons it fails by design.
 *
 * Two launches per browser (the UI language is fixed at launch): Arabic (card pages and the Arabic popup),
 * then Hebrew (the Hebrew popup). Firefox needs Debian's firefox-esr-l10n-ar and -he for its UI language.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, messageTab, settle, type Session } from './harness';
import { ROOT } from './server';
import { withCardRoot } from './card-root';
import { injections, recordInjections } from './background-storage';
import story from '../../src/data/story.json';
import type { Dataset, EntityId } from '../../src/data/types';
import { checkTranslations } from '../../src/data/translation-check';
import { englishItems, type TranslatedLang } from '../../src/data/translation-items';

const HOST = 'www.theguardian.com';
const data = story as unknown as Dataset;
const english = englishItems(data);

type Messages = Record<string, { message: string }>;
const readJson = <T,>(path: string): T => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8')) as T;
const shipped = (lang: TranslatedLang) => checkTranslations(readJson(`src/data/i18n/${lang}.json`), data, lang, `${lang}.json`).table;
const cardLabel = (lang: string, key: string) => readJson<Messages>(`src/card/locales/${lang}.json`)[key]?.message ?? `(no ${key})`;
const uiLabel = (lang: string, key: string) => readJson<Messages>(`src/shared/locales/${lang}.json`)[key]?.message ?? `(no ${key})`;

const PUBLISHED = '<meta property="article:published_time" content="2025-08-10T09:00:00+00:00">';
const PAGES: Record<string, string> = {
  '/i18n/ar.html': `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>مقال</title>${PUBLISHED}</head><body><main><article>
    <h1>عقود الحوسبة السحابية تحت المجهر</h1>
    <p>قال صحفيون إن الوحدة 8200 احتفظت بتسجيلات على خوادم تديرها مايكروسوفت في أوروبا، وفق التقرير.</p>
    <p>واستضافت منصة أزور السحابية البيانات في منطقة معزولة، بحسب ما نُشر.</p></article></main></body></html>`,
  '/i18n/he.html': `<!doctype html><html lang="he" dir="rtl"><head><meta charset="utf-8"><title>כתבה</title>${PUBLISHED}</head><body><main><article>
    <h1>מיקרוסופט הפסיקה שירותים ליחידה במשרד הביטחון</h1>
    <p>לפי הדיווח, יחידה 8200 אחסנה הקלטות בענן אז'ור של מיקרוסופט.</p>
    <p>במיקרוסופט אמרו כי הבדיקה נמשכת.</p></article></main></body></html>`,
  '/i18n/en.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>${PUBLISHED}</head><body><main><article>
    <h1>Cloud contracts under scrutiny</h1>
    <p>Reporters said Unit 8200 kept recordings on servers run by Microsoft in Europe.</p>
    <p>The company's cloud platform, Azure, hosted the data, according to the report.</p></article></main></body></html>`,
  // An English page quoting an Arabic outlet: the quote's mention gets an Arabic card.
  '/i18n/en-quote.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title>${PUBLISHED}</head><body><main><article>
    <h1>How the Arabic press covered Microsoft and Azure</h1>
    <p>Microsoft said its review of Azure continues, according to the report.</p>
    <blockquote lang="ar" dir="rtl"><p>قال صحفيون إن الوحدة 8200 احتفظت بتسجيلات على خوادم مايكروسوفت.</p></blockquote>
    <p>The company did not comment further on Azure.</p></article></main></body></html>`,
  // Odd tags (round 4): a private-use lang on the paragraph passes to the page's "he-IL"; a padded,
  // mixed-case " AR-eg " on the quote is Arabic.
  '/i18n/odd-lang.html': `<!doctype html><html lang="he-IL" dir="rtl"><head><meta charset="utf-8"><title>כתבה</title>${PUBLISHED}</head><body><main><article>
    <h1>מיקרוסופט הפסיקה שירותים ליחידה במשרד הביטחון</h1>
    <p lang="x-klingon" dir="ltr">Reporters said Unit 8200 kept recordings on Azure servers run by Microsoft.</p>
    <blockquote lang=" AR-eg " dir="rtl"><p>قال صحفيون إن الوحدة 8200 احتفظت بتسجيلات على خوادم مايكروسوفت.</p></blockquote>
    <p>במיקרוסופט אמרו כי הבדיקה נמשכת.</p></article></main></body></html>`,
  // An XHTML page declares its language with xml:lang only: the card follows it (Hebrew), not the browser's
  // Arabic. `lang` alone would not see it (a `[lang]` selector and `documentElement.lang` read `lang` only).
  '/i18n/xhtml-he.xhtml': `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xml:lang="he" dir="rtl"><head><meta charset="utf-8"/><title>כתבה</title><meta property="article:published_time" content="2025-08-10T09:00:00+00:00"/></head><body><main><article>
    <h1>מיקרוסופט הפסיקה שירותים ליחידה במשרד הביטחון</h1>
    <p>לפי הדיווח, יחידה 8200 אחסנה הקלטות בענן אז'ור של מיקרוסופט.</p>
    <p>במיקרוסופט אמרו כי הבדיקה נמשכת.</p></article></main></body></html>`,
};
const HEADERS: Record<string, Record<string, string>> = {
  '/i18n/xhtml-he.xhtml': { 'content-type': 'application/xhtml+xml; charset=utf-8' },
};

interface ItemSeen {
  key: string;
  lang: string;
  text: string;
  marked: boolean;
}
interface CardSeen {
  lang: string;
  dir: string;
  headline: { lang: string; text: string };
  name: { lang: string; text: string };
  keyFacts: string;
  items: ItemSeen[];
  /** Elements in another language than the card's, outside a marked English item, the sources and the quote originals. */
  leaks: string[];
}

/** What the card shows, read inside its closed shadow root. */
const readCard = (session: Session, page: Page) =>
  withCardRoot<CardSeen>(
    session,
    page,
    `(root) => {
      const card = root.querySelector('.card');
      const own = (el) => (el.firstChild?.textContent ?? '').trim();
      const items = [...root.querySelectorAll('[data-fact], [data-response]')].map((el) => ({
        key: el.dataset.fact ? 'fact/' + el.dataset.fact : 'response/' + el.dataset.response,
        lang: el.dataset.lang,
        text: own(el.querySelector(':scope > .text')),
        marked: !!el.querySelector(':scope > .meta > .in-en, :scope > .party > .in-en'),
      }));
      const leaks = [...card.querySelectorAll('[lang]')]
        .filter((el) => el.lang !== card.lang && !el.closest('.sources, .original-text'))
        .filter((el) => { const item = el.closest('[data-lang="en"]'); return !item || !item.querySelector('.in-en'); })
        .map((el) => el.localName + '.' + el.className + ' lang=' + el.lang + ': ' + el.textContent.slice(0, 60));
      const headline = root.querySelector('#bs-headline');
      const name = root.querySelector('#bs-name');
      return {
        lang: card.lang, dir: card.dir,
        headline: { lang: headline.closest('[lang]').lang, text: headline.textContent },
        name: { lang: name.closest('[lang]').lang, text: name.textContent },
        keyFacts: root.querySelector('#bs-facts').textContent,
        items, leaks,
      };
    }`,
  );

async function openCard(session: Session, path: string, entityId: EntityId, index = 0): Promise<{ page: Page; card: CardSeen }> {
  const body = PAGES[path];
  if (!body) throw new Error(`no page ${path}`);
  session.server.route(path, body, HEADERS[path]);
  const page = await session.open(HOST, path);
  await settle(page);
  const shown = await messageTab<boolean>(session, session.url(HOST, path), { type: 'showMention', payload: { entityId, index } });
  expect(shown, `card for ${entityId} on ${path}`).toBe(true);
  return { page, card: await readCard(session, page) };
}

/** The card in `lang`: frame, labels, headline, name and every fact and reply from the translation file. */
function expectCardIn(card: CardSeen, lang: TranslatedLang, entityId: EntityId): void {
  const table = shipped(lang);
  expect(card.lang).toBe(lang);
  expect(card.dir).toBe('rtl');
  expect(card.keyFacts).toBe(cardLabel(lang, 'card_keyFacts'));
  expect(card.headline).toEqual({ lang, text: table[`story/${data.stories[0]!.id}`]?.['headline'] });
  expect(card.name).toEqual({ lang, text: table[`entity/${entityId}`]?.['name'] });
  expect(card.items.length).toBeGreaterThan(3);
  for (const item of card.items) {
    // Every fact and reply the card shows comes from the file; an item not shipped would be English and marked.
    const translated = table[item.key]?.['text'];
    if (translated) expect(item, item.key).toEqual({ key: item.key, lang, text: translated, marked: false });
    else expect(item, `${item.key} is not translated in ${lang}.json`).toEqual({ key: item.key, lang: 'en', text: english[item.key]?.['text'], marked: true });
  }
  expect(card.items.filter((i) => i.lang === 'en').map((i) => i.key), `${lang}: items shown in English`).toEqual([]);
  expect(card.leaks).toEqual([]);
}

async function popupStory(session: Session): Promise<{ htmlLang: string; headline: { lang: string; text: string }; facts: ItemSeen[]; factsLabel: string }> {
  const page = await session.browser.newPage();
  // Firefox does not report the load of a moz-extension:// navigation to puppeteer: wait for the content instead.
  await page.goto(session.extensionUrl('popup.html'), { waitUntil: 'domcontentloaded', timeout: 3000 }).catch(() => undefined);
  await page.waitForSelector('.story .headline', { timeout: 10_000 });
  const seen = await page.evaluate(() => {
    const headline = document.querySelector<HTMLElement>('.story .headline');
    const items = [...document.querySelectorAll<HTMLElement>('.story [data-fact], .story [data-response]')].map((el) => ({
      key: el.dataset['fact'] ? `fact/${el.dataset['fact']}` : `response/${el.dataset['response'] ?? ''}`,
      lang: el.dataset['lang'] ?? '',
      text: el.querySelector(':scope > .fact-text')?.textContent ?? '',
      marked: !!el.querySelector(':scope > .fact-meta > .in-en'),
    }));
    return {
      htmlLang: document.documentElement.lang,
      headline: { lang: headline?.lang ?? '', text: headline?.textContent ?? '' },
      facts: items,
      factsLabel: document.querySelector('.key-facts > summary')?.textContent ?? '',
    };
  });
  await page.close();
  return seen;
}

async function expectPopupIn(session: Session, lang: TranslatedLang): Promise<void> {
  const uiLang = await session.inExtension<string>(`return api.i18n.getMessage('ui_lang');`);
  if (uiLang !== lang) throw new Error(`${session.name} has no ${lang} UI locale: install it with "apt-get install -y firefox-esr-l10n-${lang}"`);
  const table = shipped(lang);
  const popup = await popupStory(session);
  expect(popup.htmlLang).toBe(lang);
  expect(popup.factsLabel.startsWith(uiLabel(lang, 'popup_keyFactsCount').split('$')[0] ?? '')).toBe(true);
  expect(popup.headline).toEqual({ lang, text: table[`story/${data.stories[0]!.id}`]?.['headline'] });
  expect(popup.facts.length).toBeGreaterThan(20);
  for (const item of popup.facts) expect(item, item.key).toEqual({ key: item.key, lang, text: table[item.key]?.['text'], marked: false });
}

describe.each(BROWSERS)('%s, Arabic browser', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name, { lang: 'ar' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('an Arabic page: the card is Arabic, labels and content', async () => {
    const { page, card } = await openCard(session, '/i18n/ar.html', 'unit-8200');
    expectCardIn(card, 'ar', 'unit-8200');
    await page.close();
  });

  it('a Hebrew page: the card is Hebrew', async () => {
    const { page, card } = await openCard(session, '/i18n/he.html', 'microsoft');
    expectCardIn(card, 'he', 'microsoft');
    await page.close();
  });

  it('an English page in an Arabic browser: the card is English, nothing marked', async () => {
    const { page, card } = await openCard(session, '/i18n/en.html', 'azure');
    expect(card.lang).toBe('en');
    expect(card.keyFacts).toBe(cardLabel('en', 'card_keyFacts'));
    expect(card.headline).toEqual({ lang: 'en', text: data.stories[0]!.headline });
    for (const item of card.items) expect(item).toEqual({ key: item.key, lang: 'en', text: english[item.key]?.['text'], marked: false });
    expect(card.leaks).toEqual([]);
    await page.close();
  });

  it('an English page quoting Arabic: the quoted mention gets an Arabic card', async () => {
    const { page, card } = await openCard(session, '/i18n/en-quote.html', 'unit-8200');
    expectCardIn(card, 'ar', 'unit-8200');
    await page.close();
  });

  it('odd lang values: "x-klingon" passes to the page (he-IL), " AR-eg " is Arabic', async () => {
    const first = await openCard(session, '/i18n/odd-lang.html', 'unit-8200', 0);
    expectCardIn(first.card, 'he', 'unit-8200');
    await first.page.close();
    const second = await openCard(session, '/i18n/odd-lang.html', 'unit-8200', 1);
    expectCardIn(second.card, 'ar', 'unit-8200');
    await second.page.close();
  });

  it('an XHTML page with xml:lang="he" only: the card is Hebrew, not the Arabic browser\'s', async () => {
    const { page, card } = await openCard(session, '/i18n/xhtml-he.xhtml', 'unit-8200');
    expectCardIn(card, 'he', 'unit-8200');
    await page.close();
  });

  it('card.js carries no translations: an English page loads none, an Arabic page only card-ar.js, before its card shows', async () => {
    await recordInjections(session);
    const tabOf = (path: string) =>
      session.inExtension<number>(`return (await api.tabs.query({})).find((t) => (t.url ?? '').startsWith(${JSON.stringify(session.url(HOST, path))}))?.id ?? -1;`);
    const english = await openCard(session, '/i18n/en.html', 'azure');
    expect(english.card.lang).toBe('en');
    const enTab = await tabOf('/i18n/en.html');
    expect((await injections(session)).filter((entry) => entry.startsWith(`${enTab}:`))).toEqual([`${enTab}:card.js`]);
    await english.page.close();
    const arabic = await openCard(session, '/i18n/ar.html', 'unit-8200');
    expectCardIn(arabic.card, 'ar', 'unit-8200');
    const arTab = await tabOf('/i18n/ar.html');
    expect((await injections(session)).filter((entry) => entry.startsWith(`${arTab}:`))).toEqual([`${arTab}:card.js`, `${arTab}:card-ar.js`]);
    await arabic.page.close();
    // An English page quoting Arabic loads the Arabic table when that card opens, and only then.
    const quote = await openCard(session, '/i18n/en-quote.html', 'unit-8200');
    expectCardIn(quote.card, 'ar', 'unit-8200');
    const quoteTab = await tabOf('/i18n/en-quote.html');
    expect((await injections(session)).filter((entry) => entry.startsWith(`${quoteTab}:`))).toEqual([`${quoteTab}:card.js`, `${quoteTab}:card-ar.js`]);
    await quote.page.close();
  });

  it('the popup in an Arabic browser shows the story in Arabic', async () => {
    await expectPopupIn(session, 'ar');
  });
});

describe.each(BROWSERS)('%s, Hebrew browser', (name) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch(name, { lang: 'he' });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the popup in a Hebrew browser shows the story in Hebrew', async () => {
    await expectPopupIn(session, 'he');
  });
});
