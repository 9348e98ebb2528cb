/** This page's mentions per name, each with "Show". */
import type { Entity, EntityId } from '../data/types';
import type { MentionCounts } from '../shared/messages';
import type { PopupActions } from './model';
import { formatCount, useI18n } from './i18n';
import { langOf, useContent } from './content';

interface Props {
  entities: readonly Entity[];
  counts: MentionCounts;
  /** Only the first mention of each name is marked: the automatic mode found the page not about the story. */
  firstOnly: boolean;
  actions: PopupActions;
}

export function MentionList({ entities, counts, firstOnly, actions }: Props) {
  const { t, lang } = useI18n();
  const content = useContent();
  // The names as the popup's language writes them ("الوحدة 8200"), when translated.
  const nameOf = (entity: Entity) => content.item<'name'>(`entity/${entity.id}`, { name: entity.name });
  const present = entities.filter((e) => (counts[e.id] ?? 0) > 0);
  return (
    <section class="mentions" aria-labelledby="mentions-heading">
      <h2 id="mentions-heading">{t('popup_mentions')}</h2>
      {present.length === 0 ? (
        <p class="muted">{t('popup_noMentions')}</p>
      ) : (
        <ul class="mention-list">
          {present.map((entity) => (
            <li key={entity.id} class="mention" data-entity={entity.id}>
              <span class="mention-name" {...langOf(nameOf(entity))}>
                {nameOf(entity).text.name}
              </span>
              {/* A bare number is read as "3" with no meaning: the label says what it counts. */}
              <span class="count" data-count={String(counts[entity.id as EntityId])}>
                {formatCount(counts[entity.id], lang)}
                <span class="sr-only"> {t('popup_countLabel')}</span>
              </span>
              <button
                type="button"
                class="show"
                aria-label={t('popup_showName', nameOf(entity).text.name ?? entity.name)}
                onClick={() => actions.showMention(entity.id)}
              >
                {t('popup_show')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {present.length > 0 && firstOnly && <p class="muted first-only">{t('popup_firstOnly')}</p>}
      {/* The keyboard route to the marks, which are not focusable page elements. */}
      {present.length > 0 && <p class="muted keys-hint">{t('popup_keysHint', 'Alt+Shift+N', 'Alt+Shift+P')}</p>}
    </section>
  );
}
