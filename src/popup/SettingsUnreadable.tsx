/**
 * Shown (popup and options) instead of settings whose stored state could not be read: nothing was
 * written, and showing defaults would let the reader "change" a state that is not the real one.
 */
import { useI18n } from './i18n';

export function SettingsUnreadable({ onRetry }: { onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div class="warning settings-error" role="alert">
      <p>{t('ui_settingsUnreadable')}</p>
      <button type="button" class="primary" onClick={onRetry}>
        {t('ui_retry')}
      </button>
    </div>
  );
}
