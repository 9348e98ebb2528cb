/**
 * "Dismissed on this site": the marks the reader said were not about the story, each with its name,
 * when, and Undo (which brings the mark back in every tab of the site). The sentence shows only when
 * the open page has it: it is read from the live page each time, never stored.
 */
import type { PopupActions } from './model';
import type { DismissedItem } from './dismissed-view';
import { formatUiDate, useI18n } from './i18n';

export function DismissedList({ items, actions }: { items: readonly DismissedItem[]; actions: PopupActions }) {
  const { t, lang } = useI18n();
  if (items.length === 0) return null;
  return (
    <section class="dismissed" aria-labelledby="dismissed-heading">
      <h2 id="dismissed-heading">{t('popup_dismissed')}</h2>
      <ul class="dismissed-list">
        {items.map((item) => (
          <li key={`${item.entity}:${item.hash}`} class="dismissed-item" data-entity={item.entity}>
            <span class="dismissed-name" lang="en">
              {item.name}
            </span>{' '}
            <span class="muted dismissed-when">
              {t('popup_dismissedOn', formatUiDate(new Date(item.at).toISOString().slice(0, 10), lang))}
            </span>
            {item.sentence !== null && (
              <q class="dismissed-sentence" dir="auto">
                {item.sentence}
              </q>
            )}
            <button
              type="button"
              class="undo-dismissed"
              aria-label={t('popup_dismissedUndoName', item.name)}
              onClick={() => actions.undoDismissed(item.entity, item.hash)}
            >
              {t('popup_dismissedUndo')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
