/**
 * What a numbered reference ("[3]") is called for assistive technology: its publisher and date, not
 * "Source 3" (which source?). The card provides the labels; Refs reads them without every component
 * between them passing a prop along.
 */
import { createContext } from 'preact';
import type { NumberedSource } from './model';
import type { Translate } from './i18n';

export type SourceLabel = (n: number) => string;

export const SourceLabels = createContext<SourceLabel | null>(null);

export function sourceLabels(sources: readonly NumberedSource[], t: Translate): SourceLabel {
  const byNumber = new Map(sources.map((s) => [s.n, s]));
  return (n) => {
    const s = byNumber.get(n);
    return s ? t('card_sourceRef', s.source.publisher, s.dateText, String(n)) : String(n);
  };
}

/** The first sentence of a summary: the card's one-line summary (the rest opens below it on request). */
export function splitSummary(summary: string, lang = 'en'): { lead: string; rest: string } {
  // A sentence ends at ". " before a capital or a digit; "U.S. Army" style abbreviations have no space after the first dot.
  // Arabic and Hebrew have no capitals: there a sentence ends at ". " (or the Arabic "؟ ") before any letter, digit or quote.
  const end = lang === 'en' ? /^(.+?[.!?])\s+(?=[A-Z0-9"“‘'])/u : /^(.+?[.!?؟])\s+(?=[\p{L}\p{N}"“«„])/u;
  const match = end.exec(summary);
  if (!match?.[1]) return { lead: summary, rest: '' };
  return { lead: match[1], rest: summary.slice(match[0].length) };
}
