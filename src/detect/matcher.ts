import { azureNeeds, type Judgement } from './azure';
import { excludedSpans, exclusionPattern, KNOWN_OTHER_NAMES, namesContainingOurs, type Named } from './exclusions';
import { hasCloudTerm } from './cloud-terms';
import { endsWord, inAddress, isHanAdjective, startsWord } from './edges';
import { compileForms, gateSources } from './forms';
import type { AliasForm, EntityAliases } from './forms';
import { fold, FULL_WIDTH, MIXED, needsFold } from './fold';
import { hasIgnorable, rawRange, strip } from './ignorable';
import { isQuantityOrModel } from './number';
import { namesUnit } from './paraphrase';
import { sentenceAround } from './sentence';
import { afterDwelling, isGenericUnit } from './unit-word';
import { hasOtherSense, hasUnitEvidence, isLowerCaseNoun, isMilitaryNoun } from './unit-evidence';
import { FORMAT_CHARS, MARK_CHARS, MARK_RANGES } from './text';
import type { Candidate, Matcher, NameProbe, Needs, PageContext } from './types';

interface Hit {
  form: AliasForm;
  start: number;
  end: number;
  needs: Needs;
}

interface Judged {
  form: AliasForm;
  start: number;
  end: number;
  needs: Judgement;
}

/**
 * What a regex hit at [start, end) needs, or null when it is not a mention at all. Every rule reads only
 * the words around the hit; `local` hits are settled from their sentence in `settle`.
 */
function judge(text: string, start: number, end: number, form: AliasForm): Judgement | null {
  const name = form.head === 'latin' && form.tail === 'latin';
  if (!startsWord(text, start, form.head, form.afterLam) || !endsWord(text, end, form.tail, name)) return null;
  if ((form.head === 'latin' || form.tail === 'latin') && inAddress(text, start, end)) return null;
  if (form.head === 'cjk' && isHanAdjective(text, start, end)) return null;
  if (form.bareNumber && (isQuantityOrModel(text, start, end) || afterDwelling(text, start))) return null;
  if (form.numbered && isGenericUnit(text, start, end, form.numberFirst)) return null;
  // Rule: a bare number right after a phrase that names an intelligence unit is a full mention.
  if (form.short) return form.bareNumber && namesUnit(text, start, end) ? 'none' : 'full-mention';
  if (form.numbered && !isMilitaryNoun(text.slice(start, end))) return 'evidence';
  return form.entityId === 'azure' ? azureNeeds(text, start, end, form.namesMicrosoft, form.lang) : 'none';
}

/**
 * Rule: an ambiguous Azure form counts at once when its own sentence names Microsoft, Azure or the unit, or
 * says cloud, servers or data centres; a `local` form (Arabic أزور) counts only then. Otherwise a bare
 * Azure still waits for a full Microsoft or Azure mention on the page (as a short form does).
 */
function settle(text: string, judged: Judged[]): Hit[] {
  const out: Hit[] = [];
  for (const hit of judged) {
    if (hit.needs !== 'local' && hit.needs !== 'cloud-context' && hit.needs !== 'evidence') {
      out.push({ ...hit, needs: hit.needs });
      continue;
    }
    const [from, to] = sentenceAround(text, hit.start, hit.end);
    // A numbered unit name is a name here even while it waits for evidence, and any Microsoft or Azure hit
    // names the story for a unit name: "Unit 8200 moved the recordings to Azure" settles both.
    const named = judged.some(
      (other) =>
        other !== hit &&
        other.start >= from &&
        other.end <= to &&
        (other.needs === 'none' || other.needs === 'evidence' || (hit.needs === 'evidence' && other.form.entityId !== 'unit-8200')),
    );
    const sentence = text.slice(from, hit.start) + ' ' + text.slice(hit.end, to);
    // Rule: a numbered "unit" in a sentence about flats, sales, prices or measures, or written in lower case
    // where the name is capitalised, waits for a mention of the unit elsewhere on the page, unless the same
    // sentence names Microsoft or Azure, says cloud, or places it in the story's world (unit-evidence.ts).
    if (hit.needs === 'evidence') {
      const doubtful = isLowerCaseNoun(text.slice(hit.start, hit.end)) || hasOtherSense(sentence);
      const placed = named || hasUnitEvidence(sentence) || hasCloudTerm(sentence);
      out.push({ ...hit, needs: doubtful && !placed ? 'full-mention' : 'none' });
      continue;
    }
    if (named || hasCloudTerm(sentence)) out.push({ ...hit, needs: 'none' });
    else if (hit.needs === 'cloud-context') out.push({ ...hit, needs: 'cloud-context' });
  }
  return out;
}

