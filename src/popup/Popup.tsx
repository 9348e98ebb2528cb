/** The toolbar popup: a pure view of `PopupData` and `PopupActions`. */
import { DatasetFooter } from './DatasetFooter';
import { DismissedList } from './DismissedList';
import { useI18n } from './i18n';
import { MentionList } from './MentionList';
import type { PopupActions, PopupData } from './model';
import { SettingsUnreadable } from './SettingsUnreadable';
import { SinceBlock } from './SinceBlock';
import { SiteSection } from './SiteSection';
import { StorySection } from './StorySection';

export interface PopupProps {
  data: PopupData;
  actions: PopupActions;
}

function PageSection({ data, actions }: PopupProps) {
  const { t } = useI18n();
  const { page } = data;
  if (page.state === 'loading') {
    return (
      <p class="muted" role="status">
        {t('popup_loading')}
      </p>
    );
  }
  if (page.state === 'unsupported') {
    return (
      <section class="site unsupported" aria-labelledby="cant-run">
        <h2 id="cant-run">{t('popup_cantRun')}</h2>
        <p class="muted">{t('popup_cantRunHint')}</p>
      </section>
    );
  }
  const { site, info } = page;
  const running = info?.active === true;
  return (
    <>
      {/* Unreadable settings: the switch's state is unknown, so the reader sees why and can retry. */}
      {data.notice === 'ui_settingsUnreadable' ? (
        <SettingsUnreadable onRetry={() => actions.retry()} />
      ) : (
        <SiteSection site={site} mode={data.mode} running={info !== null} actions={actions} />
      )}
      {running && <MentionList entities={data.entities} counts={info.counts} firstOnly={info.firstOnly} actions={actions} />}
      <DismissedList items={data.dismissed ?? []} actions={actions} />
      {running && info.published && <SinceBlock story={data.story} published={info.published} />}
    </>
  );
}

export function Popup({ data, actions }: PopupProps) {
  const { t } = useI18n();
  return (
    <div class="popup">
      <header class="top">
        <h1 class="brand">Backstory</h1>
        <button type="button" class="quiet" onClick={() => actions.openOptions()}>
          {t('popup_settings')}
        </button>
      </header>
      <main>
        <PageSection data={data} actions={actions} />
        {/* On pages without a site switch (browser pages), the message stands alone. */}
        {data.notice === 'ui_settingsUnreadable' && data.page.state !== 'site' && <SettingsUnreadable onRetry={() => actions.retry()} />}
        {data.notice && data.notice !== 'ui_settingsUnreadable' && (
          <p class="notice" role="alert">
            {t(data.notice)}
          </p>
        )}
        <StorySection story={data.story} sources={data.sources} />
      </main>
      <DatasetFooter dataset={data.dataset} />
    </div>
  );
}
