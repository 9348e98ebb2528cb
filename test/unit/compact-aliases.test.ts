/** content.js carries the names without repeated copies (build.mjs aliasesPlugin): the matcher must not notice. */
import { describe, expect, it } from 'vitest';
import { compactAliases, compactOtherNames } from '../../src/data/compact-aliases';
import { dataset } from '../../src/data/index';
import { compileForms, type EntityAliases } from '../../src/detect/forms';
import { compileMatcher } from '../../src/detect/index';

const full: EntityAliases[] = dataset.entities.map(({ id, aliases, shortForms }) => (shortForms ? { id, aliases, shortForms } : { id, aliases }));

describe('compactAliases', () => {
  it('compiles exactly the forms of the full table (same sources, entities, languages and flags, in the same order)', () => {
    expect(compileForms(compactAliases(full))).toEqual(compileForms(full));
  });

  it('is smaller: "Microsoft" and "8200" are listed once', () => {
    const compact = compactAliases(full);
    const count = (entities: EntityAliases[], name: string) =>
      entities.flatMap((e) => [...Object.values(e.aliases), ...Object.values(e.shortForms ?? {})]).flat().filter((n) => n === name).length;
    expect(count(full, 'Microsoft')).toBeGreaterThan(10);
    expect(count(compact, 'Microsoft')).toBe(1);
    expect(count(compact, '8200')).toBe(1);
  });

  it('keeps every copy of a numbered name, whose case forms depend on its language', () => {
    const entities: EntityAliases[] = [
      { id: 'unit-8200', aliases: { en: ['Unit 8200', 'X'], id: ['Unit 8200', 'X'], pl: ['jednostka 8200'], cs: ['jednostka 8200'] } },
    ];
    const compact = compactAliases(entities);
    expect(compact[0]?.aliases).toEqual({ en: ['Unit 8200', 'X'], id: ['Unit 8200'], pl: ['jednostka 8200'], cs: ['jednostka 8200'] });
    expect(compileForms(compact)).toEqual(compileForms(entities));
  });

  it('finds the same marks on text in every language of the dataset', () => {
    const others = dataset.actors.filter((a) => a.aliases);
    const a = compileMatcher(full, others);
    const b = compileMatcher(compactAliases(full), compactOtherNames(others));
    const text = [
      'Microsoft said Unit 8200 used Azure. No Azure for Apartheid protested.',
      'Według „Guardiana” jednostki 8200 używała Azure; Rzecznik Microsoftu odmówił.',
      'مايكروسوفت والوحدة 8200 وأزور السحابية',
      'मा इक्रोसॉफ्ट माइक्रोसॉफ्ट की यूनिट 8200',
      '微软 8200部队 マイクロソフト 8200부대',
    ];
    for (const t of text) expect(b.find(t)).toEqual(a.find(t));
  });
});
