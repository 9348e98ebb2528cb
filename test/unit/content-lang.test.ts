// @vitest-environment happy-dom
/**
 * The story in the reader's language on the card and in the popup (issue 15): whole items translated or in
 * English (marked), translated quotes with their original one step away, dates in the content language
 * with Western digits. The table here is built in memory from the English, so these tests do not depend on
 * how far the translators are; the real files are checked by translations.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { h, render } from 'preact';
import { Card } from '../../src/card/Card';
import { buildCardModel } from '../../src/card/model';
import { splitSummary } from '../../src/card/source-labels';
import { translator } from '../../src/card/i18n';
import { contentDate, contentFor, englishContent, type Content } from '../../src/data/content';
import { dataset } from '../../src/data/index';
import { englishItems, type ItemFields, type TranslatedLang } from '../../src/data/translation-items';
import ar from '../../src/shared/locales/ar.json';
import he from '../../src/shared/locales/he.json';
import { I18n, translatorFor } from '../../src/popup/i18n';
import { ContentContext } from '../../src/popup/content';
import { Popup } from '../../src/popup/Popup';
import { mockPopupData, mockActions } from '../../src/popup/mock';
import type { EntityId } from '../../src/data/types';

const english = englishItems(dataset);
const WORD: Record<TranslatedLang, string> = { ar: 'ترجمة', he: 'תרגום' };

/**
 * Every item "translated" as `<word> <key> <field>`, keeping the English's quotations as «…» so the quote
 * rule has something to see; `leaveOut` stay untranslated.
 */
function tableFor(lang: TranslatedLang, leaveOut: readonly string[] = []): Record<string, ItemFields> {
  const table: Record<string, ItemFields> = {};
  for (const [key, fields] of Object.entries(english)) {
    if (leaveOut.includes(key)) continue;
    table[key] = Object.fromEntries(
      Object.entries(fields).map(([field, text]) => [field, `${WORD[lang]} ${key} ${field}${(text.match(/“[^”]*”/g) ?? []).map(() => ' «…»').join('')}`]),
    );
  }
  return table;
}

let root: HTMLElement | undefined;
/** Within the mounted view (root is set by the mount of each test). */
const q = (selector: string): Element | null => root?.querySelector(selector) ?? null;
const qa = <E extends Element = Element>(selector: string): E[] => [...(root?.querySelectorAll<E>(selector) ?? [])];
afterEach(() => {
  if (!root) return;
  render(null, root);
  root.remove();
  root = undefined;
});

function mountCard(entityId: EntityId, content: Content) {
  const model = buildCardModel(dataset, entityId, null, content);
  if (!model) throw new Error('no model');
  const locale = content.lang;
  const el = document.createElement('div');
  root = el;
  document.body.append(el);
  render(
    h(Card, {
      model,
      t: translator(locale),
      locale,
      dir: locale === 'en' ? 'ltr' : 'rtl',
      theme: 'light',
      publishedDate: null,
      onClose: () => undefined,
      onHideSite: () => undefined,
    }),
    el,
  );
  return model;
}

describe('statuses are UI labels in every language', () => {
  it('card and popup have a reported/confirmed/denied/disputed/announced label in ar and he, not the English one', () => {
    for (const status of ['reported', 'confirmed', 'denied', 'disputed', 'announced']) {
      for (const lang of ['ar', 'he'] as const) {
        const card = translator(lang)(`card_status_${status}` as 'card_status_reported');
        expect(card, `${lang} card ${status}`).not.toBe('');
        expect(card).not.toBe(translator('en')(`card_status_${status}` as 'card_status_reported'));
        const popup = (lang === 'ar' ? ar : he)[`ui_status_${status}` as 'ui_status_reported'].message;
        expect(popup, `${lang} popup ${status}`).toMatch(/[\u0590-\u06FF]/u);
      }
    }
  });
});

describe('content dates', () => {
  it('use Western digits in Arabic and Hebrew, and en-GB in English', () => {
    expect(contentDate('2025-08-07', 'ar')).toMatch(/^7 \D+ 2025$/u);
    expect(contentDate('2025-08-07', 'he')).toMatch(/^7 \D+ 2025$/u);
    expect(contentDate('2025-08-07', 'ar')).not.toContain('Aug');
    expect(contentDate('2025-08', 'en')).toBe('Aug 2025');
  });
});

