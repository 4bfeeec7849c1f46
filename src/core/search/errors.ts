/** Every way a search can be malformed; the UI words each one (see the `search.error` catalog section). */
export type SearchErrorKind =
  | 'misplacedAnd'
  | 'misplacedOr'
  | 'emptyGroup'
  | 'unopenedGroup'
  | 'unclosedGroup'
  | 'emptyQuote'
  | 'unclosedQuote'
  | 'missingKey'
  | 'unknownEscape'
  | 'invalidIdList'
  | 'invalidState'
  | 'invalidFlag'
  | 'invalidPropProperty'
  | 'invalidPropOperator'
  | 'invalidNumber'
  | 'invalidWholeNumber'
  | 'invalidPositiveWholeNumber'
  | 'invalidNegativeWholeNumber'
  | 'invalidAnswerButton'
  | 'invalidRegex';

export const SEARCH_ERROR_KINDS: readonly SearchErrorKind[] = [
  'misplacedAnd',
  'misplacedOr',
  'emptyGroup',
  'unopenedGroup',
  'unclosedGroup',
  'emptyQuote',
  'unclosedQuote',
  'missingKey',
  'unknownEscape',
  'invalidIdList',
  'invalidState',
  'invalidFlag',
  'invalidPropProperty',
  'invalidPropOperator',
  'invalidNumber',
  'invalidWholeNumber',
  'invalidPositiveWholeNumber',
  'invalidNegativeWholeNumber',
  'invalidAnswerButton',
  'invalidRegex',
];

/**
 * A malformed search: what is wrong, where (`start`–`end`, offsets into the search as typed, so
 * the UI can mark the spot) and what was written there (`provided`, for the message).
 */
export class SearchSyntaxError extends Error {
  readonly kind: SearchErrorKind;
  readonly start: number;
  readonly end: number;
  readonly provided: string;

  constructor(kind: SearchErrorKind, start: number, end: number, provided: string) {
    super(`Search: ${kind} at ${start}–${end}: ${provided}`);
    this.name = 'SearchSyntaxError';
    this.kind = kind;
    this.start = start;
    this.end = end;
    this.provided = provided;
  }
}
