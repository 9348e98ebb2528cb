/** Pure matching: aliases -> matcher, text -> candidate mentions. No DOM, no browser APIs. */
export { compileMatcher } from './matcher';
export { accepts } from './accepts';
export type { Candidate, Matcher, Needs, PageContext } from './types';
export type { EntityAliases } from './forms';
