/** The background's one settings writer, over the browser's storage.local (see settings-writer.ts). */
import { api } from '../shared/browser';
import { createSettingsWriter } from './settings-writer';

export const settingsWriter = createSettingsWriter(() => api.storage.local);
