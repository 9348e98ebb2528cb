import type { EntityId } from '../data/types';

/**
 * What a candidate still needs from the rest of the page before it counts:
 * - `none`: it counts on its own ("Unit 8200", "Microsoft", "Azure OpenAI");
 * - `cloud-context`: a bare "Azure" whose sentence does not decide it; it needs a full Microsoft or Azure mention
 *   on the page (it could be the colour);
 * - `full-mention`: a short form ("8200") that counts only after a full mention of its entity.
 */
export type Needs = 'none' | 'cloud-context' | 'full-mention';

/** One possible mention found in a block of text. */
export interface Candidate {
  entityId: EntityId;
  /** UTF-16 offset into the raw text passed to `find()`. */
  start: number;
  /**
   * Exclusive. The range covers exactly the name as written: no possessive "’s", no attached Arabic or
   * Hebrew prefix letters; the Arabic article ال stays when the alias contains it.
   */
  end: number;
  needs: Needs;
}

/** What the whole page (title + scanned text) provides to candidates that need context. */
export interface PageContext {
  /** A Microsoft mention. */
  microsoft: boolean;
  /**
   * A full Microsoft or Azure mention: what a bare "Azure" whose own sentence says nothing needs. Cloud words
   * elsewhere on the page are not enough ("cloud" is also weather); they count only in the sentence itself.
   */
  cloud: boolean;
  /** A full Unit 8200 mention (not the bare number). */
  unit8200: boolean;
}

/** A matcher compiled once from the dataset's aliases; pure, safe to call on every text block. */
export interface Matcher {
  /** Candidates in text order, non-overlapping, longest alias wins ("Microsoft Azure" is one azure candidate). */
  find(text: string): Candidate[];
  /** What this text contributes to page context; only the flags it sets are present (all `true`). */
  context(text: string): Partial<PageContext>;
  /**
   * Whether the text could hold a name at all. When false, `find` and `context` return nothing for
   * it nor for any part of it, so one test over a whole page's text can stand for every block's.
   */
  mayContain(text: string): boolean;
  /** The same test over text read in pieces, in order (a page's text nodes), without joining it all. */
  probe(): NameProbe;
  /**
   * Step `step` (0, 1, …) of what the first block with a name would make and compile in one task; false, doing
   * nothing, once there is no such step. A scan of a page that may hold a name runs them in its own slices.
   */
  warm(step: number): boolean;
}

/** See Matcher.probe: `add` is true once the pieces read so far may hold a name; `end` tests the rest. */
export interface NameProbe {
  add(piece: string): boolean;
  end(): boolean;
}
