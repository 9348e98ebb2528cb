/** The toolbar popup: a pure view of `PopupData` and `PopupActions`. */
import { DatasetFooter } from './DatasetFooter';
import { useI18n } from './i18n';
import { MentionList } from './MentionList';
import type { PopupActions, PopupData } from './model';
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
      <SiteSection site={site} mode={data.mode} running={info !== null} actions={actions} />
      {running && <MentionList entities={data.entities} counts={info.counts} actions={actions} />}
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
        {data.notice && (
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
