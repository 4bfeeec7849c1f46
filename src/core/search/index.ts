export { parseSearch } from './parse';
export { SearchSyntaxError, SEARCH_ERROR_KINDS, type SearchErrorKind } from './errors';
export type { SearchNode, SearchTerm, CardStateTerm } from './tree';
export { fold } from './fold';
export { noteAddedAt, withAddedTime, searchMatcher, reviewWindowStart, noteSearchText, decksMatching, type SearchItem, type SearchContext, type ReviewMark } from './evaluate';
