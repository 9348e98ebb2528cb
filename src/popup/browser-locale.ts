/**
 * The UI locale from the browser: strings, language and direction. Language and direction come from
 * the messages file actually in use (`ui_lang`, `ui_dir`), not from `getUILanguage()`/`@@bidi_dir`:
 * Chromium started with `--lang=ar` served Arabic messages while both still said en-US/ltr.
 */
import { api } from '../shared/browser';
import type { MessageKey, UiLocale } from './i18n';

export function browserLocale(): UiLocale {
  const t = (key: MessageKey, ...subs: string[]) => api.i18n.getMessage(key, subs);
  const dir = (t('ui_dir') || api.i18n.getMessage('@@bidi_dir')) === 'rtl' ? 'rtl' : 'ltr';
  return { t, lang: t('ui_lang') || api.i18n.getUILanguage(), dir };
}

/** Sets `lang`, `dir` and the title on the document; returns the locale. */
export function applyLocale(titleKey: MessageKey): UiLocale {
  const locale = browserLocale();
  document.documentElement.lang = locale.lang;
  document.documentElement.dir = locale.dir;
  document.title = locale.t(titleKey);
  return locale;
}
