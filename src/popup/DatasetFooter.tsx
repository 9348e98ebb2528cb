/** The dataset's version, as-of date and content hash, and the privacy line (popup and options). */
import type { DatasetInfo } from './model';
import { formatUiDate, useI18n } from './i18n';

export function DatasetFooter({ dataset }: { dataset: DatasetInfo }) {
  const { t, lang } = useI18n();
  return (
    <footer class="dataset">
      <p class="dataset-line">
        {t('ui_dataset', dataset.version, formatUiDate(dataset.asOf, lang), dataset.hash)}
      </p>
      <p class="privacy">{t('ui_privacy')}</p>
    </footer>
  );
}
