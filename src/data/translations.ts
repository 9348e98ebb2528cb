/**
 * The translations that ship: per language, the complete and current items, `en` stripped. In the
 * extension build.mjs replaces this module with the table it computed while checking the files (so the
 * bundles carry neither the checker nor the English copies); tests compute the same table here.
 * Only the card bundle and the popup import it, never content.js.
 */
import ar from './i18n/ar.json';
import he from './i18n/he.json';
import story from './story.json';
import type { Dataset } from './types';
import type { TranslationTable } from './translation-items';
import { checkTranslations } from './translation-check';

const data = story as unknown as Dataset;

export const translations: TranslationTable = {
  ar: checkTranslations(ar, data, 'ar', 'src/data/i18n/ar.json').table,
  he: checkTranslations(he, data, 'he', 'src/data/i18n/he.json').table,
};
