/**
 * The story's text in the popup's language (the browser's UI language): one Content for the whole popup,
 * and the markers of ItemText.tsx for the popup (an item still in English; a translated quote's original).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { englishContent, type Content, type Localized } from '../data/content';
import { useI18n } from './i18n';

/** English unless the entry point provides the reader's language (tests render English by default). */
export const ContentContext = createContext<Content>(englishContent);

export const useContent = (): Content => useContext(ContentContext);

/** `lang` and `dir` for an element holding the item's text. */
export const langOf = (view: Localized<string>): { lang: string; dir: 'ltr' | 'rtl' } => ({ lang: view.lang, dir: view.dir });

/** "In English", in the popup's language, beside an item that has no translation yet. */
export function EnglishMark({ view }: { view: Localized<string> }) {
  const { t } = useI18n();
  if (!view.fallback) return null;
  return <span class="in-en">{t('popup_inEnglish')}</span>;
}

/** The English original of a translated quotation, one step away. */
export function QuoteOriginal<F extends string>({ view }: { view: Localized<F> }) {
  const { t } = useI18n();
  if (view.quoted.length === 0) return null;
  return (
    <details class="original">
      <summary>{t('popup_quoteOriginal')}</summary>
      {view.quoted.map((field) => (
        <span key={field} class="original-text" lang="en" dir="ltr">
          {view.english[field]}
        </span>
      ))}
    </details>
  );
}
