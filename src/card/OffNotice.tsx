/**
 * What the card becomes after "Hide on this site": "Off on theguardian.com — Undo", in the card's place
 * next to the reader's text, with focus on Undo so one more key press restores everything.
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { CloseButton } from './CloseButton';
import type { Translate } from './i18n';

export interface OffState {
  site: string;
  onUndo: () => void;
}

export function OffNotice({ off, t, onClose }: { off: OffState; t: Translate; onClose: () => void }) {
  const undo = useRef<HTMLButtonElement>(null);
  // In the same task as the render that removed "Hide on this site" (a plain effect waits for the next
  // frame): focus never falls to the page's <body> in between, where a screen reader would announce it.
  useLayoutEffect(() => {
    undo.current?.focus();
  }, []);
  return (
    <div class="off">
      <p id="bs-off" class="off-text" role="status">
        {t('card_offOnSite', off.site)}
      </p>
      <button type="button" class="btn btn-primary" ref={undo} onClick={off.onUndo}>
        {t('card_undo')}
      </button>
      <CloseButton label={t('card_close')} onClose={onClose} />
    </div>
  );
}
