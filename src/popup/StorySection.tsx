/** The story: headline, summary, key facts, a collapsible timeline and the sources. */
import { sourceTitle } from '../data/source-title';
import type { Source, Story } from '../data/types';
import { formatIsoDate } from '../shared/since';
import { FactLine } from './FactLine';
import { formatCount, useI18n } from './i18n';
import { citedSourceIds, repliesOf } from './model';

interface Props {
  story: Story;
  sources: ReadonlyMap<string, Source>;
}

function SourceItem({ source }: { source: Source }) {
  const { t } = useI18n();
  const date = source.dateLabel ?? formatIsoDate(source.date);
  const title = sourceTitle(source.title);
  const titleClass = title.described ? 'described' : undefined;
  return (
    <li class="source" data-source={source.id} lang={source.lang ?? 'en'} dir="auto">
      <span class="publisher">{source.publisher}</span>{' '}
      {source.url ? (
        <a href={source.url} target="_blank" rel="noopener noreferrer" class={titleClass}>
          {title.text}
          <span class="sr-only"> {t('ui_newTab')}</span>
        </a>
      ) : (
        <span class={titleClass}>{title.text}</span>
      )}{' '}
      <span class="date">{date}</span>
    </li>
  );
}

export function StorySection({ story, sources }: Props) {
  const { t, lang } = useI18n();
  const byId = new Map(story.facts.map((f) => [f.id, f]));
  const keyFacts = story.keyFactIds.flatMap((id) => byId.get(id) ?? []);
  const timeline = story.timelineIds.flatMap((id) => byId.get(id) ?? []);
  // Every source the popup cites, replies included, in order of first citation. The "since" block
  // shows timeline facts only, so key facts and the timeline cover it.
  const used = citedSourceIds(story, [...keyFacts, ...timeline]).flatMap((id) => sources.get(id) ?? []);
  return (
    <section class="story" aria-labelledby="story-heading">
      <p class="eyebrow">{t('popup_story')}</p>
      <h2 id="story-heading" class="headline" lang="en" dir="ltr">
        {story.headline}
      </h2>
      {!lang.startsWith('en') && <p class="muted small">{t('popup_contentLang')}</p>}
      <p class="summary" lang="en" dir="ltr">
        {story.summary}
      </p>
      <details class="key-facts">
        <summary>{t('popup_keyFactsCount', formatCount(keyFacts.length, lang))}</summary>
        <ul class="facts">
          {keyFacts.map((fact) => (
            <FactLine key={fact.id} fact={fact} replies={repliesOf(story, fact)} />
          ))}
        </ul>
      </details>
      <details class="timeline">
        <summary>{t('popup_timeline', formatCount(timeline.length, lang))}</summary>
        <ol class="facts">
          {timeline.map((fact) => (
            <FactLine key={fact.id} fact={fact} replies={repliesOf(story, fact)} />
          ))}
        </ol>
      </details>
      <details class="sources">
        <summary>{t('popup_sources', formatCount(used.length, lang))}</summary>
        <ul class="source-list">
          {used.map((source) => (
            <SourceItem key={source.id} source={source} />
          ))}
        </ul>
      </details>
    </section>
  );
}
