/**
 * UI strings of the popup and the options page. In the extension they come from
 * `browser.i18n.getMessage` (the browser's UI language); tests and screenshots of the pure views
 * use the same messages files through `translatorFor`.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type en from '../shared/locales/en.json';
import { formatMessage } from '../card/i18n';

export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, ...subs: string[]) => string;

export interface UiLocale {
  t: Translate;
  /** BCP 47 tag of the UI language, e.g. "ar". */
  lang: string;
  dir: 'ltr' | 'rtl';
}

type Catalog = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** A translator over one messages.json-shaped catalog, with Chrome's placeholder rules. */
export function translatorFor(catalog: Catalog): Translate {
  return (key, ...subs) => formatMessage(catalog[key], subs);
}

export const I18n = createContext<UiLocale>({ t: (key) => key, lang: 'en', dir: 'ltr' });

export const useI18n = (): UiLocale => useContext(I18n);

/** A number in the UI language's digits (Arabic UIs may use Arabic-Indic digits). */
export function formatCount(n: number, lang: string): string {
  try {
    return new Intl.NumberFormat(lang).format(n);
  } catch {
    return String(n);
  }
}

// One rule for UI dates in the card and here (shared/since.ts).
export { formatUiDate } from '../shared/since';
