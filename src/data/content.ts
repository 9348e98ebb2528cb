/**
 * The dataset's text in the reader's language, one whole item at a time: an item is shown translated when
 * its translation shipped (complete and current, see translation-check.ts), else in English as a whole,
 * never a translated field beside an English one. Pure; the card and the popup share it.
 */
import { formatIsoDate } from '../shared/since';
import type { TranslatedLang, TranslationTable } from './translation-items';
import { translations } from './translations';

export type ContentLang = 'en' | TranslatedLang;

export interface Localized<F extends string> {
  /** The language the item is shown in. */
  lang: ContentLang;
  dir: 'ltr' | 'rtl';
  /** The reader's language is not English, but this item has no translation: it shows in English, marked. */
  fallback: boolean;
  /**
   * Shown translated, the fields whose English quotes someone: a translated quote is not what the person
   * said, so it is marked and its original offered. Empty when shown in English.
   */
  quoted: F[];
  /** What to show, per field. */
  text: Partial<Record<F, string>>;
  /** The English fields, for the "original" disclosure. */
  english: Partial<Record<F, string>>;
}

export interface Content {
  lang: ContentLang;
  item<F extends string>(key: string, english: Partial<Record<F, string | undefined>>): Localized<F>;
  /** An ISO date in `lang` (see contentDate). */
  date(iso: string, lang?: ContentLang): string;
}

const dirOf = (lang: ContentLang): 'ltr' | 'rtl' => (lang === 'en' ? 'ltr' : 'rtl');

/** Quoted spans: “…”, «…», „…“ and "…". Apostrophes and single quotes are not quotation marks here. */
const QUOTED = /“[^”]*”|«[^»]*»|„[^“”]*[“”]|"[^"]*"/gu;

export function quotedSpans(text: string): string[] {
  return text.match(QUOTED) ?? [];
}

/**
 * A dataset date in the content language. Arabic and Hebrew use Western digits ('latn') on purpose: the
 * translations write "8200", "70%" and years in Western digits, so a date beside them reads the same way
 * whatever the browser's default numbering for "ar" is (Chromium and Node differ). English stays en-GB
 * (day month year), as before.
 */
export function contentDate(iso: string, lang: ContentLang): string {
  return formatIsoDate(iso, lang === 'en' ? 'en-GB' : `${lang}-u-nu-latn`);
}

export function contentFor(lang: ContentLang, table: TranslationTable = translations): Content {
  const items = lang === 'en' ? undefined : table[lang];
  return {
    lang,
    date: (iso, as = lang) => contentDate(iso, as),
    item<F extends string>(key: string, source: Partial<Record<F, string | undefined>>): Localized<F> {
      const english: Partial<Record<F, string>> = {};
      for (const [field, value] of Object.entries(source) as [F, string | undefined][]) if (value) english[field] = value;
      const fields = Object.keys(english) as F[];
      const translated = items?.[key];
      // Whole items only: one English field left untranslated shows the whole item in English.
      if (lang === 'en' || !translated || fields.some((field) => !translated[field])) {
        return { lang: 'en', dir: 'ltr', fallback: lang !== 'en', quoted: [], text: english, english };
      }
      const text: Partial<Record<F, string>> = {};
      for (const field of fields) text[field] = translated[field];
      const quoted = fields.filter((field) => quotedSpans(english[field] ?? '').length > 0);
      return { lang, dir: dirOf(lang), fallback: false, quoted, text, english };
    },
  };
}

/** English content: what every view shows unless told the reader's language. */
export const englishContent: Content = contentFor('en', {});
