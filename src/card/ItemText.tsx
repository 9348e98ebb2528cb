/**
 * How one dataset item declares its language on the card: `lang`/`dir` on its text, a small marker when it
 * shows in English on a card in another language, and, for a translated quotation, a marker that opens
 * the English original (a translated quote is not what the person said).
 */
import type { Localized } from '../data/content';
import { translator, type Translate } from './i18n';

const english = translator('en');

/** `lang` and `dir` for an element holding the item's text. */
export const langOf = (view: Localized<string>): { lang: string; dir: 'ltr' | 'rtl' } => ({ lang: view.lang, dir: view.dir });

/**
 * The labels around an item's own words ("Response from …", "Confirmed by …:") in the item's language, so
 * an item shown in English reads as one English sentence, not an Arabic label around an English name.
 */
export const itemT = (view: Localized<string>, t: Translate): Translate => (view.fallback ? english : t);

/** "In English", in the card's language, beside an item that has no translation yet. */
export function EnglishMark({ view, t }: { view: Localized<string>; t: Translate }) {
  if (!view.fallback) return null;
  return <span class="in-en">{t('card_inEnglish')}</span>;
}

/** The English original of a translated quotation, one step away; keyboard-reachable as a <summary>. */
export function QuoteOriginal<F extends string>({ view, t }: { view: Localized<F>; t: Translate }) {
  if (view.quoted.length === 0) return null;
  return (
    <details class="original">
      <summary>{t('card_quoteOriginal')}</summary>
      {view.quoted.map((field) => (
        <p key={field} class="original-text" lang="en" dir="ltr">
          {view.english[field]}
        </p>
      ))}
    </details>
  );
}
