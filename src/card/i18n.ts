/**
 * The card's UI strings. They follow the page's language where we have it (an Arabic page gets an
 * Arabic, right-to-left card frame), else the browser's, else English. `browser.i18n.getMessage` only
 * knows the browser's language, so the card's few strings are bundled for all three locales; the
 * same files also feed `_locales/<lang>/messages.json` through the build.
 */
import en from './locales/en.json';
import ar from './locales/ar.json';
import he from './locales/he.json';

export type CardMessageKey = keyof typeof en;
export type CardLocale = 'en' | 'ar' | 'he';
export type Translate = (key: CardMessageKey, ...subs: string[]) => string;

interface ChromeMessage {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

const CATALOGS: Record<CardLocale, Record<string, ChromeMessage>> = { en, ar, he };
const RTL: ReadonlySet<CardLocale> = new Set(['ar', 'he']);

/**
 * A BCP 47 tag's primary subtag, lower-cased: two to eight letters at the start (after spaces a page may
 * leave), then the end, a hyphen, an underscore (a common CMS slip: "ar_EG") or a space. Only the first
 * characters are read, so a page's 10,000-character `lang` costs nothing and names no language.
 */
const PRIMARY_SUBTAG = /^\s*([A-Za-z]{2,8})(?=$|[-_\s])/;

/**
 * The first supported locale among `candidates` (BCP 47 tags such as "he-IL", compared case-insensitively by
 * their primary subtag), else English. A tag that names no supported language, or none at all ("x-klingon",
 * "", "und"), passes to the next candidate.
 */
export function pickLocale(candidates: readonly (string | null | undefined)[]): CardLocale {
  for (const tag of candidates) {
    const primary = tag ? PRIMARY_SUBTAG.exec(tag.slice(0, 16))?.[1]?.toLowerCase() : undefined;
    // "iw" is the legacy code for Hebrew that some CMSs still emit.
    const lang = primary === 'iw' ? 'he' : primary;
    if (lang === 'en' || lang === 'ar' || lang === 'he') return lang;
  }
  return 'en';
}

export function localeDir(locale: CardLocale): 'rtl' | 'ltr' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** Chrome's messages.json semantics: `$NAME$` → its placeholder's `content`, `$1`… → substitutions. */
export function formatMessage(entry: ChromeMessage | undefined, subs: readonly string[]): string {
  if (!entry) return '';
  const withPlaceholders = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? placeholder.content : whole;
  });
  return withPlaceholders.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

export function translator(locale: CardLocale): Translate {
  const catalog = CATALOGS[locale];
  return (key, ...subs) => formatMessage(catalog[key] ?? CATALOGS.en[key], subs);
}

/**
 * An English name or date inside a translated label, in Unicode isolates (FSI … PDI), so that it does not
 * reorder the words around it in a right-to-left label (card and popup).
 */
export const isolate = (s: string): string => `\u2068${s}\u2069`;
