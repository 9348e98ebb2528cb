/** One fact: status label, date, text (dataset text is English, so it is marked `lang="en"`). */
import type { Fact } from '../data/types';
import { formatIsoDate } from '../shared/since';
import type { MessageKey } from './i18n';
import { useI18n } from './i18n';

export function FactLine({ fact }: { fact: Fact }) {
  const { t } = useI18n();
  return (
    <li class="fact" data-fact={fact.id}>
      <span class="fact-meta">
        <span class={`status status-${fact.status}`}>{t(`ui_status_${fact.status}` as MessageKey)}</span>
        <span class="date" lang="en" dir="ltr">
          {fact.dateLabel ?? formatIsoDate(fact.date)}
        </span>
      </span>
      <span class="fact-text" lang="en" dir="ltr">
        {fact.text}
      </span>
    </li>
  );
}
