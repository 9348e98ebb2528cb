/**
 * Mock popup data for unit tests and screenshots: the real bundled dataset plus a page state.
 * `mockPopupData({page: ...})` overrides any part (Dark Reader's `getMockData(override)`).
 */
import { dataset } from '../data/index';
import type { PageInfo } from '../shared/messages';
import type { PopupActions, PopupData, SiteView } from './model';

export function mockSite(over: Partial<SiteView> = {}): SiteView {
  return { host: 'theguardian.com', origin: 'https://www.theguardian.com', kind: 'default', enabled: true, granted: true, ...over };
}

export function mockPageInfo(over: Partial<PageInfo> = {}): PageInfo {
  return {
    active: true,
    counts: { microsoft: 7, azure: 3, 'unit-8200': 2 },
    published: { date: '2025-08-07', from: 'article:published_time' },
    firstOnly: false,
    ...over,
  };
}

export function mockPopupData(over: Partial<PopupData> = {}): PopupData {
  const story = dataset.stories[0];
  if (!story) throw new Error('the dataset has no story');
  return {
    page: { state: 'site', site: mockSite(), info: mockPageInfo() },
    mode: 'all',
    story,
    entities: dataset.entities,
    sources: new Map(dataset.sources.map((s) => [s.id, s])),
    dataset: { version: dataset.meta.version, asOf: dataset.meta.asOf, hash: '3f9a1c07d2e4b856' },
    notice: null,
    ...over,
  };
}

/** Actions that record their calls, for tests. */
export function mockActions(calls: string[] = []): PopupActions & { calls: string[] } {
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(args.length ? `${name}:${args.map(String).join(',')}` : name);
    };
  return {
    calls,
    setSiteEnabled: record('setSiteEnabled'),
    showMention: record('showMention'),
    enableSite: record('enableSite'),
    scanOnce: record('scanOnce'),
    removeSite: record('removeSite'),
    grantAccess: record('grantAccess'),
    openOptions: record('openOptions'),
    retry: record('retry'),
    undoDismissed: record('undoDismissed'),
  };
}