describe('contentFor', () => {
  it('shows a whole item in English, marked, when any of its fields is untranslated', () => {
    const key = 'fact/f-confirmed-elements';
    const partial = { ...tableFor('ar')[key] };
    delete (partial as Record<string, string>)['notConfirmed'];
    const shown = contentFor('ar', { ar: { [key]: partial } }).item(key, english[key]!);
    expect(shown).toMatchObject({ lang: 'en', dir: 'ltr', fallback: true, quoted: [] });
    expect(shown.text).toEqual(english[key]);
  });

  it('marks a translated item whose English quotes someone, field by field, and never an English one', () => {
    const key = 'fact/f-confirmed-elements';
    const shown = contentFor('ar', { ar: tableFor('ar') }).item(key, english[key]!);
    expect(shown).toMatchObject({ lang: 'ar', dir: 'rtl', fallback: false });
    expect(shown.quoted).toEqual(['text', 'confirmed']);
    expect(englishContent.item(key, english[key]!).quoted).toEqual([]);
  });
});

describe('splitSummary in Arabic and Hebrew', () => {
  it('ends the lead at the first full stop before any letter', () => {
    expect(splitSummary('في أغسطس 2025 نشرت الصحيفة تقريرًا. ثم أمرت مايكروسوفت بمراجعة.', 'ar')).toEqual({
      lead: 'في أغسطس 2025 نشرت الصحيفة تقريرًا.',
      rest: 'ثم أمرت مايكروسوفت بمراجعة.',
    });
    expect(splitSummary('באוגוסט 2025 דיווחו. מיקרוסופט הודיעה.', 'he').lead).toBe('באוגוסט 2025 דיווחו.');
  });
});

describe.each(['ar', 'he'] as const)('the card in %s', (lang) => {
  const missing = 'fact/f-call-storage';

  it('shows every translated item in the language, and the one untranslated fact in English, marked, as a whole', () => {
    const model = mountCard('unit-8200', contentFor(lang, { [lang]: tableFor(lang, [missing]) }));
    expect(q('#bs-headline')?.getAttribute('lang')).toBe(lang);
    expect(q('#bs-headline')?.textContent).toBe(`${WORD[lang]} story/${model.story.id} headline`);
    expect(q('#bs-name')?.textContent).toBe(`${WORD[lang]} entity/unit-8200 name`);
    expect(q('.kicker .in-en')).toBeNull();
    const facts = [...qa<HTMLElement>('.fact')];
    expect(facts.map((f) => f.dataset['fact'])).toContain('f-call-storage');
    for (const fact of facts) {
      const text = fact.querySelector(':scope > .text');
      const date = fact.querySelector(':scope > .meta > time');
      if (fact.dataset['fact'] === 'f-call-storage') {
        expect(fact.dataset['lang']).toBe('en');
        expect(text?.getAttribute('lang')).toBe('en');
        expect(text?.getAttribute('dir')).toBe('ltr');
        expect(text?.textContent).toContain(english[missing]?.['text']);
        expect(fact.querySelector(':scope > .meta > .in-en')?.textContent).toBe(translator(lang)('card_inEnglish'));
        expect(date?.textContent).toBe('6 Aug 2025');
      } else {
        expect(fact.dataset['lang'], fact.dataset['fact']).toBe(lang);
        expect(text?.getAttribute('lang')).toBe(lang);
        expect(text?.textContent).toContain(`${WORD[lang]} fact/${fact.dataset['fact'] ?? ''} text`);
        expect(fact.querySelector(':scope > .meta > .in-en')).toBeNull();
        expect(date?.getAttribute('lang')).toBe(lang);
        // A translated date label, or the ISO date formatted in the language (no English month).
        if (english[`fact/${fact.dataset['fact'] ?? ''}`]?.['dateLabel']) expect(date?.textContent).toContain(`${WORD[lang]} fact/`);
        else expect(date?.textContent).not.toMatch(/[A-Za-z]/);
      }
    }
    // Every reply is translated, so none is marked; their dates read in the language too.
    for (const reply of qa<HTMLElement>('.response')) {
      expect(reply.dataset['lang']).toBe(lang);
      expect(reply.querySelector('.in-en')).toBeNull();
    }
  });

  it('gives a translated quote a marker that opens the English original, and none to unquoted text', () => {
    mountCard('microsoft', contentFor(lang, { [lang]: tableFor(lang) }));
    const confirmed = q('.fact[data-fact="f-confirmed-elements"]');
    const original = confirmed?.querySelector(':scope > details.original');
    expect(original?.querySelector('summary')?.textContent).toBe(translator(lang)('card_quoteOriginal'));
    const texts = [...(original?.querySelectorAll('.original-text') ?? [])];
    expect(texts.map((p) => [p.getAttribute('lang'), p.getAttribute('dir')])).toEqual([
      ['en', 'ltr'],
      ['en', 'ltr'],
    ]);
    expect(texts[0]?.textContent).toBe(english['fact/f-confirmed-elements']?.['text']);
    const unquoted = [...qa('.fact')].filter((f) => !/[“”]/.test(english[`fact/${f.getAttribute('data-fact') ?? ''}`]?.['text'] ?? '“'));
    expect(unquoted.length).toBeGreaterThan(0);
    for (const fact of unquoted) expect(fact.querySelector(':scope > details.original')).toBeNull();
  });

  it('with no translation at all, marks the story, the name and every fact as English', () => {
    mountCard('azure', contentFor(lang, {}));
    expect(q('.kicker .in-en')?.textContent).toBe(translator(lang)('card_inEnglish'));
    expect(q('.entity .in-en')).not.toBeNull();
    const facts = [...qa('.fact')];
    for (const fact of facts) expect(fact.querySelector(':scope > .meta > .in-en'), fact.getAttribute('data-fact') ?? '').not.toBeNull();
    // An English item reads as one English sentence: its labels are English too.
    expect(q('.fact[data-fact="f-confirmed-elements"] .conf-label')?.textContent).toMatch(/^Confirmed by /);
    expect(q('details.original')).toBeNull();
  });
});

