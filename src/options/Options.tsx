/** The options page: a pure view of `OptionsData` and `OptionsActions`. */
import type { ComponentChildren } from 'preact';
import { DatasetFooter } from '../popup/DatasetFooter';
import { useI18n, type MessageKey } from '../popup/i18n';
import { SettingsUnreadable } from '../popup/SettingsUnreadable';
import { DismissedSection } from './DismissedSection';
import type { HighlightStyle, Mode } from '../shared/settings';
import type { OptionsActions, OptionsData, OptionsStatus } from './model';

const ERRORS: readonly OptionsStatus[] = ['ui_settingsUnwritable', 'ui_settingsFull', 'ui_settingsUnreadable'];

const MODE_LABELS: Record<Mode, MessageKey> = {
  automatic: 'options_modeAutomatic',
  all: 'options_modeAll',
  first: 'options_modeFirst',
  off: 'options_modeOff',
};
const STYLE_LABELS: Record<HighlightStyle, MessageKey> = {
  underline: 'options_styleUnderline',
  background: 'options_styleBackground',
};

// Listed here rather than imported from settings.ts, which loads the browser API: the view stays pure.
const MODES = Object.keys(MODE_LABELS) as Mode[];
const HIGHLIGHT_STYLES = Object.keys(STYLE_LABELS) as HighlightStyle[];

export interface OptionsProps {
  data: OptionsData;
  actions: OptionsActions;
}

/** One radio button per value, each in its label (mode, highlight style). */
function Radios<T extends string>(props: {
  name: string;
  values: readonly T[];
  checked: T;
  onChange: (value: T) => void;
  children: (value: T) => ComponentChildren;
}) {
  return (
    <>
      {props.values.map((value) => (
        <label key={value} class="choice">
          <input
            type="radio"
            name={props.name}
            value={value}
            checked={props.checked === value}
            onChange={() => props.onChange(value)}
          />
          {props.children(value)}
        </label>
      ))}
    </>
  );
}

function SiteList(props: {
  id: string;
  heading: MessageKey;
  empty: MessageKey;
  items: readonly string[];
  button: MessageKey;
  label: MessageKey;
  onRemove: (item: string) => void;
}) {
  const { t } = useI18n();
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{t(props.heading)}</h2>
      {props.items.length === 0 ? (
        <p class="muted">{t(props.empty)}</p>
      ) : (
        <ul class="site-list">
          {props.items.map((item) => (
            <li key={item}>
              <span class="site-name" dir="ltr">
                {item}
              </span>
              <button type="button" aria-label={t(props.label, item)} onClick={() => props.onRemove(item)}>
                {t(props.button)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Options({ data, actions }: OptionsProps) {
  const { t } = useI18n();
  const { settings } = data;
  return (
    <div class="options">
      <header>
        <h1>{t('options_title')}</h1>
        <p class="muted">{t('options_intro')}</p>
      </header>
      <main>
        {settings ? (
          <SettingsForm settings={settings} data={data} actions={actions} />
        ) : (
          <SettingsUnreadable onRetry={() => actions.retry()} />
        )}
        <section class="card" aria-labelledby="about">
          <h2 id="about">{t('options_about')}</h2>
          <DatasetFooter dataset={data.dataset} />
          {/* Bundled (built from PRIVACY.md): the extension makes no requests, so the policy works offline. */}
          <p class="privacy-link">
            <a href="privacy.html" target="_blank" rel="noopener" hreflang="en">
              {t('options_privacy')}
            </a>
          </p>
        </section>
      </main>
    </div>
  );
}

function SettingsForm({ settings, data, actions }: OptionsProps & { settings: NonNullable<OptionsData['settings']> }) {
  const { t } = useI18n();
  const error = ERRORS.includes(data.status);
  return (
    <>
      <fieldset class="card">
        <legend>{t('options_mode')}</legend>
        <Radios name="mode" values={MODES} checked={settings.mode} onChange={(mode) => actions.setMode(mode)}>
          {(mode) => t(MODE_LABELS[mode])}
        </Radios>
        <p class="muted">{t('options_modeAutomaticHint')}</p>
      </fieldset>
      <fieldset class="card" disabled={settings.mode === 'off'}>
        <legend>{t('options_names')}</legend>
        {data.entities.map((entity) => (
          <label key={entity.id} class="choice">
            <input
              type="checkbox"
              name={`entity-${entity.id}`}
              checked={settings.entities[entity.id]}
              onChange={(e) => actions.setEntity(entity.id, e.currentTarget.checked)}
            />
            <span lang="en">{entity.name}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="card" disabled={settings.mode === 'off'}>
        <legend>{t('options_style')}</legend>
        <Radios name="style" values={HIGHLIGHT_STYLES} checked={settings.style} onChange={(style) => actions.setStyle(style)}>
          {(style) => (
            <>
              <span class={`sample sample-${style}`} lang="en">
                Microsoft
              </span>
              {t(STYLE_LABELS[style])}
            </>
          )}
        </Radios>
      </fieldset>
      <fieldset class="card">
        <legend>{t('options_cards')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            name="click-only"
            checked={settings.clickOnly}
            onChange={(e) => actions.setClickOnly(e.currentTarget.checked)}
          />
          {t('options_clickOnly')}
        </label>
      </fieldset>
      <section class="card" aria-labelledby="keys-heading">
        <h2 id="keys-heading">{t('options_keys')}</h2>
        <ul class="keys">
          <li>{t('options_keyNext', 'Alt+Shift+N')}</li>
          <li>{t('options_keyPrev', 'Alt+Shift+P')}</li>
          <li>{t('options_keyPopup', 'Alt+Shift+B')}</li>
        </ul>
        <p class="muted">{t('options_keysChange')}</p>
      </section>
      <SiteList
        id="disabled-sites"
        heading="options_disabledSites"
        empty="options_disabledNone"
        items={settings.disabledSites}
        button="options_turnOn"
        label="options_turnOnSite"
        onRemove={(host) => actions.enableSite(host)}
      />
      <SiteList
        id="added-sites"
        heading="options_addedSites"
        empty="options_addedNone"
        items={settings.addedSites}
        button="options_remove"
        label="options_removeSite"
        onRemove={(origin) => actions.removeAddedSite(origin)}
      />
      <DismissedSection count={data.dismissedCount ?? null} onClear={() => actions.clearDismissed()} />
      <div class="reset-row">
        <button type="button" onClick={() => actions.reset()}>
          {t('options_reset')}
        </button>
        <p class={error ? 'status error' : 'status'} role="status">
          {data.status ? t(data.status) : ''}
        </p>
      </div>
    </>
  );
}
