/** The numbered source list. Links open a new tab without giving the target a handle on this page. */
import type { Ref } from 'preact';
import type { NumberedSource } from './model';
import type { Translate } from './i18n';
import { sourceTitle } from '../data/source-title';

export interface SourceListProps {
  sources: readonly NumberedSource[];
  t: Translate;
  headingId: string;
  listRef: Ref<HTMLOListElement>;
}

export function SourceList({ sources, t, headingId, listRef }: SourceListProps) {
  return (
    <ol class="sources" aria-labelledby={headingId} ref={listRef}>
      {sources.map(({ n, source, dateText, iso, dateLang }) => {
        const title = sourceTitle(source.title);
        const titleClass = title.described ? 'title described' : 'title';
        return (
        // tabIndex -1: a reference button moves focus here so screen readers land on the entry.
        <li key={source.id} class="source" data-n={n} tabIndex={-1}>
          <span class="n" aria-hidden="true">
            {n}
          </span>
          <span class="source-body" lang={source.lang ?? 'en'} dir="auto">
            <span class="publisher">{source.publisher}</span>
            {source.url ? (
              <a href={source.url} target="_blank" rel="noopener noreferrer" class={titleClass}>
                {title.text}
                <span class="sr-only"> {t('card_newTab')}</span>
              </a>
            ) : (
              <span class={titleClass}>{title.text}</span>
            )}
            {/* Publisher and title stay in the source's language; the date reads in the card's content language. */}
            <time dateTime={iso} class="date" lang={dateLang} dir={dateLang === 'en' ? 'ltr' : 'rtl'}>
              {dateText}
            </time>
          </span>
        </li>
        );
      })}
    </ol>
  );
}
