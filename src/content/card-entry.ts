/** Entry point of card.js (see card-module.ts). */
import { CARD_MODULE, type CardModule, type CardScope } from './card-module';
import { Dismissals } from './dismissals';
import { createCardUI } from './interaction';
import { findPublishedDate } from './published-date';
import { articleAboutStory } from './topic-text';

const scope = globalThis as CardScope;
scope[CARD_MODULE] ??= { createCardUI, Dismissals, findPublishedDate, articleAboutStory } satisfies CardModule;
