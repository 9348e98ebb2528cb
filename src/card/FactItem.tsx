/** One fact: status, date, attributed text with source refs, and the responses that answer it. */
import type { CardFact } from './model';
import type { Translate } from './i18n';
import { Refs } from './Refs';

export interface FactItemProps {
  item: CardFact;
  t: Translate;
  onJump: (n: number) => void;
  /** "Since" items show the date first; key facts lead with their status. */
  compact?: boolean;
}

export function FactItem({ item, t, onJump, compact = false }: FactItemProps) {
  const { fact } = item;
  return (
    <li class="fact">
      <p class="meta">
        {/* The status is a word, never only a colour (WCAG 1.4.1). */}
        {!compact && <span class={`status status-${fact.status}`}>{t(`card_status_${fact.status}`)}</span>}
        <time dateTime={item.iso} lang="en" dir="ltr">
          {item.dateText}
        </time>
      </p>
      <p class="text" lang="en" dir="ltr">
        {fact.text} <Refs refs={item.refs} t={t} onJump={onJump} />
      </p>
      {item.responses.map((r) => (
        <div key={r.response.id} class={`response party-${r.response.party}`}>
          <p class="party">
            <span>{t('card_responseBy', r.response.speaker)}</span>
            <span aria-hidden="true"> · </span>
            <time dateTime={r.iso} lang="en" dir="ltr">
              {r.dateText}
            </time>
          </p>
          <p class="text" lang="en" dir="ltr">
            {r.response.text} <Refs refs={r.refs} t={t} onJump={onJump} />
          </p>
        </div>
      ))}
    </li>
  );
}
