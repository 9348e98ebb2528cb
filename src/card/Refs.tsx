/** Numbered source references ("[1][2]") that jump to the entry in the card's source list. */
import type { Translate } from './i18n';

export interface RefsProps {
  refs: readonly number[];
  t: Translate;
  onJump: (n: number) => void;
}

export function Refs({ refs, t, onJump }: RefsProps) {
  if (refs.length === 0) return null;
  return (
    <span class="refs">
      {refs.map((n) => (
        // A button, not an in-page `#fragment` link: a fragment would change the page's URL and scroll it.
        <button key={n} type="button" class="ref" aria-label={t('card_sourceRef', String(n))} onClick={() => onJump(n)}>
          [{n}]
        </button>
      ))}
    </span>
  );
}
