/** The UI locale from the browser: strings, language and direction (`@@bidi_dir` is "rtl" for ar/he). */
import { api } from '../shared/browser';
import type { MessageKey, UiLocale } from './i18n';

export function browserLocale(): UiLocale {
  const dir = api.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  return { t: (key: MessageKey, ...subs: string[]) => api.i18n.getMessage(key, subs), lang: api.i18n.getUILanguage(), dir };
}

/** Sets `lang`, `dir` and the title on the document; returns the locale. */
export function applyLocale(titleKey: MessageKey): UiLocale {
  const locale = browserLocale();
  document.documentElement.lang = locale.lang;
  document.documentElement.dir = locale.dir;
  document.title = locale.t(titleKey);
  return locale;
}
