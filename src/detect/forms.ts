import type { Entity, EntityId, Lang } from '../data/types';
import { aliasPattern } from './pattern';
import type { AliasPattern } from './pattern';
import { asciiDigits, edgeOf, FORMAT_CHARS, MARK_CHARS } from './text';
import type { Edge } from './text';

/** The dataset fields the matcher reads. */
export type EntityAliases = Pick<Entity, 'id' | 'aliases' | 'shortForms'>;

/** One written form of one alias, ready to be joined into the combined regex. */
export interface AliasForm {
  entityId: EntityId;
  /** The dataset language the alias is listed under, for rules of one language (azure.ts). */
  lang: Lang;
  source: string;
  head: Edge;
  tail: Edge;
  /** A short form: counts only after a full mention of its entity. */
  short: boolean;
  /** Only a number ("8200"): also subject to the quantity/model guard. */
  bareNumber: boolean;
  /** A word and a number ("unit 8200", "Einheit 8200"): the word is also a common noun, so it has guards too. */
  numbered: boolean;
  /** The number first ("8200 unit", "8200 Birimi", "8200部队"). */
  numberFirst: boolean;
  /** An Azure form that includes a Microsoft name ("Microsoft Azure"): unmistakably the cloud. */
  namesMicrosoft: boolean;
  /** The ال of the alias after a ل prefix, which drops the alef (للوحدة = ل + الوحدة): needs that ل. */
  afterLam: boolean;
  /** The alias's words and numbers as sources, for choosing the gate. */
  pieces: AliasPattern['pieces'];
  /** Name length, for longest-first order. */
  length: number;
}

const INVISIBLE = new RegExp(`[${FORMAT_CHARS}${MARK_CHARS}]`, 'g');

function normalise(alias: string): string {
  return asciiDigits(alias.normalize('NFC').replace(INVISIBLE, '')).trim().replace(/\s+/g, ' ');
}

interface Spelling {
  text: string;
  lang: Lang;
  short: boolean;
}

function spellings(entity: EntityAliases): Spelling[] {
  const out: Spelling[] = [];
  for (const [table, short] of [[entity.aliases, false], [entity.shortForms ?? {}, true]] as const) {
    for (const [lang, list] of Object.entries(table) as [Lang, string[]][]) {
      for (const text of list) out.push({ text: normalise(text), lang, short });
    }
  }
  return out;
}

/**
 * Written variants of one alias:
 * - Latin names as written and in ALL CAPS (headlines), never lowercased ("azure" is a colour);
 *   names with a number ("Unit 8200") in any case, since the number already makes them unmistakable;
 * - English "Unit 8200" also as "8200 unit" ("Israel's 8200 unit");
 * - Arabic names with the article also as after a ل prefix (للوحدة 8200);
 * - numbered names in their case forms, in languages that decline them (подразделения 8200, jednostki 8200);
 * - Devanagari letters with a nukta also precomposed.
 */
function variants(s: Spelling): { text: string; caseless: boolean; afterLam: boolean }[] {
  const hasNumber = /\d/.test(s.text);
  const out = [{ text: s.text, caseless: hasNumber, afterLam: false }];
  const upper = s.text.toUpperCase();
  if (!hasNumber && upper !== s.text) out.push({ text: upper, caseless: false, afterLam: false });
  const wordNumber = /^([\p{sc=Latin}]+) (\d+)$/u.exec(s.text);
  if (s.lang === 'en' && wordNumber) out.push({ text: `${wordNumber[2]} ${wordNumber[1]}`, caseless: true, afterLam: false });
  if (s.text.startsWith('\u0627\u0644')) out.push({ text: s.text.slice(1), caseless: hasNumber, afterLam: true });
  // Languages that decline the noun of a numbered name: its case forms are the same name (подразделения 8200,
  // jednostki 8200, Μονάδας 8200, enheten 8200).
  const rule = DECLENSIONS[s.lang];
  const declined = rule && /^([\p{L}]+) (\d+)$/u.exec(s.text);
  if (rule && declined?.[1]?.endsWith(rule[0])) for (const ending of rule[1].split(' ')) {
    out.push({ text: `${declined[1].slice(0, declined[1].length - rule[0].length)}${ending} ${declined[2]}`, caseless: true, afterLam: false });
  }
  // Devanagari letters with a nukta are written precomposed too (ज़ = ज + ़): NFC keeps them apart.
  const nukta = s.text.replace(NUKTA_PAIR, (_, c: string) => String.fromCharCode(0x958 + NUKTA_BASES.indexOf(c)));
  if (nukta !== s.text) out.push({ text: nukta, caseless: hasNumber, afterLam: false });
  return out;
}

/** The letters that have a precomposed nukta form, in the order of U+0958-U+095F (क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़). */
const NUKTA_BASES = 'कखगजडढफय';
const NUKTA_PAIR = new RegExp(`([${NUKTA_BASES}])\u093C`, 'gu');

/** Per language: the base form's ending, and the endings of its other cases (space-separated). */
const DECLENSIONS: Partial<Record<Lang, [string, string]>> = {
  ru: ['ие', 'ия ию ием ии'],
  uk: ['', 'у ом і'],
  pl: ['ka', 'ki kę ce ką'],
  cs: ['ka', 'ky ce ku kou'],
  el: ['α', 'ας'],
  sv: ['', 'en'],
  ro: ['atea', 'ății'],
};

/** All forms, longest first, so that the regex alternation prefers "Microsoft Azure" over "Microsoft". */
export function compileForms(entities: readonly EntityAliases[]): AliasForm[] {
  const microsoftNames = entities
    .filter((e) => e.id === 'microsoft')
    .flatMap(spellings)
    .map((s) => s.text.toUpperCase());
  const forms: AliasForm[] = [];
  const seen = new Set<string>();
  for (const entity of entities) {
    for (const spelling of spellings(entity)) {
      if (!spelling.text) continue;
      for (const v of variants(spelling)) {
        const { source, pieces } = aliasPattern(v.text, v.caseless);
        if (seen.has(source)) continue;
        seen.add(source);
        const upper = v.text.toUpperCase();
        forms.push({
          entityId: entity.id,
          lang: spelling.lang,
          source,
          pieces,
          head: edgeOf(String.fromCodePoint(v.text.codePointAt(0) ?? 32)),
          tail: edgeOf(Array.from(v.text).pop() ?? ' '),
          short: spelling.short,
          bareNumber: /^\d+$/.test(v.text),
          numbered: /\d/.test(v.text) && /[\p{L}]/u.test(v.text) && entity.id === 'unit-8200',
          numberFirst: /^\d/.test(v.text) && /[\p{L}]/u.test(v.text),
          namesMicrosoft: entity.id === 'azure' && microsoftNames.some((m) => upper.includes(m)),
          afterLam: v.afterLam,
          length: v.text.replace(/ /g, '').length,
        });
      }
    }
  }
  return forms.sort((a, b) => b.length - a.length);
}

/**
 * Sources of the parts the gate looks for: one part of every form, sharing parts where forms have them
 * in common ("Microsoft" gates "Microsoft Corporation" too) and otherwise the rarest part ("SIGINT").
 */
export function gateSources(forms: readonly AliasForm[]): string[] {
  const gates = new Set<string>();
  for (const form of forms) if (form.pieces.length === 1 && form.pieces[0]) gates.add(form.pieces[0].source);
  for (const form of forms) {
    if (form.pieces.some((p) => gates.has(p.source))) continue;
    const rarest = form.pieces.reduce((a, b) => (b.rarity > a.rarity ? b : a));
    gates.add(rarest.source);
  }
  return [...gates];
}
