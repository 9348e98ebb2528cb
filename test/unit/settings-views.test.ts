// @vitest-environment happy-dom
/**
 * The popup and options views when the settings writer cannot read or save: the reader sees a plain
 * message (English, Arabic, Hebrew) and Retry, and no control that would act on an unknown state.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { h, render, type ComponentChild } from 'preact';
import en from '../../src/shared/locales/en.json';
import ar from '../../src/shared/locales/ar.json';
import he from '../../src/shared/locales/he.json';
import { dataset } from '../../src/data/index';
import { I18n, translatorFor, type UiLocale } from '../../src/popup/i18n';
import { Popup } from '../../src/popup/Popup';
import { mockActions, mockPopupData } from '../../src/popup/mock';
import { Options } from '../../src/options/Options';
import type { OptionsActions, OptionsData } from '../../src/options/model';
import { defaultSettings } from '../../src/shared/settings';

// settings.ts (the defaults) imports the browser-API module; these views never call it.
vi.mock('../../src/shared/browser', () => ({ api: {} }));

const LOCALES: [string, UiLocale][] = [
  ['en', { t: translatorFor(en), lang: 'en', dir: 'ltr' }],
  ['ar', { t: translatorFor(ar), lang: 'ar', dir: 'rtl' }],
  ['he', { t: translatorFor(he), lang: 'he', dir: 'rtl' }],
];
let root: HTMLElement;

function mount(node: ComponentChild, locale: UiLocale) {
  root = document.createElement('div');
  document.body.append(root);
  render(h(I18n.Provider, { value: locale }, node), root);
}

afterEach(() => {
  render(null, root);
  root.remove();
});

function optionsActions(calls: string[]): OptionsActions {
  const record = (name: string) => () => void calls.push(name);
  return {
    setMode: record('setMode'),
    setEntity: record('setEntity'),
    setStyle: record('setStyle'),
    setClickOnly: record('setClickOnly'),
    enableSite: record('enableSite'),
    removeAddedSite: record('removeAddedSite'),
    reset: record('reset'),
    retry: record('retry'),
    clearDismissed: record('clearDismissed'),
  };
}

const optionsData = (over: Partial<OptionsData>): OptionsData => ({
  settings: defaultSettings(),
  entities: dataset.entities,
  dataset: { version: '1.0.0', asOf: '2026-06-04', hash: 'abcdef' },
  status: null,
  ...over,
});

describe.each(LOCALES)('%s', (lang, locale) => {
  const catalog = { en, ar, he }[lang] as Record<string, { message: string }>;
  const message = catalog.ui_settingsUnreadable?.message ?? '';
  const retry = catalog.ui_retry?.message ?? '';

  it('popup: unreadable settings replace the site switch with the message and Retry', () => {
    const actions = mockActions();
    mount(h(Popup, { data: mockPopupData({ notice: 'ui_settingsUnreadable' }), actions }), locale);
    expect(message.length).toBeGreaterThan(10);
    const alert = root.querySelector('.settings-error[role="alert"]');
    expect(alert?.textContent).toContain(message);
    expect(root.querySelector('[role="switch"]')).toBeNull();
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === retry);
    button?.click();
    expect(actions.calls).toEqual(['retry']);
  });

  it('options: unreadable settings show the message and Retry instead of the form', () => {
    const calls: string[] = [];
    mount(h(Options, { data: optionsData({ settings: null, status: 'ui_settingsUnreadable' }), actions: optionsActions(calls) }), locale);
    expect(root.querySelector('.settings-error')?.textContent).toContain(message);
    expect(root.querySelector('input')).toBeNull();
    expect(root.textContent).not.toContain(catalog.options_reset?.message ?? '?');
    [...root.querySelectorAll('button')].find((b) => b.textContent === retry)?.click();
    expect(calls).toEqual(['retry']);
  });

  it('options: a refused change (full list, failed write) is said in the status line', () => {
    for (const status of ['ui_settingsFull', 'ui_settingsUnwritable'] as const) {
      mount(h(Options, { data: optionsData({ status }), actions: optionsActions([]) }), locale);
      const line = root.querySelector('.status.error');
      expect(line?.textContent).toBe(catalog[status]?.message);
      render(null, root);
      root.remove();
    }
    root = document.createElement('div');
  });
});
