/** What the options page shows and can do; the view is a pure function of these. */
import type { Entity, EntityId } from '../data/types';
import type { HighlightStyle, Mode, Settings } from '../shared/settings';
import type { DatasetInfo } from '../popup/model';
import type { SettingsProblem } from '../shared/settings-client';

/** The last change's outcome, announced: saved, reset, or why nothing was changed. */
export type OptionsStatus = 'options_saved' | 'options_resetDone' | 'options_dismissedCleared' | SettingsProblem | null;

export interface OptionsData {
  /** Null when storage could not be read: the page says so and offers Retry instead of a form. */
  settings: Settings | null;
  entities: readonly Entity[];
  dataset: DatasetInfo;
  status: OptionsStatus;
  /** How many marks the reader dismissed on all sites; null (or absent) when they could not be read. */
  dismissedCount?: number | null;
}

export interface OptionsActions {
  setMode(mode: Mode): void;
  setEntity(id: EntityId, on: boolean): void;
  setStyle(style: HighlightStyle): void;
  /** "Open cards on click only": hovering a name opens nothing. */
  setClickOnly(on: boolean): void;
  /** Turn Backstory on again for a site in the off list. */
  enableSite(host: string): void;
  /** Forget a user-added origin (and give its permission back). */
  removeAddedSite(origin: string): void;
  /** Back to the defaults; added sites are unregistered and their host access given back. */
  reset(): void;
  /** Read the settings again. */
  retry(): void;
  /** Forget every dismissed mark ("Not about this story") on every site. */
  clearDismissed(): void;
}
