/** Options: how many marks the reader dismissed ("Not about this story"), and "Clear all dismissed marks". */
import { formatCount, useI18n } from '../popup/i18n';

/** `count` null: the dismissed marks could not be read, so nothing is offered. */
export function DismissedSection({ count, onClear }: { count: number | null; onClear: () => void }) {
  const { t, lang } = useI18n();
  if (count === null) return null;
  return (
    <section class="card" aria-labelledby="dismissed-heading">
      <h2 id="dismissed-heading">{t('options_dismissed')}</h2>
      <p class="muted" data-count={String(count)}>
        {count === 0 ? t('options_dismissedNone') : t('options_dismissedCount', formatCount(count, lang))}
      </p>
      {count > 0 && (
        <button type="button" class="clear-dismissed" onClick={onClear}>
          {t('options_clearDismissed', formatCount(count, lang))}
        </button>
      )}
    </section>
  );
}
