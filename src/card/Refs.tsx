/** Numbered source references ("[1][2]") that jump to the entry in the card's source list. */
import { useContext } from 'preact/hooks';
import { SourceLabels } from './source-labels';

export interface RefsProps {
  refs: readonly number[];
  onJump: (n: number) => void;
}

export function Refs({ refs, onJump }: RefsProps) {
  // Named by publisher and date ("[3] The Guardian, 6 Aug 2025"), not by number alone.
  const label = useContext(SourceLabels);
  if (refs.length === 0) return null;
  return (
    <span class="refs">
      {refs.map((n) => (
        // A button, not an in-page `#fragment` link: a fragment would change the page's URL and scroll it.
        <button key={n} type="button" class="ref" aria-label={label ? label(n) : String(n)} onClick={() => onJump(n)}>
          [{n}]
        </button>
      ))}
    </span>
  );
}
