/**
 * The learner's collection as plain data: decks, note types, notes, cards and reviews.
 * Every other part of Kioku (storage, formats, scheduling, UI) speaks these types.
 * Times are milliseconds since the Unix epoch.
 */

import type { FilteredDeckConfig } from '../scheduling/filtered';
import type { DeckOptions } from '../scheduling/options';

export type Id = string;

/** A deck; `name` holds the whole path, parts joined by `::` as in Anki (`AWS Security::サービス`). */
export interface Deck {
  id: Id;
  name: string;
  description?: string;
  /**
   * Scheduling options a file carries for the deck (an Anki deck config's FSRS parameters and
   * desired retention): a deck new to the collection takes them; a deck already there keeps the
   * learner's own. On export, the options the deck is scheduled with.
   */
  options?: Partial<Pick<DeckOptions, 'fsrsParameters' | 'desiredRetention'>>;
  /** A filtered deck's search; only a full backup and an Anki package with scheduling carry it, with its cards' links home. */
  filtered?: FilteredDeckConfig;
}

export interface CardTemplate {
  name: string;
  /** Anki-style template: `{{Field}}`, `{{cloze:Field}}`, `{{FrontSide}}`, `{{#Field}}…{{/Field}}`. */
  front: string;
  back: string;
}

export type NoteTypeKind = 'standard' | 'cloze';

export interface NoteType {
  id: Id;
  name: string;
  kind: NoteTypeKind;
  fields: string[];
  templates: CardTemplate[];
  css?: string;
  /** The field Browse sorts notes by and Anki's `sfld` holds (Anki's `sortf`); the first when absent. */
  sortField?: number;
  /** For a note type that came from Anki: everything Anki had, so an export gives it back unchanged. */
  anki?: AnkiNoteTypeExtra;
}

/**
 * Anki's note type in its JSON (schema 11) form, kept opaque: sticky fields, sort field, LaTeX
 * pre/post-amble, field ids and descriptions, fonts, template options and whatever a later Anki
 * adds. Kioku reads name, kind, fields, templates and css from it and leaves the rest alone.
 */
export interface AnkiNoteTypeExtra {
  /** Anki's modification time (seconds) as imported; written back while nothing changed. */
  mod: number;
  model: Record<string, unknown>;
}

export interface Note {
  id: Id;
  noteTypeId: Id;
  deckId: Id;
  /** One value per field of the note type, in the note type's field order. */
  fields: string[];
  tags: string[];
  /** Last modification time. */
  modified: number;
  /** Anki's note guid, kept so a re-import updates the note instead of duplicating it. */
  guid?: string;
  /**
   * When the note entered the collection, for a note whose id does not tell (the built-in decks'
   * ids come from their content); absent on notes whose id is a ULID or an Anki creation time.
   */
  added?: number;
}

/** FSRS card states, numbered as ts-fsrs's `State` enum. */
export const CardState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardState = (typeof CardState)[keyof typeof CardState];

/** Answer buttons, numbered as ts-fsrs's `Rating` enum (Manual = 0 is never stored). */
export const Rating = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Rating = (typeof Rating)[keyof typeof Rating];

/** A card's FSRS memory state and schedule. */
export interface Schedule {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  learningSteps: number;
  state: CardState;
  lastReview: number | null;
}

export interface Card extends Schedule {
  id: Id;
  noteId: Id;
  /** Index of the template in the note type (for cloze: the cloze number minus one). */
  template: number;
  deckId: Id;
  suspended: boolean;
  /** The card is hidden until this time (sibling or manual bury); null when not buried. */
  buriedUntil: number | null;
  /**
   * Who buried it, while `buriedUntil` is set: an answer on a sibling, or the learner (Anki keeps
   * the two apart: queue -2 and -3). Left out by cards buried before Kioku told them apart.
   */
  buriedBy?: 'sibling' | 'learner';
  /** Anki's coloured flag, 1–7 (cards.flags), the only place it is kept; absent or 0 when the card has none. */
  flag?: number;
  /** In a filtered deck: the deck it came from and goes back to (Anki's odid). */
  homeDeckId?: Id;
  /** In a filtered deck: its due when it was moved in, given back when it goes home unanswered (Anki's odue). */
  homeDue?: number;
  /** In a filtered deck: its place in the deck's order. */
  filteredPosition?: number;
  /** For a card that came from Anki: what Anki had that Kioku does not use, given back on export. */
  anki?: AnkiCardExtra;
}

/** Anki's card columns Kioku has no use for, kept so an Anki → Kioku → Anki trip gives them back. */
export interface AnkiCardExtra {
  /** Ease factor in permille (2500 = 250 %), which SM-2 schedules with. */
  factor: number;
  /** Anki's queue: -2 sibling-buried, -3 user-buried, … */
  queue: number;
  /** Interval in days, including a relearning card's. */
  ivl: number;
  /** Learning steps left (cards.left). */
  left: number;
  /** A new card's position in Anki's new-card order (cards.due of a new card). */
  position: number;
  /** Review count when imported: while it is unchanged, the card is written back as Anki had it. */
  reps: number;
  /** cards.data keys other than s, d and lrt (desired retention `dr`, `decay`, …). */
  data: Record<string, unknown>;
  /** Review log entries that are not answers (manual, reset, rescheduled: types 4 and 5), as Anki's columns. */
  revlog: AnkiRevlogRow[];
}

export interface AnkiRevlogRow {
  id: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  factor: number;
  time: number;
  type: number;
}

/** One answer, appended to the review log and never changed. */
export interface Review {
  id: Id;
  cardId: Id;
  /**
   * The deck the card was in when answered, so a day's limits are counted from the log alone.
   * Absent on reviews written before Kioku recorded it; their card's deck stands in.
   */
  deckId?: Id;
  time: number;
  rating: Rating;
  stateBefore: CardState;
  stateAfter: CardState;
  dueBefore: number;
  dueAfter: number;
  stabilityAfter: number;
  difficultyAfter: number;
  durationMs: number;
  /**
   * When the card was last reviewed before this answer, so the interval this answer tested is
   * known from the review alone (Statistics keeps its totals without reading the whole log).
   * Absent on reviews written before Kioku recorded it, and on a card's first review.
   */
  lastReviewBefore?: number;
  /** For an answer from Anki's review log: its columns, so an export writes the entry back unchanged. */
  anki?: Omit<AnkiRevlogRow, 'id' | 'time'>;
}

/** A media file referenced from card HTML by `name`; the name is only a key, never a path. */
export interface MediaFile {
  name: string;
  mime: string;
  data: Uint8Array;
}

/** A whole or partial collection, as formats read and write it. */
export interface CollectionData {
  decks: Deck[];
  noteTypes: NoteType[];
  notes: Note[];
  /** Present when scheduling is included. */
  cards?: Card[];
  reviews?: Review[];
  media?: MediaFile[];
}

export function newSchedule(now: number): Schedule {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    reps: 0,
    lapses: 0,
    learningSteps: 0,
    state: CardState.New,
    lastReview: null,
  };
}
