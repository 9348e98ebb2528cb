/**
 * Connects the options view to the background's settings writer. The page reads and changes
 * settings only through the background (never a read-modify-write of its own); open tabs' content
 * scripts follow `storage.onChanged`, and this page re-renders from the same event, so two open
 * options pages (or the popup) never disagree.
 */
import { dataset } from '../data/index';
import { sendToBackground } from '../shared/messages';
import type { SettingsChange } from '../shared/settings-change';
import { fetchSettings, settingsProblem } from '../shared/settings-client';
import { changeDismissed, fetchDismissed } from '../shared/dismissed-client';
import { countDismissed } from '../shared/dismissed';
import type { OptionsActions, OptionsData, OptionsStatus } from './model';

declare const __CONTENT_HASH__: string;

/** What the reader is told when the writer did not apply a change (any other failure: not saved). */
const errorStatus = (error: string | undefined): OptionsStatus => settingsProblem(error) ?? 'ui_settingsUnwritable';

export async function loadOptions(status: OptionsStatus = null): Promise<OptionsData> {
  const [read, dismissed] = await Promise.all([fetchSettings(), fetchDismissed()]);
  return {
    dismissedCount: dismissed.ok ? countDismissed(dismissed.dismissed) : null,
    settings: read.ok ? read.settings : null,
    entities: dataset.entities,
    dataset: { version: dataset.meta.version, asOf: dataset.meta.asOf, hash: __CONTENT_HASH__ },
    status: read.ok ? status : 'ui_settingsUnreadable',
  };
}

export function optionsActions(done: (status: OptionsStatus) => void): OptionsActions {
  const report = (error: unknown) => {
    console.error('Backstory options:', error);
    done('ui_settingsUnwritable');
  };
  const change = (edit: SettingsChange, saved: OptionsStatus = 'options_saved') => {
    sendToBackground('changeSettings', { change: edit }).then(
      (result) => done(result.ok ? saved : errorStatus(result.error)),
      report,
    );
  };
  return {
    setMode: (mode) => change({ op: 'set', field: 'mode', value: mode }),
    setEntity: (entity, on) => change({ op: 'setEntity', entity, on }),
    setStyle: (style) => change({ op: 'set', field: 'style', value: style }),
    enableSite: (site) => change({ op: 'setSiteEnabled', site, on: true }),
    setClickOnly: (on) => change({ op: 'set', field: 'clickOnly', value: on }),
    removeAddedSite(origin) {
      sendToBackground('removeSite', { origin }).then(
        (result) => done(result.ok ? 'options_saved' : errorStatus(result.error)),
        report,
      );
    },
    // The background also unregisters the added sites' scripts and gives their host access back.
    reset: () => change({ op: 'reset' }, 'options_resetDone'),
    retry: () => done(null),
    clearDismissed() {
      changeDismissed({ op: 'clear' }).then(
        (result) => done(result.ok ? 'options_dismissedCleared' : errorStatus(result.error)),
        report,
      );
    },
  };
}
