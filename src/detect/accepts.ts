import type { EntityId } from '../data/types';
import type { Candidate, PageContext } from './types';

/** The page flag that stands for a full mention of each entity. Azure has no short forms today. */
const FULL_MENTION: Record<EntityId, keyof PageContext> = {
  microsoft: 'microsoft',
  azure: 'cloud',
  'unit-8200': 'unit8200',
};

/** Whether a candidate counts, given what the whole page (title + scanned text) provides. */
export function accepts(candidate: Candidate, page: PageContext): boolean {
  switch (candidate.needs) {
    case 'none':
      return true;
    case 'cloud-context':
      return page.cloud;
    case 'full-mention':
      return page[FULL_MENTION[candidate.entityId]];
  }
}
