/**
 * The names content.js carries (scripts/content-aliases.mjs, used by build.mjs's aliasesPlugin): fewer
 * bytes, the same matcher. Every alias and actor name, alone and in sentences, must be found exactly as the
 * matcher compiled from the whole dataset finds it.
 */
import { describe, expect, it } from 'vitest';
import { contentAliases } from '../../scripts/content-aliases.mjs';
import { dataset } from '../../src/data/index';
import { compileMatcher, type EntityAliases } from '../../src/detect';
import { compileForms } from '../../src/detect/forms';

const full: EntityAliases[] = dataset.entities.map(({ id, aliases, shortForms }) => (shortForms ? { id, aliases, shortForms } : { id, aliases }));
const fullOthers = dataset.actors.filter((a) => a.aliases).map(({ aliases }) => ({ aliases }));
const detect = { compileForms, compileMatcher };
const names = (list: readonly { aliases?: Partial<Record<string, string[]>> }[]): string[] =>
  list.flatMap((e) => Object.values(e.aliases ?? {}).flatMap((l) => l ?? []));

describe('contentAliases', () => {
  const { entityAliases, otherNames } = contentAliases(dataset, detect);

  it('carries fewer names than the dataset lists', () => {
    const count = (list: EntityAliases[]) => list.reduce((n, e) => n + names([e]).length + names([{ aliases: e.shortForms ?? {} }]).length, 0);
    expect(count(entityAliases)).toBeLessThan(count(full));
    expect(names(otherNames)).toEqual(['No Azure for Apartheid']);
  });

  it('compiles to the same forms and finds the same mentions in every name and sentence', () => {
    expect(compileForms(entityAliases)).toEqual(compileForms(full));
    const before = compileMatcher(full, fullOthers);
    const after = compileMatcher(entityAliases, otherNames);
    const texts = [...names(full), ...full.flatMap((e) => names([{ aliases: e.shortForms ?? {} }])), ...names(fullOthers)];
    const frames = [
      (t: string) => t,
      (t: string) => t.toUpperCase(),
      (t: string) => `${t} said the Israeli military stored calls on Azure cloud servers of Microsoft with Unit 8200.`,
      (t: string) => `تقرير: ${t} و8200 ولمايكروسوفت في السحابة أزور`,
      (t: string) => `הדיווח על ${t} ויחידה 8200 במיקרוסופט`,
    ];
    let compared = 0;
    for (const text of texts) {
      for (const frame of frames) {
        const t = frame(text);
        expect(after.find(t), t).toEqual(before.find(t));
        expect(after.context(t), t).toEqual(before.context(t));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('keeps an actor name that holds one of ours in any written form, and still excludes it', () => {
    const data = {
      entities: dataset.entities,
      actors: [
        ...dataset.actors,
        { id: 'x1', name: 'x', aliases: { en: ['AZURE POWER GLOBAL'], ar: ['قدامى الوحدة ٨٢٠٠'] } },
        { id: 'x2', name: 'y', aliases: { en: ['Friends of Microsoft Corp. Alumni'] } },
      ],
    } as unknown as Parameters<typeof contentAliases>[0];
    const kept = names(contentAliases(data, detect).otherNames);
    expect(kept).toEqual(['No Azure for Apartheid', 'AZURE POWER GLOBAL', 'قدامى الوحدة ٨٢٠٠', 'Friends of Microsoft Corp. Alumni']);
    const text = 'Friends of Microsoft Corp. Alumni met on Azure cloud day.';
    const others = data.actors.filter((a) => a.aliases).map(({ aliases }) => ({ aliases }));
    expect(compileMatcher(full, contentAliases(data, detect).otherNames).find(text)).toEqual(compileMatcher(full, others).find(text));
  });
});
