/**
 * One fact: status label, date (and when it became public), text, what a confirmation covered and
 * did not, and its replies folded under their count. Each fact and reply is shown in the popup's language
 * when translated, else in English as a whole item (`lang="en"`, marked).
 */
import type { Fact, StoryResponse } from '../data/types';
import type { Localized } from '../data/content';
import { formatMessage, isolate } from '../card/i18n';
// Named imports: the bundle keeps these four English messages, not the card's catalogs.
import { card_confirmedBy, card_notConfirmed, card_reported, card_responseBy } from '../card/locales/en.json';
import type { MessageKey } from './i18n';
import { formatCount, useI18n } from './i18n';
import { EnglishMark, QuoteOriginal, langOf, useContent } from './content';

/** Labels around an item's own words, for an item shown in English: one English sentence, not a mix. */
const ENGLISH = { card_confirmedBy, card_notConfirmed, card_reported, card_responseBy };
const english = (key: keyof typeof ENGLISH, ...subs: string[]): string => formatMessage(ENGLISH[key], subs);

function Reply({ reply }: { reply: StoryResponse }) {
  const { t } = useI18n();
  const content = useContent();
  const view = content.item<'speaker' | 'text' | 'dateLabel'>(`response/${reply.id}`, {
    speaker: reply.speaker,
    text: reply.text,
    dateLabel: reply.dateLabel,
  });
  const speaker = view.text.speaker ?? reply.speaker;
  return (
    <li class={`reply party-${reply.party}`} data-response={reply.id} data-lang={view.lang}>
      <span class="fact-meta">
        <span class="reply-by" {...langOf(view)}>
          {view.fallback ? english('card_responseBy', speaker) : t('popup_responseBy', speaker)}
        </span>
        <span class="date" {...langOf(view)}>
          {view.text.dateLabel ?? content.date(reply.date, view.lang)}
        </span>
        <EnglishMark view={view} />
      </span>
      <span class="fact-text" {...langOf(view)}>
        {view.text.text}
      </span>
      <QuoteOriginal view={view} />
    </li>
  );
}

type FactField = 'text' | 'dateLabel' | 'confirmedBy' | 'confirmed' | 'notConfirmed';

function Confirmation({ view }: { view: Localized<FactField> }) {
  const { t } = useI18n();
  const by = isolate(view.text.confirmedBy ?? '');
  return (
    <span class="confirmation" {...langOf(view)}>
      <span>
        <span class="conf-label">{view.fallback ? english('card_confirmedBy', by) : t('popup_confirmedBy', by)}</span>{' '}
        <span>{view.text.confirmed}</span>
      </span>
      {view.text.notConfirmed && (
        <span>
          <span class="conf-label">{view.fallback ? english('card_notConfirmed') : t('popup_notConfirmed')}</span>{' '}
          <span>{view.text.notConfirmed}</span>
        </span>
      )}
    </span>
  );
}

export function FactLine({ fact, replies }: { fact: Fact; replies: readonly StoryResponse[] }) {
  const { t, lang } = useI18n();
  const content = useContent();
  const view = content.item<FactField>(`fact/${fact.id}`, {
    text: fact.text,
    dateLabel: fact.dateLabel,
    confirmedBy: fact.confirmation?.by,
    confirmed: fact.confirmation?.confirmed,
    notConfirmed: fact.confirmation?.notConfirmed,
  });
  const count = replies.length === 1 ? t('popup_replyOne') : t('popup_replies', formatCount(replies.length, lang));
  const reported = fact.reportedDate && fact.reportedDate !== fact.date ? isolate(content.date(fact.reportedDate, view.lang)) : null;
  return (
    <li class="fact" data-fact={fact.id} data-lang={view.lang}>
      <span class="fact-meta">
        <span class={`status status-${fact.status}`}>{t(`ui_status_${fact.status}` as MessageKey)}</span>
        <span class="date" {...langOf(view)}>
          {view.text.dateLabel ?? content.date(fact.date, view.lang)}
        </span>
        {reported && (
          <span class="date reported" {...langOf(view)}>
            <span aria-hidden="true">· </span>
            {view.fallback ? english('card_reported', reported) : t('popup_reported', reported)}
          </span>
        )}
        <EnglishMark view={view} />
      </span>
      <span class="fact-text" {...langOf(view)}>
        {view.text.text}
      </span>
      {fact.confirmation && <Confirmation view={view} />}
      <QuoteOriginal view={view} />
      {replies.length > 0 && (
        // Folded (the popup is narrow), with the count in view so the other side is never hidden.
        <details class="replies">
          <summary>{count}</summary>
          <ul class="reply-list">
            {replies.map((reply) => (
              <Reply key={reply.id} reply={reply} />
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}
