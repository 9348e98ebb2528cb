/** The story: headline, summary, key facts, a collapsible timeline and the sources. */
import { sourceTitle } from '../data/source-title';
import type { Source, Story } from '../data/types';
import { FactLine } from './FactLine';
import { formatCount, useI18n } from './i18n';
import { citedSourceIds, repliesOf } from './model';
import { EnglishMark, QuoteOriginal, langOf, useContent } from './content';

interface Props {
  story: Story;
  sources: ReadonlyMap<string, Source>;
}

function SourceItem({ source }: { source: Source }) {
  const { t } = useI18n();
  const content = useContent();
  // Publisher and title stay in the source's own language; its date reads in the content language.
  const view = content.item<'dateLabel'>(`source/${source.id}`, { dateLabel: source.dateLabel });
  const dateLang = source.dateLabel ? view.lang : content.lang;
  const date = view.text.dateLabel ?? content.date(source.date, dateLang);
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
      <span class="date" lang={dateLang} dir={dateLang === 'en' ? 'ltr' : 'rtl'}>
        {date}
      </span>
    </li>
  );
}

export function StorySection({ story, sources }: Props) {
  const { t, lang } = useI18n();
  const content = useContent();
  const text = content.item<'headline' | 'summary'>(`story/${story.id}`, { headline: story.headline, summary: story.summary });
  const byId = new Map(story.facts.map((f) => [f.id, f]));
  const keyFacts = story.keyFactIds.flatMap((id) => byId.get(id) ?? []);
  const timeline = story.timelineIds.flatMap((id) => byId.get(id) ?? []);
  // Every source the popup cites, replies included, in order of first citation. The "since" block
  // shows timeline facts only, so key facts and the timeline cover it.
  const used = citedSourceIds(story, [...keyFacts, ...timeline]).flatMap((id) => sources.get(id) ?? []);
  return (
    <section class="story" aria-labelledby="story-heading">
      <p class="eyebrow">
        {t('popup_story')} <EnglishMark view={text} />
      </p>
      <h2 id="story-heading" class="headline" {...langOf(text)}>
        {text.text.headline}
      </h2>
      <p class="summary" {...langOf(text)}>
        {text.text.summary}
      </p>
      <QuoteOriginal view={text} />
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
