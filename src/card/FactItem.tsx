/**
 * One fact: status, date (and when it became public), attributed text with source refs, what a
 * confirmation did and did not cover, and every reply that belongs beside it.
 */
import type { CardFact, CardResponse } from './model';
import { isolate, type Translate } from './i18n';
import { Refs } from './Refs';

export interface FactItemProps {
  item: CardFact;
  t: Translate;
  onJump: (n: number) => void;
  /** "Since" items show the date first; key facts lead with their status. Their replies start collapsed. */
  compact?: boolean;
}

function Reply({ r, t, onJump }: { r: CardResponse; t: Translate; onJump: (n: number) => void }) {
  return (
    <div class={`response party-${r.response.party}`}>
      <p class="party">
        <span>{t('card_responseBy', r.response.speaker)}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={r.iso} lang="en" dir="ltr">
          {r.dateText}
        </time>
      </p>
      <p class="text" lang="en" dir="ltr">
        {r.response.text} <Refs refs={r.refs} onJump={onJump} />
      </p>
    </div>
  );
}

export function FactItem({ item, t, onJump, compact = false }: FactItemProps) {
  const { fact, responses } = item;
  const confirmation = fact.confirmation;
  const count = responses.length === 1 ? t('card_replyOne') : t('card_replies', String(responses.length));
  // Where space is short (the "since" list) or the replies were just read above, they start folded,
  // but the count stays visible so a reader knows the other side is there.
  const folded = compact || item.repliesShownAbove;
  return (
    <li class="fact" data-fact={fact.id}>
      <p class="meta">
        {/* The status is a word, never only a colour (WCAG 1.4.1). */}
        {!compact && <span class={`status status-${fact.status}`}>{t(`card_status_${fact.status}`)}</span>}
        <time dateTime={item.iso} lang="en" dir="ltr">
          {item.dateText}
        </time>
        {item.reported && (
          <span class="reported">
            <span aria-hidden="true">· </span>
            {t('card_reported', isolate(item.reported.dateText))}
          </span>
        )}
      </p>
      <p class="text" lang="en" dir="ltr">
        {fact.text} <Refs refs={item.refs} onJump={onJump} />
      </p>
      {confirmation && (
        <div class="confirmation">
          <p>
            <span class="conf-label">{t('card_confirmedBy', isolate(confirmation.by))}</span>{' '}
            <span lang="en" dir="ltr">
              {confirmation.confirmed}
            </span>
          </p>
          {confirmation.notConfirmed && (
            <p>
              <span class="conf-label">{t('card_notConfirmed')}</span>{' '}
              <span lang="en" dir="ltr">
                {confirmation.notConfirmed}
              </span>
            </p>
          )}
        </div>
      )}
      {responses.length > 0 &&
        (folded ? (
          <details class="replies">
            <summary>{count}</summary>
            {responses.map((r) => (
              <Reply key={r.response.id} r={r} t={t} onJump={onJump} />
            ))}
          </details>
        ) : (
          responses.map((r) => <Reply key={r.response.id} r={r} t={t} onJump={onJump} />)
        ))}
    </li>
  );
}
