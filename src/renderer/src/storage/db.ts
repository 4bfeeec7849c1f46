import Dexie, { type Table } from 'dexie';
import type { Card, Deck, MediaFile, Note, NoteType, Review } from '../../../core/collection/model';
import type { ExamAttempt } from '../../../core/questions/attempt';
import type { DeckOptions } from '../../../core/scheduling/options';
import { presetsFromPinned } from '../../../core/presets/from-pinned';
import type { FilteredDeckConfig } from '../../../core/scheduling/filtered';
import { withOneFlag } from '../../../core/cards/flags';
import { DATABASE_NAME } from './database-name';
import { recountDeckTotals } from './deck-totals';
import { COLLECTION_OPTIONS_KEY, PRESETS_KEY } from './settings';
import { reviewQuartersMiddleware, type QuarterRow } from './review-quarters';
import { cardDigestMiddleware, type DigestRow } from './card-digest';
import { changeRecorder } from './undo/recorder';
import { changeMarksMiddleware, MARKED_KINDS, wholeKind, type ChangeMarkRow } from './sync/change-marks';

/**
 * A deck as stored: the model's deck, the preset it uses (none: its parent's, see core/presets) and,
 * in `options`, its own exam date and target when the deck is the home of an exam. Before schema
 * version 13 `options` held any option set on the deck.
 */
export interface DeckRow extends Deck {
  options: Partial<DeckOptions>;
  presetId?: string;
  /** Custom study's "increase today's limit": extra new cards and reviews on learner day `day` only. */
  extraToday?: { day: number; newCards: number; reviews: number };
  /** Present on a filtered deck: the search that fills it (see core/scheduling/filtered.ts). */
  filtered?: FilteredDeckConfig;
}

/**
 * A card as stored. `queue` mirrors the state, or -1 when suspended, so the
 * `[deckId+queue+due]` index serves today's queue and the deck counts without reading cards.
 */
export interface CardRow extends Card {
  queue: number;
}

export const SUSPENDED_QUEUE = -1;

/**
 * Reviews with the deck their card is in. `keep` leaves a review's own deck when it has one (a
 * restored backup is this collection's past); an import always takes the card's, because the
 * file's decks may have been matched to decks of this collection with other ids.
 */
export function withDeckOfCard(reviews: readonly Review[], cards: readonly Pick<Card, 'id' | 'deckId'>[], keep: boolean): Review[] {
  const deckOf = new Map(cards.map((card) => [card.id, card.deckId]));
  return reviews.map((review) => {
    const deckId = keep && review.deckId !== undefined ? review.deckId : deckOf.get(review.cardId);
    return deckId === undefined ? review : { ...review, deckId };
  });
}

export function queueOf(card: Pick<Card, 'state' | 'suspended'>): number {
  return card.suspended ? SUSPENDED_QUEUE : card.state;
}

export interface SettingRow {
  key: string;
  value: unknown;
}


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

/**
 * Version 4: every deck's card total is kept in `deckTotals`, updated by each write that adds,
 * removes or moves cards. Counting a deck's cards on the index walks every entry in Chromium
 * (about 200 ms at 50,000 cards), and the deck list shows the totals on every start.
 */
export const SCHEMA_V4 = {
  deckTotals: 'deckId',
};

/**
 * Version 5: answers summed per quarter hour (`reviewQuarters`, kept by
 * `reviewQuartersMiddleware`), so Statistics opens without reading the whole review log. It
 * starts out of date and is built from the log on the first Statistics open.
 */
export const SCHEMA_V5 = {
  reviewQuarters: 'quarter',
};

/**
 * Version 11: mock exam attempts in their own table, never in the review log, so FSRS is not fed
 * multiple-choice answers. Indexed by submission time for Readiness's list and the CSV export.
 */
export const SCHEMA_V11 = {
  attempts: 'id, submittedAt',
};

/**
 * Version 12: sync's own bookkeeping. `syncShadow` holds, per synced record, the revision and
 * content this device last exchanged with the server, so a local change is found by comparing
 * the row with it; `syncLost` keeps versions that lost to an edit made on another device.
 */
export const SCHEMA_V12 = {
  syncShadow: 'id',
  syncLost: 'id, recordId',
};

export interface SyncShadowRow {
  /** The record's document id, `note:<id>`, `review:<id>`… */
  id: string;
  rev: string;
  /** The record's content as last exchanged, as stable JSON (cards: their place and schedule). */
  hash: string;
}

export interface SyncLostRow {
  id: string;
  recordId: string;
  kind: string;
  lost: unknown;
  lostStamp: string;
  lostGone: boolean;
  winnerStamp: string;
}

