/**
 * A search parsed from Anki's search language (the manual's "Searching" page), as a tree.
 * `and` binds tighter than `or`, as in Anki, where `a b or c` means `(a and b) or c`.
 */
export type SearchNode =
  | { kind: 'all' }
  | { kind: 'and'; children: SearchNode[] }
  | { kind: 'or'; children: SearchNode[] }
  | { kind: 'not'; child: SearchNode }
  | SearchTerm;

export type CardStateTerm = 'new' | 'learn' | 'review' | 'due' | 'suspended' | 'buried' | 'buried-manually' | 'buried-sibling';

export type Comparison = '<' | '<=' | '>' | '>=' | '=' | '!=';

export type Property = 'ivl' | 'due' | 'reps' | 'lapses' | 'ease' | 'pos' | 's' | 'd' | 'r' | 'rated';

/**
 * One search term. Text kept as a glob (`*`, `_`, `\*`, `\_`, `\\`) is matched by `globMatcher`;
 * `re` holds a regular expression's source, as typed.
 */
export type SearchTerm =
  | { kind: 'text'; glob: string }
  | { kind: 'field'; field: string; glob: string }
  | { kind: 'fieldRegex'; field: string; re: string }
  | { kind: 'fieldNoCombining'; field: string; glob: string }
  | { kind: 'regex'; re: string }
  | { kind: 'noCombining'; glob: string }
  | { kind: 'deck'; glob: string }
  | { kind: 'tag'; glob: string }
  | { kind: 'tagRegex'; re: string }
  | { kind: 'noteType'; glob: string }
  | { kind: 'template'; ordinal: number }
  | { kind: 'templateName'; glob: string }
  | { kind: 'state'; state: CardStateTerm }
  | { kind: 'flag'; flag: number }
  | { kind: 'prop'; property: Exclude<Property, 'rated'>; op: Comparison; value: number }
  | { kind: 'propRated'; op: Comparison; days: number; rating: number | null }
  | { kind: 'rated'; days: number; rating: number | null }
  | { kind: 'added'; days: number }
  | { kind: 'edited'; days: number }
  | { kind: 'introduced'; days: number }
  | { kind: 'noteIds'; ids: string[] }
  | { kind: 'cardIds'; ids: string[] };