/**
 * Compiles the aliases into two regexes:
 * - `gate`, one cheap alternation of a distinctive part of every alias, of the invisible characters and
 *   of the vowel marks (which may sit inside a name), that rejects nearly every block of a news page;
 * - `scan`, the alternation of all forms, longest first, one capturing group per form.
 * Boundaries, prefixes and senses are checked in code on each hit, which keeps both regexes literal-led.
 */
export function compileMatcher(entities: readonly EntityAliases[], others: readonly Named[] = []): Matcher {
  const forms = compileForms(entities);
  const gate = new RegExp([...gateSources(forms), `[${FORMAT_CHARS}${MARK_RANGES}${FULL_WIDTH}]`, MIXED].join('|'));
  // The gate's names alone, for text with its invisible characters and vowel marks removed (the probe).
  const names = new RegExp(gateSources(forms).join('|'));
  // Each gate piece is part of one form's text, one character per character of it (pattern.ts).
  const span = Math.max(1, ...forms.map((f) => f.length));
  const units = nameUnits(gateSources(forms));
  // What only a block with a name needs is made on the first such block, not at start-up, which every page
  // pays: the alternation of all forms, each form on its own for retrying shorter forms at a position where
  // the longest one was rejected ("8200 units"), and the other actors' names (below).
  let scan: RegExp | undefined;
  const single: RegExp[] = [];

  /** The best accepted form at `start`, trying forms after `after` (the ones the alternation skipped). */
  function retry(text: string, start: number, after: number): Judged | null {
    for (let i = after + 1; i < forms.length; i++) {
      const form = forms[i];
      if (!form) continue;
      const re = (single[i] ??= new RegExp(form.source, 'y'));
      re.lastIndex = start;
      const m = re.exec(text);
      if (!m) continue;
      const end = start + m[0].length;
      const needs = judge(text, start, end, form);
      if (needs) return { form, start, end, needs };
    }
    return null;
  }

  function hits(text: string): Hit[] {
    const out: Judged[] = [];
    const all = (scan ??= new RegExp(forms.map((f) => `(${f.source})`).join('|'), 'g'));
    all.lastIndex = 0;
    for (let m = all.exec(text); m; m = all.exec(text)) {
      const start = m.index;
      let i = 1;
      while (m[i] === undefined) i++;
      const form = forms[i - 1];
      if (!form) break;
      const end = start + m[0].length;
      // Rule: the number of a generic "unit 8200" (an apartment, a price per unit) is no short form either.
      if (form.numbered && isGenericUnit(text, start, end, form.numberFirst)) {
        all.lastIndex = end;
        continue;
      }
      const needs = judge(text, start, end, form);
      const hit = needs ? { form, start, end, needs } : retry(text, start, i - 1);
      if (hit) out.push(hit);
      all.lastIndex = hit ? hit.end : start + 1;
    }
    return settle(text, out);
  }

  let cold = true;
  /** Names of other actors that contain ours ("No Azure for Apartheid"), found with the plain hits. */
  let exclusion: RegExp | undefined;

  /** Hits outside the names of other actors. Runs only on blocks that already have a hit. */
  function hitsOutsideOthers(text: string): Hit[] {
    const found = hits(text);
    if (found.length === 0) return found;
    exclusion ??= exclusionPattern([...new Set([...KNOWN_OTHER_NAMES, ...namesContainingOurs(others, (name) => hits(name).length > 0)])]);
    const spans = excludedSpans(exclusion, text);
    if (spans.length === 0) return found;
    return found.filter((h) => !spans.some(([s, e]) => h.start >= s && h.end <= e));
  }

  /**
   * Hits in the text with invisible characters removed and look-alike letters folded (fold.ts, which keeps
   * every offset), and the raw offsets of the removed characters if any were.
   */
  function search(text: string): { hits: Hit[]; removed: number[] | null } {
    if (!gate.test(text)) return { hits: [], removed: null };
    const folded = needsFold(text) ? fold(text) : text;
    if (!hasIgnorable(folded)) return { hits: hitsOutsideOthers(folded), removed: null };
    const stripped = strip(folded);
    return { hits: hitsOutsideOthers(stripped.text), removed: stripped.removed };
  }

  return {
    find(text) {
      // Most blocks of a page: nothing to map, no objects made.
      if (!gate.test(text)) return [];
      const { hits: found, removed } = search(text);
      return found.map(({ form, start, end, needs }): Candidate => {
        const [rawStart, rawEnd] = removed ? rawRange(removed, start, end) : [start, end];
        return { entityId: form.entityId, start: rawStart, end: rawEnd, needs };
      });
    },
    context(text) {
      const { hits: found } = search(text);
      const out: Partial<PageContext> = {};
      const full = found.filter((h) => h.needs === 'none');
      if (full.some((h) => h.form.entityId === 'microsoft' || h.form.namesMicrosoft)) out.microsoft = true;
      if (full.some((h) => h.form.entityId === 'unit-8200')) out.unit8200 = true;
      // Cloud words elsewhere on the page are not context: only a full Microsoft or Azure mention is.
      if (out.microsoft || full.some((h) => h.form.entityId === 'azure')) out.cloud = true;
      return out;
    },
    mayContain(text) {
      const probe = nameProbe(gate, names, span, units);
      return probe.add(text) || probe.end();
    },
    probe: () => nameProbe(gate, names, span, units),
    warm(step) {
      // The engines compile an expression apart for Latin-1 text and for text beyond it, and again to machine
      // code on its second run. Each step reads one text twice, as `find` reads a block: the gate, the scan of
      // every form and the other actors' names (on the first hit), then the unit's bare number, whose guards
      // are some thirty expressions. Once every step has run, a later scan of the page has none to run.
      const text = WARM[step];
      if (!text || !cold) return (cold = false);
      search(text);
      search(text);
      return true;
    },
  };
}

