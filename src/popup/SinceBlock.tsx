/** "Since this article": what happened after the page's publication date, and where that date came from. */
import type { Story } from '../data/types';
import type { PublishedInfo } from '../shared/messages';
import { developmentsSince } from '../shared/since';
import { FactLine } from './FactLine';
import type { MessageKey } from './i18n';
import { formatCount, formatUiDate, useI18n } from './i18n';
import { repliesOf } from './model';

/** Which words describe where the content script found the date (see content/published-date.ts). */
export function dateSourceKey(from: string): MessageKey {
  if (from === 'json-ld') return 'popup_fromStructured';
  if (from === 'itemprop') return 'popup_fromMarkup';
  if (from === 'time') return 'popup_fromTime';
  if (from.startsWith('meta:') || from.startsWith('article:')) return 'popup_fromMetadata';
  return 'popup_fromPage';
}

const isModified = (from: string): boolean => /modified|updated/.test(from);

/** The newest developments shown at first; the earlier ones open below them. */
export const SINCE_SHOWN = 3;

export function SinceBlock({ story, published }: { story: Story; published: PublishedInfo }) {
  const { t, lang } = useI18n();
  const facts = developmentsSince(story, published.date);
  if (facts.length === 0) return null;
  const date = formatUiDate(published.date, lang);
  const where = t(dateSourceKey(published.from));
  return (
    <section class="since" aria-labelledby="since-heading">
      <h2 id="since-heading">{t('popup_since', date)}</h2>
      <p class="muted">{t(isModified(published.from) ? 'popup_updatedFrom' : 'popup_publishedFrom', date, where)}</p>
      <ul class="facts">
        {facts.slice(0, SINCE_SHOWN).map((fact) => (
          <FactLine key={fact.id} fact={fact} replies={repliesOf(story, fact)} />
        ))}
      </ul>
      {facts.length > SINCE_SHOWN && (
        // The earlier developments are often the turning points (Sep 2025 for an Aug 2025 article).
        <details class="since-more">
          <summary>{t('popup_sinceMore', formatCount(facts.length - SINCE_SHOWN, lang))}</summary>
          <ul class="facts">
            {facts.slice(SINCE_SHOWN).map((fact) => (
              <FactLine key={fact.id} fact={fact} replies={repliesOf(story, fact)} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
