/**
 * "Not about this story": the reader says the mark the card opened on is a wrong one (a person named
 * Azure, a flat numbered 8200). A real button, so it is reached by Tab and pressed with Enter or Space,
 * and a screen reader announces it; the card host drops untrusted events before they reach it, so a
 * page's scripted click does nothing. Undo lives in the popup's "Dismissed on this site".
 */
import type { Translate } from './i18n';

export function NotAboutStory({ t, onDismiss }: { t: Translate; onDismiss: () => void }) {
  return (
    <button type="button" class="btn not-about" onClick={onDismiss}>
      {t('card_notAboutStory')}
    </button>
  );
}