describe('the English card', () => {
  it('has no markers at all', () => {
    mountCard('microsoft', englishContent);
    expect(q('.in-en, details.original')).toBeNull();
    expect(q('#bs-headline')?.getAttribute('lang')).toBe('en');
  });
});

describe.each([
  ['ar', ar],
  ['he', he],
] as const)('the popup in %s', (lang, catalog) => {
  function mountPopup(content: Content) {
    const el = document.createElement('div');
    root = el;
    document.body.append(el);
    const ui = { t: translatorFor(catalog), lang, dir: 'rtl' as const };
    render(h(I18n.Provider, { value: ui }, h(ContentContext.Provider, { value: content }, h(Popup, { data: mockPopupData(), actions: mockActions() }))), el);
  }

  it('shows the story, facts and replies in the language, the quotes with their original', () => {
    mountPopup(contentFor(lang, { [lang]: tableFor(lang, ['response/r-imod-no-comment']) }));
    expect(q('#story-heading')?.getAttribute('lang')).toBe(lang);
    expect(q('.summary')?.textContent).toContain(`${WORD[lang]} story/`);
    const facts = [...qa<HTMLElement>('.fact')];
    expect(facts.length).toBeGreaterThan(5);
    for (const fact of facts) expect(fact.dataset['lang']).toBe(lang);
    const replies = [...qa<HTMLElement>('.reply')];
    const english = replies.filter((r) => r.dataset['lang'] === 'en');
    expect(english.length).toBeGreaterThan(0);
    for (const reply of english) {
      expect(reply.dataset['response']).toBe('r-imod-no-comment');
      expect(reply.querySelector('.in-en')?.textContent).toBe(translatorFor(catalog)('popup_inEnglish'));
      expect(reply.querySelector('.reply-by')?.textContent).toMatch(/^Response from /);
    }
    const original = q('.fact[data-fact="f-final-update"] > details.original');
    expect(original?.querySelector('summary')?.textContent).toBe(translatorFor(catalog)('popup_quoteOriginal'));
    expect(original?.querySelector('.original-text')?.getAttribute('lang')).toBe('en');
    // Source titles stay in their own language, their dates read in the popup's.
    const source = q('.source-list .source');
    expect(source?.getAttribute('lang')).toBe('en');
    expect(source?.querySelector('.date')?.getAttribute('lang')).toBe(lang);
  });
});
