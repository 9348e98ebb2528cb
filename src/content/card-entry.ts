/** Entry point of card.js (see card-module.ts). */
import { createCard, dismissedSentences } from './card-actions';
import { CARD_MODULE, type CardModule, type CardScope } from './card-module';
import { Dismissals } from './dismissals';
import { findPublishedDate } from './published-date';
import { articleAboutStory } from './topic-text';

const scope = globalThis as CardScope;
scope[CARD_MODULE] ??= { createCard, Dismissals, dismissedSentences, findPublishedDate, articleAboutStory } satisfies CardModule;
