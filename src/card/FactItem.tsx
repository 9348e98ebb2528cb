/**
 * One fact: status, date (and when it became public), attributed text with source refs, what a
 * confirmation did and did not cover, and every reply that belongs beside it.
 */
import type { CardFact, CardResponse } from './model';
import { isolate, type Translate } from './i18n';
import { Refs } from './Refs';
import { EnglishMark, QuoteOriginal, itemT, langOf } from './ItemText';

export interface FactItemProps {
  item: CardFact;
  t: Translate;
  onJump: (n: number) => void;
  /** "Since" items show the date first; key facts lead with their status. Their replies start collapsed. */
  compact?: boolean;
}

function Reply({ r, t, onJump }: { r: CardResponse; t: Translate; onJump: (n: number) => void }) {
  const { view } = r;
  return (
    <div class={`response party-${r.response.party}`} data-response={r.response.id} data-lang={view.lang}>
      <p class="party">
        <span {...langOf(view)}>{itemT(view, t)('card_responseBy', view.text.speaker ?? '')}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={r.iso} {...langOf(view)}>
          {r.dateText}
        </time>
        <EnglishMark view={view} t={t} />
      </p>
      <p class="text" {...langOf(view)}>
        {view.text.text} <Refs refs={r.refs} onJump={onJump} />
      </p>
      <QuoteOriginal view={view} t={t} />
    </div>
  );
}

export function FactItem({ item, t, onJump, compact = false }: FactItemProps) {
  const { fact, responses, view } = item;
  const confirmation = fact.confirmation;
  const it = itemT(view, t);
  const count = responses.length === 1 ? t('card_replyOne') : t('card_replies', String(responses.length));
  // Where space is short (the "since" list) or the replies were just read above, they start folded,
  // but the count stays visible so a reader knows the other side is there.
  const folded = compact || item.repliesShownAbove;
  return (
    <li class="fact" data-fact={fact.id} data-lang={view.lang}>
      <p class="meta">
        {/* The status is a word, never only a colour (WCAG 1.4.1). */}
        {!compact && <span class={`status status-${fact.status}`}>{t(`card_status_${fact.status}`)}</span>}
        <time dateTime={item.iso} {...langOf(view)}>
          {item.dateText}
        </time>
        {item.reported && (
          <span class="reported" {...langOf(view)}>
            <span aria-hidden="true">· </span>
            {it('card_reported', isolate(item.reported.dateText))}
          </span>
        )}
        <EnglishMark view={view} t={t} />
      </p>
      <p class="text" {...langOf(view)}>
        {view.text.text} <Refs refs={item.refs} onJump={onJump} />
      </p>
      {confirmation && (
        <div class="confirmation" {...langOf(view)}>
          <p>
            <span class="conf-label">{it('card_confirmedBy', isolate(view.text.confirmedBy ?? confirmation.by))}</span>{' '}
            <span>{view.text.confirmed}</span>
          </p>
          {view.text.notConfirmed && (
            <p>
              <span class="conf-label">{it('card_notConfirmed')}</span> <span>{view.text.notConfirmed}</span>
            </p>
          )}
        </div>
      )}
      <QuoteOriginal view={view} t={t} />
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
