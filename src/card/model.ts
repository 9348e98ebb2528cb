/**
 * What one entity's card shows, chosen from the dataset. Pure (no DOM, no browser API) so the choices
 * — which facts, which responses, how sources are numbered — are unit-tested in Node.
 */
import type { Dataset, Entity, EntityId, Fact, Source, Story, StoryResponse } from '../data/types';
import { developmentsSince, formatIsoDate } from '../shared/since';
import { englishContent, type Content, type Localized } from '../data/content';

export type FactField = 'text' | 'dateLabel' | 'confirmedBy' | 'confirmed' | 'notConfirmed';
export type ResponseField = 'speaker' | 'text' | 'dateLabel';

/** The card shows 3–5 facts (DESIGN.md "The card"). */
export const MAX_FACTS = 5;

export interface DatedItem {
  /** The dataset's wording for approximate dates, else the formatted ISO date. */
  dateText: string;
  /** ISO date for `<time datetime>`. */
  iso: string;
}

export interface CardResponse extends DatedItem {
  response: StoryResponse;
  /** The reply's text in the content language (or in English as a whole). */
  view: Localized<ResponseField>;
  refs: number[];
}

export interface CardFact extends DatedItem {
  fact: Fact;
  /** The fact's text, date label and confirmation in the content language (or in English as a whole). */
  view: Localized<FactField>;
  /** When the fact became public, if later than the event (`reportedDate`). */
  reported: DatedItem | null;
  /** 1-based numbers into `CardModel.sources`. */
  refs: number[];
  /** Every reply the fact lists: an allegation is never shown without its replies. */
  responses: CardResponse[];
  /** Every one of these replies was already shown under a fact above, so they start collapsed. */
  repliesShownAbove: boolean;
}

export interface NumberedSource extends DatedItem {
  n: number;
  source: Source;
  /** The language of `dateText` (publisher and title stay in the source's own language). */
  dateLang: string;
}

export interface CardModel {
  entity: Entity;
  story: Story;
  /** Timeline facts dated after the page (newest first); empty when unknown or nothing newer. */
  since: CardFact[];
  facts: CardFact[];
  sources: NumberedSource[];
  /** The dataset's as-of date (ISO); the card formats it in the UI language. */
  asOfIso: string;
  /** The language the card's content is read in (the UI language: labels and content agree). */
  content: Content;
  storyText: Localized<'headline' | 'summary'>;
  entityText: Localized<'name' | 'description'>;
}

export function dated(item: { date: string; dateLabel?: string }): DatedItem {
  return { dateText: item.dateLabel ?? formatIsoDate(item.date), iso: item.date };
}

/** A date in the language its item is shown in: a translated label, else the ISO date formatted. */
function datedIn(content: Content, view: Localized<string>, item: { date: string }): DatedItem {
  return { dateText: view.text['dateLabel'] ?? content.date(item.date, view.lang), iso: item.date };
}

/**
 * Numbers sources in order of first citation (as a reader meets them top to bottom), so [1] is the
 * first reference on the card and the list below has no gaps.
 */
class SourceNumbering {
  readonly order: string[] = [];
  ref(ids: readonly string[]): number[] {
    return ids.map((id) => {
      let i = this.order.indexOf(id);
      if (i < 0) i = this.order.push(id) - 1;
      return i + 1;
    });
  }
}

export function buildCardModel(
  data: Dataset,
  entityId: EntityId,
  publishedDate: string | null,
  content: Content = englishContent,
): CardModel | null {
  const entity = data.entities.find((e) => e.id === entityId);
  const story = entity && data.stories.find((s) => s.id === entity.storyId);
  if (!entity || !story) return null;
  const factById = new Map(story.facts.map((f) => [f.id, f]));
  const responseById = new Map(story.responses.map((r) => [r.id, r]));
  const numbering = new SourceNumbering();
  // A fact's first citation is the one a reader follows: a source with a link, where it has one.
  const linked = new Set(data.sources.filter((s) => s.url).map((s) => s.id));
  const linkedFirst = (ids: readonly string[]) => [...ids].sort((a, b) => Number(linked.has(b)) - Number(linked.has(a)));
  // A reply that answers several facts is shown beside each of them; after the first, collapsed.
  const shownResponses = new Set<string>();

  // `unfolded`: the card shows these replies open (key facts), so a later fact repeating them folds.
  const toCardFact = (fact: Fact, unfolded: boolean): CardFact => {
    const refs = numbering.ref(linkedFirst(fact.sourceIds));
    const responses = (fact.responseIds ?? []).flatMap((id) => {
      const response = responseById.get(id);
      if (!response) return [];
      const view = content.item<ResponseField>(`response/${response.id}`, {
        speaker: response.speaker,
        text: response.text,
        dateLabel: response.dateLabel,
      });
      return [{ response, view, ...datedIn(content, view, response), refs: numbering.ref(linkedFirst(response.sourceIds)) }];
    });
    const repliesShownAbove = responses.length > 0 && responses.every((r) => shownResponses.has(r.response.id));
    if (unfolded) for (const r of responses) shownResponses.add(r.response.id);
    const view = content.item<FactField>(`fact/${fact.id}`, {
      text: fact.text,
      dateLabel: fact.dateLabel,
      confirmedBy: fact.confirmation?.by,
      confirmed: fact.confirmation?.confirmed,
      notConfirmed: fact.confirmation?.notConfirmed,
    });
    const reported =
      fact.reportedDate && fact.reportedDate !== fact.date
        ? { dateText: content.date(fact.reportedDate, view.lang), iso: fact.reportedDate }
        : null;
    return { fact, view, ...datedIn(content, view, fact), reported, refs, responses, repliesShownAbove };
  };

  // "Since" comes first on the card, so its sources get the first numbers.
  const sinceFacts = publishedDate ? developmentsSince(story, publishedDate) : [];
  const since = sinceFacts.map((fact) => toCardFact(fact, false));
  const shownSince = new Set(sinceFacts.map((f) => f.id));
  // A fact already listed under "since" is not repeated among the key facts; the entity's own list
  // tops up from the story's key facts so the card still has at least 3 where the data allows.
  const factIds = [...entity.factIds, ...story.keyFactIds].filter((id, i, all) => all.indexOf(id) === i);
  const facts = factIds
    .filter((id) => !shownSince.has(id))
    .flatMap((id) => factById.get(id) ?? [])
    .slice(0, Math.max(3, Math.min(MAX_FACTS, entity.factIds.length)))
    .map((fact) => toCardFact(fact, true));

  const sourceById = new Map(data.sources.map((s) => [s.id, s]));
  const sources = numbering.order.flatMap((id, i) => {
    const source = sourceById.get(id);
    if (!source) return [];
    const view = content.item<'dateLabel'>(`source/${source.id}`, { dateLabel: source.dateLabel });
    // A source without a date label has nothing to translate: its date reads in the content language.
    const dateLang = source.dateLabel ? view.lang : content.lang;
    return [{ n: i + 1, source, dateLang, ...datedIn(content, { ...view, lang: dateLang }, source) }];
  });
  return {
    entity,
    story,
    since,
    facts,
    sources,
    asOfIso: data.meta.asOf,
    content,
    storyText: content.item(`story/${story.id}`, { headline: story.headline, summary: story.summary }),
    entityText: content.item(`entity/${entity.id}`, { name: entity.name, description: entity.description }),
  };
}