/**
 * Version 13: options live in named presets shared by decks (settings row `presets`), so nothing
 * is pinned on a deck when its options are saved. Only data changes: see `presetsFromPinned`.
 */
export const SCHEMA_V13 = {};

/**
 * Version 14: no new index; cards that came from Anki kept their flag under `anki.flags` while
 * Kioku's own flag is `flag`, so an imported flag was never shown or found by `flag:`. The
 * upgrade moves it to `flag`, the one place it is kept from now on.
 */
export const SCHEMA_V14 = {};

/**
 * Version 15: each card's deck and schedule, digested in a few hundred rows (`cardDigest`, kept by
 * `cardDigestMiddleware`), so Statistics and the readiness score open without reading every
 * card; and the review totals per quarter hour move to one row per UTC day (`reviewDays`), since
 * a year of quarter rows was some 35,000 objects to read. Both start out of date and are built on
 * the first open that needs them.
 */
export const SCHEMA_V15 = {
  cardDigest: 'share',
  reviewDays: 'day',
  reviewQuarters: null,
};

/**
 * Version 16: `syncChanges` marks each synced record written since the last sync handed this
 * device's changes over (see sync/change-marks), so a sync reads what changed, not the whole
 * collection. The upgrade marks every kind whole: what changed before it went unmarked.
 */
export const SCHEMA_V16 = {
  syncChanges: 'id',
};

/** Cards in one deck itself (subdecks not included), suspended and buried ones too. */
export interface DeckTotalRow {
  deckId: string;
  cards: number;
}

const COUNTED_TABLES = new Set(['cards', 'notes', 'noteTypes', 'decks', 'reviews']);

export class KiokuDb extends Dexie {
  decks!: Table<DeckRow, string>;
  noteTypes!: Table<NoteType, string>;
  notes!: Table<Note, string>;
  cards!: Table<CardRow, string>;
  reviews!: Table<Review, string>;
  settings!: Table<SettingRow, string>;
  media!: Table<MediaFile, string>;
  deckTotals!: Table<DeckTotalRow, string>;
  reviewDays!: Table<QuarterRow, number>;
  cardDigest!: Table<DigestRow, number>;
  attempts!: Table<ExamAttempt, string>;

  /**
   * Counts the writes to cards, notes, note types, decks and reviews made through this connection, so
   * what is kept in memory (Browse's cards, notes and answers) knows when to read again, whoever wrote: a
   * middleware sees every write, however made.
   */
  writes = 0;
  syncShadow!: Table<SyncShadowRow, string>;
  syncLost!: Table<SyncLostRow, string>;
  syncChanges!: Table<ChangeMarkRow, string>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.use({
      stack: 'dbcore',
      name: 'count-writes',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request) => {
              if (COUNTED_TABLES.has(tableName)) this.writes++;
              return table.mutate(request);
            },
          };
        },
      }),
    });
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
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        const deckIds = (await tx.table('decks').toCollection().primaryKeys()) as string[];
        await recountDeckTotals({ cards: tx.table('cards'), deckTotals: tx.table('deckTotals') }, deckIds);
      });
    this.version(5).stores(SCHEMA_V5);
    this.version(11).stores(SCHEMA_V11);
    this.version(12).stores(SCHEMA_V12);
    this.version(13)
      .stores(SCHEMA_V13)
      .upgrade(async (tx) => {
        const decks = tx.table<DeckRow, string>('decks');
        const settings = tx.table<SettingRow, string>('settings');
        const collectionOptions = ((await settings.get(COLLECTION_OPTIONS_KEY))?.value ?? {}) as Partial<DeckOptions>;
        const migrated = presetsFromPinned(await decks.toArray(), collectionOptions);
        await decks.bulkPut(migrated.decks);
        await settings.bulkPut([
          { key: PRESETS_KEY, value: migrated.presets },
          { key: COLLECTION_OPTIONS_KEY, value: migrated.collectionExam },
        ]);
      });
    this.version(14)
      .stores(SCHEMA_V14)
      .upgrade((tx) =>
        tx
          .table('cards')
          .toCollection()
          .modify((card: CardRow, ref: { value: CardRow }) => {
            const moved = withOneFlag(card);
            if (moved !== card) ref.value = moved;
          }),
      );
    this.version(15).stores(SCHEMA_V15);
    this.version(16)
      .stores(SCHEMA_V16)
      .upgrade((tx) => tx.table<ChangeMarkRow, string>('syncChanges').bulkPut(MARKED_KINDS.map((kind) => ({ id: wholeKind(kind), mark: 0 }))));
    this.use(reviewQuartersMiddleware);
    this.use(cardDigestMiddleware);
    this.use(changeMarksMiddleware);
    this.use(changeRecorder);
  }
}
