/**
 * The card: a non-modal dialog about one entity and its story. Pure view of (model, actions); the host
 * (src/content/card-host.ts) positions it and owns focus and lifetime.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_SINCE, type CardModel } from './model';
import type { CardLocale, Translate } from './i18n';
import { formatIsoDate } from '../shared/since';
import { FactItem } from './FactItem';
import { SourceList } from './SourceList';

export interface CardProps {
  model: CardModel;
  t: Translate;
  locale: CardLocale;
  dir: 'ltr' | 'rtl';
  theme: 'light' | 'dark';
  /** ISO date of the page, when known, for the "Since this article" heading. */
  publishedDate: string | null;
  onClose: () => void;
  onHideSite: () => void;
}

export function Card({ model, t, locale, dir, theme, publishedDate, onClose, onHideSite }: CardProps) {
  const [expanded, setExpanded] = useState(false);
  const [allSince, setAllSince] = useState(false);
  const sourcesRef = useRef<HTMLOListElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  // The button sits in the footer and the summary near the top: bring the summary into view on expand.
  useEffect(() => {
    if (expanded) summaryRef.current?.scrollIntoView({ block: 'nearest' });
  }, [expanded]);
  const { entity, story } = model;
  // UI dates ("As of", "Since") read in the UI language; content dates stay in the dataset's English.
  const uiDate = (iso: string) => formatIsoDate(iso, locale === 'en' ? 'en-GB' : locale);

  const jumpToSource = (n: number) => {
    const item = sourcesRef.current?.querySelector<HTMLElement>(`[data-n="${String(n)}"]`);
    if (!item) return;
    item.scrollIntoView({ block: 'nearest' });
    item.focus({ preventScroll: true });
  };

  return (
    <div
      class="card"
      data-theme={theme}
      role="dialog"
      aria-labelledby="bs-name"
      aria-describedby="bs-desc"
      dir={dir}
      lang={locale}
      tabIndex={-1}
    >
      <header class="head">
        <div class="titles" lang="en" dir="ltr">
          <h2 id="bs-name" class="name">
            {entity.name}
          </h2>
          <p id="bs-desc" class="desc">
            {entity.description}
          </p>
        </div>
        <button type="button" class="close" aria-label={t('card_close')} title={t('card_close')} onClick={onClose}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M4 4l8 8M12 4l-8 8" />
          </svg>
        </button>
      </header>

      <div class="body">
        {model.since.length > 0 && publishedDate && (
          <section class="since" aria-labelledby="bs-since">
            <h3 id="bs-since">{t('card_since', uiDate(publishedDate))}</h3>
            <ol class="facts" id="bs-since-list">
              {(allSince ? model.since : model.since.slice(0, MAX_SINCE)).map((item) => (
                <FactItem key={item.fact.id} item={item} t={t} onJump={jumpToSource} compact />
              ))}
            </ol>
            {model.since.length > MAX_SINCE && (
              // The newest come first; the earlier ones (often the turning points) are one click away.
              <button
                type="button"
                class="link"
                aria-expanded={allSince}
                aria-controls="bs-since-list"
                onClick={() => setAllSince(!allSince)}
              >
                {allSince ? t('card_sinceFewer') : t('card_sinceMore', String(model.since.length - MAX_SINCE))}
              </button>
            )}
          </section>
        )}

        <section class="story" aria-labelledby="bs-story">
          <h3 id="bs-story">{t('card_storyLabel')}</h3>
          <p class="headline" lang="en" dir="ltr">
            {story.headline}
          </p>
          {/* Always rendered (hidden when collapsed) so the More button's aria-controls has a target. */}
          <p id="bs-summary" class="summary" lang="en" dir="ltr" hidden={!expanded} ref={summaryRef}>
            {story.summary}
          </p>
        </section>

        <section aria-labelledby="bs-facts">
          <h3 id="bs-facts">{t('card_keyFacts')}</h3>
          <ol class="facts">
            {model.facts.map((item) => (
              <FactItem key={item.fact.id} item={item} t={t} onJump={jumpToSource} />
            ))}
          </ol>
        </section>

        <section aria-labelledby="bs-sources">
          <h3 id="bs-sources">{t('card_sources')}</h3>
          <SourceList sources={model.sources} t={t} headingId="bs-sources" listRef={sourcesRef} />
        </section>
      </div>

      <footer class="foot">
        <p class="asof">{t('card_asOf', uiDate(model.asOfIso))}</p>
        <div class="actions">
          <button type="button" class="btn" onClick={onHideSite}>
            {t('card_hideOnSite')}
          </button>
          <button
            type="button"
            class="btn btn-primary"
            aria-expanded={expanded}
            aria-controls="bs-summary"
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? t('card_less') : t('card_more')}
          </button>
        </div>
      </footer>
    </div>
  );
}
