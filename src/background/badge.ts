/**
 * The toolbar badge: the number of marked names on a tab's page. The count lives in the browser's
 * per-tab action state, never in our memory, so a service-worker restart loses nothing.
 */
import { api } from '../shared/browser';
import { ENTITY_IDS } from '../data/types';
import type { MentionCounts } from '../shared/messages';

/** Dark blue with white text: 10.9:1 contrast, readable on light and dark toolbars. */
export const BADGE_BACKGROUND = '#1d3f73';
export const BADGE_TEXT = '#ffffff';

/** Total marks as badge text: '' for none (no badge), capped so it fits the badge. */
export function badgeText(counts: unknown): string {
  if (typeof counts !== 'object' || counts === null) return '';
  let total = 0;
  for (const id of ENTITY_IDS) {
    const n = (counts as Partial<Record<string, unknown>>)[id];
    if (typeof n === 'number' && Number.isInteger(n) && n > 0) total += n;
  }
  if (total === 0) return '';
  return total > 999 ? '999+' : String(total);
}

export async function setBadge(tabId: number, counts: MentionCounts | null): Promise<void> {
  const text = counts ? badgeText(counts) : '';
  await api.action.setBadgeText({ tabId, text });
  if (text === '') return;
  await api.action.setBadgeBackgroundColor({ tabId, color: BADGE_BACKGROUND });
  // setBadgeTextColor: Chrome 110+, Firefox 63+; guarded for other Chromium forks.
  if ('setBadgeTextColor' in api.action) await api.action.setBadgeTextColor({ tabId, color: BADGE_TEXT });
}
