/** The popup's view of this site's dismissed marks (DismissedList.tsx), made from what the background read. */
import type { Entity, EntityId } from '../data/types';
import { listOf, markKey, type Dismissed } from '../shared/dismissed';

export interface DismissedItem {
  entity: EntityId;
  /** The entity's name, as the card shows it. */
  name: string;
  hash: string;
  /** When (ms since the epoch). */
  at: number;
  /** The sentence, when the open page has it (read from the page, never stored); else null. */
  sentence: string | null;
}

/** This site's dismissals, newest first, with the page's sentences where it has them. */
export function dismissedItems(
  dismissed: Dismissed,
  site: string,
  entities: readonly Entity[],
  sentences: Readonly<Record<string, string>>,
): DismissedItem[] {
  return (listOf(dismissed, site) ?? [])
    .slice()
    .reverse()
    .map((e) => ({
      entity: e.entity,
      name: entities.find((x) => x.id === e.entity)?.name ?? e.entity,
      hash: e.hash,
      at: e.at,
      sentence: Object.prototype.hasOwnProperty.call(sentences, markKey(e.entity, e.hash)) ? (sentences[markKey(e.entity, e.hash)] ?? null) : null,
    }));
}
