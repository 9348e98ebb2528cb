/**
 * The part of the dataset the always-injected content script needs: the names to look for, and
 * the names of other actors that contain them. The release build replaces this module with the
 * same two values precomputed (build.mjs, `aliasesPlugin`), so content.js does not carry the
 * story's text; the card bundle, which shows it, imports the full dataset.
 */
import { dataset } from './index';
import type { EntityAliases } from '../detect';
import type { Actor } from './types';

export const entityAliases: EntityAliases[] = dataset.entities.map(({ id, aliases, shortForms }) =>
  shortForms ? { id, aliases, shortForms } : { id, aliases },
);

export const otherNames: Pick<Actor, 'aliases'>[] = dataset.actors
  .filter((a) => a.aliases)
  .map(({ aliases }) => ({ aliases }));
