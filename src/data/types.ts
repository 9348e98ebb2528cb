/**
 * The bundled dataset's shape, as TypeScript sees it. The one description of the format is the JSON
 * Schema `story.schema.json` (checked at build time by `npm run check:data`); `validate.ts` adds the
 * cross-references a schema cannot say. Keep these types and the schema in step.
 */

/** Languages for which aliases are kept. */
export type Lang = 'en' | 'ar' | 'he' | 'de' | 'fr' | 'es' | 'ja' | 'it' | 'pt' | 'nl' | 'tr' | 'ru' | 'fa' | 'zh' | 'ko'
  | 'pl' | 'cs' | 'uk' | 'el' | 'sv' | 'ro' | 'id' | 'vi' | 'hi' | 'ur';

/** The names Backstory marks on pages. The id is also the highlight name suffix: `backstory-<id>`. */
export type EntityId = 'microsoft' | 'azure' | 'unit-8200';

export const ENTITY_IDS: readonly EntityId[] = ['microsoft', 'azure', 'unit-8200'];

/** How far a claim stands: who says it, and whether the other side agrees. */
export type FactStatus = 'reported' | 'confirmed' | 'denied' | 'disputed' | 'announced';

/** What kind of publication a source is. */
export type SourceKind =
  | 'investigation'
  | 'news'
  | 'opinion'
  | 'wire'
  | 'company-statement'
  | 'ngo'
  | 'court-regulator'
  | 'filing';

/**
 * An ISO date, as precise as the fact sheet allows: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
 * `dateLabel` on the item carries wording such as "Late 2021" when the date is approximate.
 */
export type IsoDate = string;

/** A name Backstory marks. */
export interface Entity {
  id: EntityId;
  /** Display name, e.g. "Unit 8200". */
  name: string;
  /** One neutral line. */
  description: string;
  /**
   * Written forms per language, as they appear in text. Tokens are separated by single spaces;
   * the matcher allows any whitespace, soft hyphens and zero-width characters between and inside them.
   */
  aliases: Partial<Record<Lang, string[]>>;
  /**
   * Short forms that count only after a full mention of the same entity on the same page
   * (e.g. "8200" after "Unit 8200").
   */
  shortForms?: Partial<Record<Lang, string[]>>;
  /** The story this entity's card shows. */
  storyId: string;
  /** The facts most relevant to this entity, most important first (3–5 shown on the card). */
  factIds: string[];
  i18n?: Translations<'name' | 'description'>;
}

/** A related actor named in facts; described, never marked on pages. */
export interface Actor {
  id: string;
  name: string;
  description: string;
  kind: 'company' | 'law-firm' | 'publisher' | 'campaign' | 'government' | 'military' | 'person' | 'ngo';
  aliases?: Partial<Record<Lang, string[]>>;
  i18n?: Translations<'name' | 'description'>;
}

/**
 * Per-language text, added later (issue 15): `{ "ar": { "text": "…" } }`. Each field replaces the English
 * one of the same name for readers in that language; a missing field falls back to English as a whole.
 */
export type Translations<K extends string> = Partial<Record<string, Partial<Record<K, string>>>>;

/**
 * For a `confirmed` fact: who confirmed it, what exactly they confirmed, and what they did not, when the
 * fact sheet gives that limit (facts.md section 5, "Scope of confirmation").
 */
export interface Confirmation {
  /** Who confirmed, e.g. "Brad Smith (Microsoft)". */
  by: string;
  /** What was confirmed, in the sheet's terms. */
  confirmed: string;
  /** What was not confirmed; omitted only when the sheet gives no limit. */
  notConfirmed?: string;
}

/** One attributed, dated, sourced claim. */
export interface Fact {
  id: string;
  /** Attributed wording: "The Guardian reported…", "Microsoft said…". No adjectives of our own. */
  text: string;
  status: FactStatus;
  date: IsoDate;
  /** Human wording for approximate dates ("Late 2021", "4–7 Apr 2025"). */
  dateLabel?: string;
  /**
   * When the fact became public, if later than `date` (a late-2021 meeting first reported on
   * 2025-08-06). "Since this article" uses this date; the card shows both.
   */
  reportedDate?: IsoDate;
  sourceIds: string[];
  /** Responses shown beside this fact (for allegations). */
  responseIds?: string[];
  /** Actors involved (ids of `actors`). */
  actorIds?: string[];
  /** Required when `status` is "confirmed". */
  confirmation?: Confirmation;
  i18n?: Translations<'text' | 'dateLabel'>;
}

/** Who is responding. */
export type ResponseParty =
  | 'microsoft'
  | 'israeli-military'
  | 'reporters'
  | 'workers'
  | 'rights-groups'
  | 'shareholders';

/** A statement by one side, shown next to the allegations it answers. */
export interface StoryResponse {
  id: string;
  party: ResponseParty;
  /** e.g. "Microsoft", "Israeli military spokesperson". */
  speaker: string;
  text: string;
  date: IsoDate;
  dateLabel?: string;
  sourceIds: string[];
  /**
   * The facts whose substance this reply answers (each must also list the reply in `responseIds`).
   * A reply shown beside a fact without answering it (context, a reaction) leaves that fact out here.
   */
  addresses?: string[];
  i18n?: Translations<'speaker' | 'text' | 'dateLabel'>;
}

export interface Story {
  id: string;
  headline: string;
  /** Two or three sentences. */
  summary: string;
  /** 6–10 fact ids: the key facts, most important first. */
  keyFactIds: string[];
  /** Fact ids in chronological order, late 2021 to the latest item. */
  timelineIds: string[];
  facts: Fact[];
  responses: StoryResponse[];
  i18n?: Translations<'headline' | 'summary'>;
}

export interface Source {
  /** "S1" … as in research/facts.md. */
  id: string;
  publisher: string;
  title: string;
  date: IsoDate;
  dateLabel?: string;
  kind: SourceKind;
  /** Only where the fact sheet marks the URL V1 or V2; never guessed. https only. */
  url?: string;
  /** Language of the source, if not English. */
  lang?: string;
}

export interface ChangelogEntry {
  version: string;
  /** The day of the release (may be after `asOf`). */
  date: IsoDate;
  changes: string[];
}

export interface DatasetMeta {
  /** Semver of the content. */
  version: string;
  /** The date of the newest dated item; nothing is dated after it. */
  asOf: IsoDate;
  changelog: ChangelogEntry[];
}

export interface Dataset {
  /** Path of the JSON Schema, for editors (`./story.schema.json`). */
  $schema?: string;
  meta: DatasetMeta;
  entities: Entity[];
  actors: Actor[];
  stories: Story[];
  sources: Source[];
}
