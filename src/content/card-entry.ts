/** Entry point of card.js (see card-module.ts). */
import type { PublishedInfo } from '../shared/messages';
import { createCard, dismissedSentences } from './card-actions';
import { CARD_MODULE, type CardModule, type CardScope } from './card-module';
import { Dismissals } from './dismissals';
import { findPublishedDate } from './published-date';
import { articleAboutStory } from './topic-text';

/** The page's publication date, read once (undefined: not read yet). */
let published: PublishedInfo | null | undefined;
const publishedInfo = () => (published === undefined ? (published = findPublishedDate(document)) : published);

const scope = globalThis as CardScope;
scope[CARD_MODULE] ??= { createCard, Dismissals, dismissedSentences, publishedInfo, articleAboutStory } satisfies CardModule;