/**
 * Matcher.warm's texts, one per step. The number's sentence is long enough on both sides for every guard to
 * run: after warming on "the 8200 x", the first "Officials said 8200" still took 14-33 ms in Chromium
 * (bench:cold); this sentence leaves ~0.1 ms. Then the same beyond Latin-1.
 */
const WARM = 'Microsoft|Officials said 8200 x in the report.|Officials said 8200 x in the report.\u2019'.split('|');

/** Characters of text tested at once by a probe (once it has met invisible characters or vowel marks). */
const PROBE_CHUNK = 4_096;
const UNSEEN_ALL = new RegExp(`[${FORMAT_CHARS}${MARK_CHARS}]`, 'g');

/**
 * The UTF-16 code units a piece of `names` can hold, as a table: every character written in the gate
 * sources (their syntax characters too, a superset), and every surrogate. A gate source with an escape
 * that stands for a class (\s, \d, \p…) would hold characters not written in it: then every unit counts.
 */
function nameUnits(sources: readonly string[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  if (sources.some((s) => /\\[a-zA-Z]/.test(s))) return table.fill(1);
  for (const source of sources) for (let i = 0; i < source.length; i++) table[source.charCodeAt(i)] = 1;
  table.fill(1, 0xd800, 0xe000);
  // Letters that fold into a name's letters (fold.ts): Greek, Cyrillic, full-width digits and Latin.
  table.fill(1, 0x370, 0x500);
  table.fill(1, 0xff10, 0xff5b);
  return table;
}

/**
 * Matcher.probe. Every hit of `find` holds, once its invisible characters and vowel marks are removed
 * (the only characters a name may have inside that its gate piece has not), a piece of `names`, at most
 * `span` characters long.
 *
 * Each piece (a text node) is tested on its own with `gate` (the names or one of those characters), as
 * the floor tests each node: no string is built. A name split between pieces is seen at the last
 * junction it crosses, where the character before and the one after are both characters of a name
 * (`units`): the last `span` - 1 characters before that junction and the first `span` - 1 after it are
 * tested with `names`. Most junctions sit next to a space and cost a table lookup.
 *
 * Once a piece holds one of those characters (but no name), what follows is read as before this fast path:
 * joined into a chunk, tested with `gate`, and again without those characters only if it has some; the
 * chunk starts with the last `span` - 1 characters (without those characters) read before it. After the
 * chunk, the fast path goes on with the chunk's last `span` - 1 characters (likewise) as its last piece.
 */
function nameProbe(gate: RegExp, names: RegExp, span: number, units: Uint8Array): NameProbe {
  /** The last `span` pieces read on the fast path (each has a character, so they cover `span` - 1). */
  const recent: string[] = [];
  let count = 0;
  let lastUnit = -1;
  /** The chunk being joined, once the fast path is left. */
  let text: string | null = null;
  const before = (): string => {
    let s = '';
    for (let i = count - 1; i >= 0 && i >= count - span && s.length < span - 1; i--) s = (recent[i % span] as string) + s;
    return span > 1 ? s.slice(1 - span) : '';
  };
  const test = (): boolean => {
    const chunk = text ?? '';
    if (!gate.test(chunk)) return false;
    if (names.test(chunk)) return true;
    text = chunk.replace(UNSEEN_ALL, '');
    // Nothing removed: the same text `names` just failed on (a chunk the gate let through for a fold letter).
    if (text.length !== chunk.length && names.test(text)) return true;
    // Full-width and look-alike letters (fold.ts): folded only here, in a chunk the gate already let through.
    if (!needsFold(text)) return false;
    text = fold(text);
    return names.test(text);
  };
  const join = (piece: string): boolean => {
    text += piece;
    if ((text as string).length < PROBE_CHUNK) return false;
    if (test()) return true;
    // Back to the fast path, the chunk's last `span` - 1 characters (without those characters) standing as
    // one piece before the next: one soft hyphen or byte-order mark near the top of a page no longer sends
    // the rest of the page through the chunks (wikipedia-2: 3-4x the floor).
    const carry = span > 1 ? (text as string).slice(1 - span) : '';
    text = null;
    count = 0;
    lastUnit = -1;
    if (carry !== '') {
      recent[count++] = carry;
      lastUnit = carry.charCodeAt(carry.length - 1);
    }
    return false;
  };
  return {
    add(piece) {
      if (text !== null) return join(piece);
      if (piece === '') return false;
      if (gate.test(piece)) {
        if (names.test(piece)) return true;
        text = before();
        return join(piece);
      }
      if (lastUnit >= 0 && units[lastUnit] === 1 && units[piece.charCodeAt(0)] === 1) {
        const junction = before() + piece.slice(0, span - 1);
        if (names.test(junction) || (needsFold(junction) && names.test(fold(junction)))) return true;
      }
      recent[count++ % span] = piece;
      lastUnit = piece.charCodeAt(piece.length - 1);
      return false;
    },
    end: () => text !== null && test(),
  };
}
