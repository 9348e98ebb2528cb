/**
 * Connects the options view to storage. Every change is written at once; open tabs' content scripts
 * follow `storage.onChanged`, and this page re-renders from the same event, so two open options
 * pages (or the popup) never disagree.
 */
import { dataset } from '../data/index';
import { sendToBackground } from '../shared/messages';
import { loadSettings, resetSettings, updateSettings, type Settings } from '../shared/settings';
import { withSiteEnabled } from '../shared/sites';
import type { OptionsActions, OptionsData } from './model';

declare const __CONTENT_HASH__: string;

export async function loadOptions(status: OptionsData['status'] = null): Promise<OptionsData> {
  return {
    settings: await loadSettings(),
    entities: dataset.entities,
    dataset: { version: dataset.meta.version, asOf: dataset.meta.asOf, hash: __CONTENT_HASH__ },
    status,
  };
}

export function optionsActions(done: (status: OptionsData['status']) => void): OptionsActions {
  const change = (edit: (s: Settings) => void) => {
    updateSettings(edit).then(
      () => done('options_saved'),
      (error: unknown) => console.error('Backstory options:', error),
    );
  };
  return {
    setMode: (mode) => change((s) => void (s.mode = mode)),
    setEntity: (id, on) => change((s) => void (s.entities[id] = on)),
    setStyle: (style) => change((s) => void (s.style = style)),
    setClickOnly: (on) => change((s) => void (s.clickOnly = on)),
    enableSite: (host) => change((s) => void (s.disabledSites = withSiteEnabled(s.disabledSites, host, true))),
    removeAddedSite(origin) {
      sendToBackground('removeSite', { origin }).then(
        () => done('options_saved'),
        (error: unknown) => console.error('Backstory options:', error),
      );
    },
    reset() {
      // The background's settings listener unregisters the added sites' scripts.
      resetSettings().then(
        () => done('options_resetDone'),
        (error: unknown) => console.error('Backstory options:', error),
      );
    },
  };
}
