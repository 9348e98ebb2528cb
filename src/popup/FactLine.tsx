/**
 * One fact: status label, date (and when it became public), text, what a confirmation covered and
 * did not, and its replies folded under their count. Dataset text is English, so it is marked `lang="en"`.
 */
import type { Fact, StoryResponse } from '../data/types';
import { isolate } from '../card/i18n';
import { formatIsoDate } from '../shared/since';
import type { MessageKey } from './i18n';
import { formatCount, useI18n } from './i18n';

function Reply({ reply }: { reply: StoryResponse }) {
  const { t } = useI18n();
  return (
    <li class={`reply party-${reply.party}`} data-response={reply.id}>
      <span class="fact-meta">
        <span class="reply-by">{t('popup_responseBy', reply.speaker)}</span>
        <span class="date" lang="en" dir="ltr">
          {reply.dateLabel ?? formatIsoDate(reply.date)}
        </span>
      </span>
      <span class="fact-text" lang="en" dir="ltr">
        {reply.text}
      </span>
    </li>
  );
}

export function FactLine({ fact, replies }: { fact: Fact; replies: readonly StoryResponse[] }) {
  const { t, lang } = useI18n();
  const confirmation = fact.confirmation;
  const count = replies.length === 1 ? t('popup_replyOne') : t('popup_replies', formatCount(replies.length, lang));
  return (
    <li class="fact" data-fact={fact.id}>
      <span class="fact-meta">
        <span class={`status status-${fact.status}`}>{t(`ui_status_${fact.status}` as MessageKey)}</span>
        <span class="date" lang="en" dir="ltr">
          {fact.dateLabel ?? formatIsoDate(fact.date)}
        </span>
        {fact.reportedDate && fact.reportedDate !== fact.date && (
          <span class="date reported">
            <span aria-hidden="true">· </span>
            {t('popup_reported', isolate(formatIsoDate(fact.reportedDate)))}
          </span>
        )}
      </span>
      <span class="fact-text" lang="en" dir="ltr">
        {fact.text}
      </span>
      {confirmation && (
        <span class="confirmation">
          <span>
            <span class="conf-label">{t('popup_confirmedBy', isolate(confirmation.by))}</span>{' '}
            <span lang="en" dir="ltr">{confirmation.confirmed}</span>
          </span>
          {confirmation.notConfirmed && (
            <span>
              <span class="conf-label">{t('popup_notConfirmed')}</span>{' '}
              <span lang="en" dir="ltr">{confirmation.notConfirmed}</span>
            </span>
          )}
        </span>
      )}
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
