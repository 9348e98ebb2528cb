/**
 * The translatable items of the dataset and the shape of the per-language table that ships. Shared by
 * the build-time check (translation-check.ts), the run-time lookups (content.ts) and
 * scripts/i18n-skeleton.mjs's format: an item is `<kind>/<id>`, its fields are named as below.
 */
import type { Dataset } from './types';

/** The languages the dataset is translated into (the card's and popup's UI languages besides English). */
export type TranslatedLang = 'ar' | 'he';
export const TRANSLATED_LANGS: readonly TranslatedLang[] = ['ar', 'he'];

export type ItemKind = 'story' | 'fact' | 'response' | 'entity' | 'actor' | 'source';

/** Which fields each kind of item may translate. */
export const KIND_FIELDS: Readonly<Record<ItemKind, readonly string[]>> = {
  story: ['headline', 'summary'],
  fact: ['text', 'dateLabel', 'confirmedBy', 'confirmed', 'notConfirmed'],
  response: ['speaker', 'text', 'dateLabel'],
  entity: ['name', 'description'],
  actor: ['name', 'description'],
  source: ['dateLabel'],
};

/** Translated fields of one item, `en` stripped: what the bundle carries. */
export type ItemFields = Readonly<Record<string, string>>;

/** Per language, the complete and current items: `{ ar: { "fact/f-x": { text: "…" } } }`. */
export type TranslationTable = Readonly<Partial<Record<TranslatedLang, Readonly<Record<string, ItemFields>>>>>;

/** The English a reader sees, per item key, with only the fields the item has (no empty ones). */
export function englishItems(data: Dataset): Record<string, Record<string, string>> {
  const items: Record<string, Record<string, string>> = {};
  const put = (key: string, fields: Record<string, string | undefined>) => {
    const en: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields)) if (typeof value === 'string' && value !== '') en[name] = value;
    if (Object.keys(en).length > 0) items[key] = en;
  };
  for (const s of data.stories) {
    put(`story/${s.id}`, { headline: s.headline, summary: s.summary });
    for (const f of s.facts) {
      put(`fact/${f.id}`, {
        text: f.text,
        dateLabel: f.dateLabel,
        confirmedBy: f.confirmation?.by,
        confirmed: f.confirmation?.confirmed,
        notConfirmed: f.confirmation?.notConfirmed,
      });
    }
    for (const r of s.responses) put(`response/${r.id}`, { speaker: r.speaker, text: r.text, dateLabel: r.dateLabel });
  }
  for (const e of data.entities) put(`entity/${e.id}`, { name: e.name, description: e.description });
  for (const a of data.actors) put(`actor/${a.id}`, { name: a.name, description: a.description });
  for (const src of data.sources) put(`source/${src.id}`, { dateLabel: src.dateLabel });
  return items;
}
