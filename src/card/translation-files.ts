/**
 * The dataset's translations for the card, one language at a time. card.js carries none: each table is its
 * own file (card-ar.js, card-he.js, written by build.mjs), which the background injects into this page's
 * isolated world on the card's request, like card.js itself. A file hands its table over on that world's
 * global under TRANSLATIONS; a page cannot see or reach it. Only extension files, no network: an English
 * page's card loads no table at all.
 */
import type { TranslatedLang, TranslationTable } from '../data/translation-items';
import { sendToBackground } from '../shared/messages';

export const TRANSLATIONS = Symbol.for('backstory.translations');

type Scope = { [TRANSLATIONS]?: Partial<Record<TranslatedLang, TranslationTable[TranslatedLang]>> };

/** The tables this page has loaded so far (contentFor's table). */
export function loadedTables(): TranslationTable {
  return ((globalThis as Scope)[TRANSLATIONS] ??= {});
}

const loading = new Map<TranslatedLang, Promise<void>>();

/**
 * Null when `lang`'s table is here (or English, which needs none); else a promise that settles once it
 * is here, or could not be loaded (the background restarting: the card then shows English items, marked,
 * and the next card asks again).
 */
export function tableLoading(lang: TranslatedLang | 'en'): Promise<void> | null {
  if (lang === 'en' || loadedTables()[lang]) return null;
  let promise = loading.get(lang);
  if (!promise) {
    promise = sendToBackground('loadTranslations', { lang }).then(
      () => undefined,
      () => undefined,
    );
    loading.set(lang, promise);
    void promise.then(() => {
      if (!loadedTables()[lang]) loading.delete(lang);
    });
  }
  return promise;
}
