/**
 * What the popup shows (`PopupData`) and what it can do (`PopupActions`). The view is a pure
 * function of these two; `connector.ts` fills them from the browser, `mock.ts` from fixtures.
 */
import type { Entity, Fact, Source, Story, StoryResponse } from '../data/types';
import type { PageInfo } from '../shared/messages';
import type { Mode } from '../shared/settings';
import type { SettingsProblem } from '../shared/settings-client';
import type { DismissedItem } from './dismissed-view';

export type SiteKind = 'default' | 'added' | 'other';

export interface SiteView {
  /** Normalised host, shown to the reader ("theguardian.com"). */
  host: string;
  /** `https://www.example.org`: what "Enable on this site" asks for. */
  origin: string;
  /** In the default list, added by the reader, or neither. */
  kind: SiteKind;
  /** Not in the reader's list of sites turned off. */
  enabled: boolean;
  /** The browser grants host access (false after a revocation in Firefox, and for 'other' sites). */
  granted: boolean;
}

export type PageView =
  | { state: 'loading' }
  /** Browser pages, extension stores, PDFs: no content script can run. */
  | { state: 'unsupported' }
  /** `info` is null when no content script answered (not injected yet, or the page predates install). */
  | { state: 'site'; site: SiteView; info: PageInfo | null };

/**
 * A short status line after an action ('popup_failed', 'popup_denied'…), or none. The `ui_settings*`
 * ones come from the settings writer; `ui_settingsUnreadable` replaces the site switch (its state is
 * unknown) and comes with a Retry button.
 */
export type Notice = 'popup_failed' | 'popup_denied' | SettingsProblem | null;

export interface DatasetInfo {
  version: string;
  asOf: string;
  hash: string;
}

export interface PopupData {
  page: PageView;
  /** The global mode from the options ('off' switches marking off everywhere). */
  mode: Mode;
  story: Story;
  /** The entities, for names and "show" buttons. */
  entities: readonly Entity[];
  /** Every source, looked up by id. */
  sources: ReadonlyMap<string, Source>;
  dataset: DatasetInfo;
  notice: Notice;
  /** This site's dismissed marks ("Not about this story"), newest first; absent or empty: none. */
  dismissed?: readonly DismissedItem[];
}

export interface PopupActions {
  setSiteEnabled(enabled: boolean): void;
  /** Scroll to the first mention of the name and open its card, then close the popup. */
  showMention(entityId: Entity['id']): void;
  /** Ask for this origin (must run inside the click: permission prompts need a user gesture). */
  enableSite(): void;
  scanOnce(): void;
  removeSite(): void;
  /** Ask again for host access the reader revoked (Firefox). */
  grantAccess(): void;
  openOptions(): void;
  /** Read the settings again (after they could not be read). */
  retry(): void;
  /** Bring back a dismissed mark on this site (in every tab of it). */
  undoDismissed(entity: Entity['id'], hash: string): void;
}

/** The replies a fact lists, in its order (an allegation is never shown without them). */
export function repliesOf(story: Story, fact: Fact): StoryResponse[] {
  return (fact.responseIds ?? []).flatMap((id) => story.responses.find((r) => r.id === id) ?? []);
}

/**
 * Every source the popup cites for these facts, their replies included (a source cited only by a reply,
 * such as the Israeli military's statement, is still listed), in order of first citation.
 */
export function citedSourceIds(story: Story, facts: readonly Fact[]): string[] {
  const ids = facts.flatMap((fact) => [...fact.sourceIds, ...repliesOf(story, fact).flatMap((r) => r.sourceIds)]);
  return [...new Set(ids)];
}
