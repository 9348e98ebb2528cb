/**
 * The background's writers over the browser's storage.local (settings-writer.ts, dismiss-writer.ts):
 * one queue for both, so every change the background applies keeps its arrival order.
 */
import { api } from '../shared/browser';
import { createDismissWriter } from './dismiss-writer';
import { createSerial } from './serial';
import { createSettingsWriter } from './settings-writer';

const serial = createSerial();
export const settingsWriter = createSettingsWriter(() => api.storage.local, serial);
export const dismissWriter = createDismissWriter(() => api.storage.local, serial);
