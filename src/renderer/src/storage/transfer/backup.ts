import { newCardsFor } from '../../../../core/cards';
import type { Card, CollectionData } from '../../../../core/collection/model';
import { backupContentHash, shortContentHash } from '../../../../core/backups/content-hash';
import { readBackup, type ProgressOptions } from '../../../../core/formats';
import { backupContents, zipBackup } from '../../../../core/formats/backup/write-backup';
import { throwIfAborted } from '../../../../core/formats/errors';
import { toCard } from '../card-row';
import { queueOf, withDeckOfCard, type CardRow, type DeckRow, type KiokuDb } from '../db';
import { deckTotalsOf } from '../deck-totals';
import { reportingStorageFull } from '../storage-full';
import { readBackupExtras, type BackupExtras } from './backup-extras';
import { plainDeck } from './read-collection';
import { batch, writeRows } from './write-rows';
import { presetsFromPinned } from '../../../../core/presets/from-pinned';
import type { DeckOptions } from '../../../../core/scheduling/options';
import { COLLECTION_OPTIONS_KEY, DEVICE_SETTINGS, PRESETS_KEY } from '../settings';

interface CollectionSnapshot {
  data: CollectionData;
  extras: BackupExtras;
}

/** Every table, read in one transaction so the backup is a consistent moment of the collection. */
async function snapshot(db: KiokuDb): Promise<CollectionSnapshot> {
  return db.transaction('r', [db.decks, db.noteTypes, db.notes, db.cards, db.reviews, db.settings, db.media, db.attempts], async () => {
    const [decks, noteTypes, notes, cardRows, reviews, settings, media, attempts] = await Promise.all([
      db.decks.toArray(),
      db.noteTypes.toArray(),
      db.notes.toArray(),
      db.cards.toArray(),
      db.reviews.toArray(),
      db.settings.toArray(),
      db.media.toArray(),
      db.attempts.orderBy('submittedAt').toArray(),
    ]);
    const cardIds = new Set(cardRows.map((card) => card.id));
    return {
      data: {
        decks: decks.map(plainDeck),
        noteTypes,
        notes,
        cards: cardRows.map(toCard),
        reviews: reviews.filter((review) => cardIds.has(review.cardId)),
        media,
      },
      extras: {
        settings: Object.fromEntries(settings.filter((row) => !DEVICE_SETTINGS.includes(row.key)).map((row) => [row.key, row.value])),
        deckOptions: Object.fromEntries(decks.map((deck) => [deck.id, deck.options])),
        deckPresets: Object.fromEntries(decks.flatMap((deck) => (deck.presetId === undefined ? [] : [[deck.id, deck.presetId]]))),
        reviewsOfDeletedCards: reviews.filter((review) => !cardIds.has(review.cardId)),
        attempts,
      },
    };
  });
}

const presetIdOf = (presetId: string | undefined): { presetId?: string } => (presetId === undefined ? {} : { presetId });

/** A backup made before presets (schema version 13) has options pinned on decks: they become presets as in the upgrade. */
function withPresets(decks: DeckRow[], settings: Record<string, unknown>): { decks: DeckRow[]; settingRows: Record<string, unknown> } {
  if (settings[PRESETS_KEY] !== undefined) return { decks, settingRows: settings };
  const migrated = presetsFromPinned(decks, (settings[COLLECTION_OPTIONS_KEY] ?? {}) as Partial<DeckOptions>);
  return { decks: migrated.decks, settingRows: { ...settings, [PRESETS_KEY]: migrated.presets, [COLLECTION_OPTIONS_KEY]: migrated.collectionExam } };
}

/** A backup written without scheduling (e.g. converted from a CSV) still has to give the learner cards to study. */
function newCardsOf(data: CollectionData, now: number): Card[] {
  const types = new Map(data.noteTypes.map((type) => [type.id, type]));
  return data.notes.flatMap((note, position) => {
    const type = types.get(note.noteTypeId);
    return type ? newCardsFor(type, note, now + position) : [];
  });
}

/** A backup's bytes with what its name and row tell the learner. */
export interface PackedBackup {
  bytes: Uint8Array;
  notes: number;
  cards: number;
  /** 16 hex digits of the hash of what the backup holds, not of its zip (which carries the time). */
  contentHash: string;
}

/** A `.kioku-backup` of the whole collection: every table, every media file and the settings. */
export async function packBackup(db: KiokuDb, now: number): Promise<PackedBackup> {
  const { data, extras } = await snapshot(db);
  const contents = backupContents(data, { ...extras });
  const contentHash = shortContentHash(await backupContentHash(contents));
  return { bytes: zipBackup(contents, { now, contentHash }), notes: data.notes.length, cards: data.cards?.length ?? 0, contentHash };
}

export async function createBackup(db: KiokuDb, now: number): Promise<Uint8Array> {
  return (await packBackup(db, now)).bytes;
}

export interface RestoreOptions extends ProgressOptions {
  fileName: string;
  now: number;
}

export interface Restored {
  /** The collection as it was just before the restore, so it can be put back. */
  previousBackup: Uint8Array;
  decks: number;
  notes: number;
  cards: number;
  reviews: number;
  media: number;
}

/**
 * Replaces the whole collection with a backup. The backup is checked completely first, then the
 * current collection is backed up (returned as `previousBackup`), then every table is cleared
 * and refilled in ONE transaction: a bad backup, a full disk or a cancel changes nothing.
 */
export async function restoreBackup(db: KiokuDb, bytes: Uint8Array, options: RestoreOptions): Promise<Restored> {
  const { fileName } = options;
  const backup = readBackup(bytes, fileName, { signal: options.signal });
  const extras = readBackupExtras(backup.settings, fileName);
  const { collection } = backup;
  const { decks, settingRows } = withPresets(
    collection.decks.map((deck) => ({ ...deck, options: extras.deckOptions[deck.id] ?? {}, ...presetIdOf(extras.deckPresets[deck.id]) })),
    extras.settings,
  );
  const cards: CardRow[] = (collection.cards ?? newCardsOf(collection, options.now)).map((card) => ({ ...card, queue: queueOf(card) }));
  const reviews = withDeckOfCard([...(collection.reviews ?? []), ...extras.reviewsOfDeletedCards], cards, true);
  const settings = Object.entries(settingRows)
    .filter(([key]) => !DEVICE_SETTINGS.includes(key))
    .map(([key, value]) => ({ key, value }));
  const media = collection.media ?? [];
  throwIfAborted(options.signal, fileName);
  const previousBackup = await createBackup(db, options.now);
  const tables = [db.decks, db.noteTypes, db.notes, db.cards, db.reviews, db.settings, db.media, db.deckTotals, db.attempts];
  await reportingStorageFull({ kind: 'restore', fileName }, () =>
    db.transaction('rw', tables, async () => {
      const device = await db.settings.bulkGet([...DEVICE_SETTINGS]);
      for (const table of tables) await table.clear();
      await db.settings.bulkPut(device.filter((row) => row !== undefined));
      await writeRows(
        [
          batch(db.decks, decks),
          batch(db.noteTypes, collection.noteTypes),
          batch(db.notes, collection.notes),
          batch(db.cards, cards),
          batch(db.reviews, reviews),
          batch(db.settings, settings),
          batch(db.media, media),
          batch(db.deckTotals, deckTotalsOf(decks, cards)),
          batch(db.attempts, extras.attempts),
        ],
        options,
        fileName,
      );
    }),
  );
  return { previousBackup, decks: decks.length, notes: collection.notes.length, cards: cards.length, reviews: reviews.length, media: media.length };
}
