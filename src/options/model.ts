/** What the options page shows and can do; the view is a pure function of these. */
import type { Entity, EntityId } from '../data/types';
import type { HighlightStyle, Mode, Settings } from '../shared/settings';
import type { DatasetInfo } from '../popup/model';

export interface OptionsData {
  settings: Settings;
  entities: readonly Entity[];
  dataset: DatasetInfo;
  /** Last change, announced politely: 'options_saved' | 'options_resetDone'. */
  status: 'options_saved' | 'options_resetDone' | null;
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
  reset(): void;
}
