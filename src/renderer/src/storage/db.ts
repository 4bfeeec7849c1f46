import Dexie, { type Table } from 'dexie';
import type { Card, Deck, MediaFile, Note, NoteType, Review } from '../../../core/collection/model';
import type { DeckOptions } from '../../../core/scheduling/options';

/** A deck as stored: the model's deck plus the options set on it (the rest are inherited). */
export interface DeckRow extends Deck {
  options: Partial<DeckOptions>;
}

/**
 * A card as stored. `queue` mirrors the state, or -1 when suspended, so the
 * `[deckId+queue+due]` index serves today's queue and the deck counts without reading cards.
 */
export interface CardRow extends Card {
  queue: number;
}

export const SUSPENDED_QUEUE = -1;

export function queueOf(card: Pick<Card, 'state' | 'suspended'>): number {
  return card.suspended ? SUSPENDED_QUEUE : card.state;
}

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'kioku';

/** Version 1: the first schema, kept so databases created by it still upgrade. */
export const SCHEMA_V1 = {
  decks: 'id, &name',
  noteTypes: 'id',
  notes: 'id, deckId, noteTypeId, *tags',
  cards: 'id, noteId, deckId, [deckId+due], state',
  reviews: 'id, cardId, time',
  settings: 'key',
};

/**
 * Version 2: cards get `queue`, so suspended cards leave the study index and deck counts are
 * index counts; buried cards get an index so the few of them can be subtracted without a scan.
 */
export const SCHEMA_V2 = {
  cards: 'id, noteId, deckId, [deckId+queue+due], buriedUntil',
};

/**
 * Version 3: media files live in the database, keyed by name (a key, never a path), and notes
 * get a `guid` index so a re-imported Anki note is found by its guid in one query.
 */
export const SCHEMA_V3 = {
  notes: 'id, deckId, noteTypeId, *tags, guid',
  media: 'name',
};

export class KiokuDb extends Dexie {
  decks!: Table<DeckRow, string>;
  noteTypes!: Table<NoteType, string>;
  notes!: Table<Note, string>;
  cards!: Table<CardRow, string>;
  reviews!: Table<Review, string>;
  settings!: Table<SettingRow, string>;
  media!: Table<MediaFile, string>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade((tx) =>
        tx
          .table('cards')
          .toCollection()
          .modify((card: CardRow) => {
            card.queue = queueOf(card);
          }),
      );
    this.version(3).stores(SCHEMA_V3);
  }
}
