/**
 * The bundled dataset and the lookups the card and popup need. This module goes into the content
 * script bundle, so it stays tiny: no validation here (the build validates story.json and fails
 * before a bad dataset can ship; see validate.ts and docs/dataset.md).
 */
import story from './story.json';
import type { Dataset, Entity, Fact, Source, Story, StoryResponse } from './types';

// The JSON's inferred type widens literal unions (status, kind…) to string, so it cannot be
// assigned to Dataset directly; build.mjs and test/unit/data.test.ts prove the shape instead.
export const dataset: Dataset = story as unknown as Dataset;

const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((i) => [i.id, i]));

const entities = byId(dataset.entities);
const stories = byId(dataset.stories);
const sources = byId(dataset.sources);
const facts = byId(dataset.stories.flatMap((s) => s.facts));
const responses = byId(dataset.stories.flatMap((s) => s.responses));

export const entityById = (id: string): Entity | undefined => entities.get(id);
export const storyById = (id: string): Story | undefined => stories.get(id);
export const factById = (id: string): Fact | undefined => facts.get(id);
export const sourceById = (id: string): Source | undefined => sources.get(id);

/** The responses shown beside a fact, in the order the fact lists them. */
export function responsesForFact(fact: Fact): StoryResponse[] {
  return (fact.responseIds ?? []).flatMap((id) => responses.get(id) ?? []);
}
