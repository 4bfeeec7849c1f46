/** What an option is: options of one question are always of the question's answer category. */
export type Category =
  | 'nfr-item'
  | 'threat'
  | 'service'
  | 'countermeasure'
  | 'threat-description'
  | 'service-name'
  | 'service-definition'
  | 'note-answer';

/** Questions from the relation tables, one kind per relation and direction. */
export type RelationQuestionKind =
  | 'threats-of-item'
  | 'item-of-threat'
  | 'countermeasures-of-item'
  | 'item-of-countermeasure'
  | 'services-for-threat'
  | 'threats-of-service'
  | 'description-of-threat'
  | 'threat-described'
  | 'definition-of-service'
  | 'service-described';

/** `note`: a two-field note's front asks for its back; `cloze`: fill the blank of a cloze deletion. */
export type QuestionKind = RelationQuestionKind | 'note' | 'cloze';

/** One multiple-choice question, ready to show. All text is plain (no HTML). */
export interface Question {
  /** Stable across runs: the same fact asked the same way has the same id. */
  id: string;
  kind: QuestionKind;
  /** What the stem asks about (a threat, an item, a description, a note's front, a cloze text with its blank). */
  subject: string;
  category: Category;
  options: string[];
  /** Indexes of the right options, ascending. */
  correct: number[];
  /** Select all that apply: the relation has several right answers. */
  multi: boolean;
  /** The exam topic it counts for: an NFR item (`E.6`) or, without one, the deck's name. */
  topic: string;
  /** The notes whose cards teach this fact. */
  noteIds: string[];
  /** For a cloze question, the card it comes from (cloze number − 1); otherwise every card of the notes. */
  template?: number;
}
