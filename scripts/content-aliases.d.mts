import type { EntityAliases } from '../src/detect';
import type { Named } from '../src/detect/exclusions';
import type { Dataset } from '../src/data/types';

export function contentAliases(
  data: Pick<Dataset, 'entities' | 'actors'>,
  detect: {
    compileForms: (entities: readonly EntityAliases[]) => unknown;
    compileMatcher: (entities: readonly EntityAliases[]) => { mayContain(text: string): boolean };
  },
): { entityAliases: EntityAliases[]; otherNames: Named[] };
