/**
 * Whether storage's `dismissed` value may hold entries for `site`: the one check content.js makes
 * itself. Only then does it load the filter (dismissals.ts, in card.js), which validates for real.
 */
import { isRecord, own } from '../shared/settings';

export function mayHaveDismissals(raw: unknown, site: string | null): boolean {
  const sites = isRecord(raw) ? own(raw, 'sites') : undefined;
  const list = site !== null && isRecord(sites) ? own(sites, site) : undefined;
  return Array.isArray(list) && list.length > 0;
}
