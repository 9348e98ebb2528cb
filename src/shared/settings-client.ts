/**
 * How the extension's own pages (popup, options) read the settings and name a refusal of the
 * background's writer (settings-writer.ts): one definition, so both pages say the same words for
 * the same failure.
 */
import { sendToBackground } from './messages';
import type { SettingsResult } from './settings-change';

/** The messages for the writer's refusals (shared/locales). */
export type SettingsProblem = 'ui_settingsUnreadable' | 'ui_settingsUnwritable' | 'ui_settingsFull';

/** The settings as the background's writer reads them; a background that does not answer counts as unreadable. */
export function fetchSettings(): Promise<SettingsResult> {
  return sendToBackground('getSettings', {}).catch(
    (): SettingsResult => ({ ok: false, error: 'unreadable', settings: null }),
  );
}

/**
 * The message for a writer's refusal, or null for any other error (`invalid`, which our own controls
 * never send; `permission` and other errors of enableSite/removeSite): each page has its own words for those.
 */
export function settingsProblem(error: string | undefined): SettingsProblem | null {
  if (error === 'unreadable') return 'ui_settingsUnreadable';
  if (error === 'quota' || error === 'unwritable') return 'ui_settingsUnwritable';
  if (error === 'full') return 'ui_settingsFull';
  return null;
}
