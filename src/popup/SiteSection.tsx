/** This site: the on/off switch, or what the reader can do where Backstory does not run yet. */
import type { PopupActions, SiteView } from './model';
import type { Mode } from '../shared/settings';
import { useI18n } from './i18n';

interface Props {
  site: SiteView;
  mode: Mode;
  /** The content script answered (it runs in this tab). */
  running: boolean;
  actions: PopupActions;
}

function SiteSwitch({ site, actions }: { site: SiteView; actions: PopupActions }) {
  const { t } = useI18n();
  return (
    <div class="switch-row">
      <span class="switch-text">
        <span id="site-switch-label" class="switch-label">
          {t('popup_siteSwitch', site.host)}
        </span>
        <span class="muted" id="site-switch-state">
          {site.enabled ? t('popup_siteOn') : t('popup_siteOff')}
        </span>
      </span>
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={site.enabled}
        aria-labelledby="site-switch-label"
        aria-describedby="site-switch-state"
        onClick={() => actions.setSiteEnabled(!site.enabled)}
      >
        <span class="switch-thumb" aria-hidden="true" />
      </button>
      {/* The same undo as the card's "Off on <site> — Undo". */}
      {!site.enabled && (
        <button type="button" class="quiet" onClick={() => actions.setSiteEnabled(true)}>
          {t('popup_undoOff')}
        </button>
      )}
    </div>
  );
}

export function SiteSection({ site, mode, running, actions }: Props) {
  const { t } = useI18n();
  if (site.kind === 'other') {
    return (
      <section class="site" aria-labelledby="site-heading">
        <h2 id="site-heading" class="site-heading">
          {t('popup_notListed', site.host)}
        </h2>
        <div class="actions">
          <button type="button" class="primary" onClick={() => actions.enableSite()} aria-describedby="enable-hint">
            {t('popup_enableSite')}
          </button>
          <button type="button" onClick={() => actions.scanOnce()} disabled={running}>
            {t('popup_scanOnce')}
          </button>
        </div>
        <p id="enable-hint" class="muted">
          {t('popup_enableHint')}
        </p>
      </section>
    );
  }
  return (
    <section class="site" aria-label={site.host}>
      {site.granted ? (
        <SiteSwitch site={site} actions={actions} />
      ) : (
        <div class="warning">
          <p>{t('popup_noAccess')}</p>
          <button type="button" class="primary" onClick={() => actions.grantAccess()}>
            {t('popup_grantAccess')}
          </button>
        </div>
      )}
      {mode === 'off' && (
        <p class="muted">
          <button type="button" class="link" onClick={() => actions.openOptions()}>
            {t('popup_globalOff')}
          </button>
        </p>
      )}
      {site.granted && site.enabled && mode !== 'off' && !running && <p class="muted">{t('popup_reload')}</p>}
      {site.kind === 'added' && (
        <div class="added">
          <span class="muted">{t('popup_added')}</span>
          <button type="button" class="quiet" onClick={() => actions.removeSite()}>
            {t('popup_removeSite')}
          </button>
        </div>
      )}
    </section>
  );
}
