import { APOSTROPHES, ARABIC_MARKS, HEBREW_MARKS, NUMBER_JOINER, digitVariants } from './text';

/**
 * One alias as regex source. The source has no boundaries (they are checked in code at each hit, which
 * keeps the combined regex a plain alternation that V8 scans quickly) and no capturing groups.
 */
export interface AliasPattern {
  source: string;
  /**
   * The alias's words and numbers, each as a source without vowel marks (the gate adds the marks as a
   * class of their own) and with how well it would gate (higher = rarer).
   */
  pieces: { source: string; rarity: number }[];
}

const ALEFS = '\u0627\u0623\u0625\u0622';
const SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

/** Arabic and Persian letters that are one letter in a name: Arabic ي/ى and Persian ی; Arabic ك and Persian ک. */
const YEHS = '\u064A\u0649\u06CC';
const KAFS = '\u0643\u06A9';

/**
 * Spelling variants that are the same name: typographic apostrophes, alef with or without hamza, ة/ه,
 * Arabic and Persian yeh and kaf (Persian pages use either), and Turkish dotted capital İ for i.
 */
function charSource(ch: string, caseless: boolean): string {
  if (APOSTROPHES.includes(ch)) return `[${APOSTROPHES}]`;
  if (ALEFS.includes(ch)) return `[${ALEFS}]`;
  if (ch === '\u0629') return '[\u0629\u0647]';
  if (YEHS.includes(ch)) return `[${YEHS}]`;
  if (KAFS.includes(ch)) return `[${KAFS}]`;
  if (ch === 'I') return '[I\u0130]';
  if (caseless && ch === 'i') return '[iI\u0130]';
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (caseless && lower !== upper && lower.length === 1 && upper.length === 1) return `[${lower}${upper}]`;
  return ch.replace(SPECIAL, '\\$&');
}

/** The vowel marks that may follow a letter of the name: Arabic after Arabic letters, Hebrew after Hebrew. */
function marksAfter(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >> 8 === 6 ? `[${ARABIC_MARKS}]*` : code >> 8 === 5 && code >= 0x590 ? `[${HEBREW_MARKS}]*` : '';
}

/**
 * `alias` is normalised: ASCII digits, single spaces between tokens, no ignorable characters.
 * Numbers match in every digit script; a number joins its neighbour word with optional space or hyphen.
 * Hyphens in an alias separate tokens like spaces.
 * `caseless`: letters match in any case (used for "unit 8200", where "unit" is a common word).
 */
export function aliasPattern(alias: string, caseless: boolean): AliasPattern {
  const pieces = alias.split(/(\d+)|[\s-]+/).filter((p): p is string => p !== undefined && p !== '');
  let source = '';
  const gates: AliasPattern['pieces'] = [];
  let previous = '';
  for (const piece of pieces) {
    const isNumber = /^\d/.test(piece);
    // Each character once (this runs at every page's start, as cold code): the gate's source and the
    // piece's, which lets vowel marks follow each letter.
    let pieceSource = '';
    let gateSource = '';
    if (isNumber) pieceSource = gateSource = `(?:${digitVariants(piece).join('|')})`;
    else for (const ch of piece) {
      const source = charSource(ch, caseless);
      gateSource += source;
      pieceSource += source + marksAfter(ch);
    }
    if (previous) source += isNumber || /^\d/.test(previous) ? NUMBER_JOINER : '\\s+';
    source += pieceSource;
    // Numbers, capitals and long words are rare in running text; "unit" in any case is common.
    const capitals = piece.replace(/[^A-Z]/g, '').length;
    gates.push({ source: gateSource, rarity: piece.length + capitals + (isNumber ? 8 : 0) - (caseless ? 8 : 0) });
    previous = piece;
  }
  return { source, pieces: gates };
}
