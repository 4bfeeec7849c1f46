import * as v from 'valibot';
import type { Card, CollectionData, Deck, MediaFile, Review } from '../../collection/model';
import { ImportError, throwIfAborted } from '../errors';
import { checkMediaName } from '../media-name';
import { progressReporter, type ProgressOptions } from '../progress';
import { decodeUtf8 } from '../utf8';
import { validateCollection } from '../validate';
import { openZip, type ZipReader } from '../zip/read-zip';
import { BACKUP_ENTRIES } from './entries';
import { BackupManifest, Cards, Decks, MediaIndex, Notes, NoteTypes, Reviews, Settings } from './schema';

export interface BackupReadResult {
  collection: CollectionData;
  settings: Record<string, unknown>;
  /** When the backup was made (ms since the epoch). */
  created: number;
}

/** Reads a `.kioku-backup` file made by writeBackup; everything is checked before anything is returned. */
export function readBackup(bytes: Uint8Array, fileName: string, options: ProgressOptions = {}): BackupReadResult {
  throwIfAborted(options.signal, fileName);
  const zip = openZip(bytes, fileName, options.signal);
  if (!zip.has(BACKUP_ENTRIES.manifest)) throw new ImportError(fileName, null, `not a Kioku backup (no ${BACKUP_ENTRIES.manifest} inside)`);
  const manifest = table(zip, BACKUP_ENTRIES.manifest, BackupManifest, fileName);
  const collection: CollectionData = {
    decks: table(zip, BACKUP_ENTRIES.decks, Decks, fileName),
    noteTypes: table(zip, BACKUP_ENTRIES.noteTypes, NoteTypes, fileName),
    notes: table(zip, BACKUP_ENTRIES.notes, Notes, fileName),
  };
  const cards: Card[] = table(zip, BACKUP_ENTRIES.cards, Cards, fileName);
  const reviews: Review[] = table(zip, BACKUP_ENTRIES.reviews, Reviews, fileName);
  if (manifest.hasCards) collection.cards = checkFilteredLinks(collection.decks, cards, fileName);
  if (manifest.hasReviews) collection.reviews = reviews;
  const settings = table(zip, BACKUP_ENTRIES.settings, Settings, fileName);
  const index = table(zip, BACKUP_ENTRIES.media, MediaIndex, fileName);
  const progress = progressReporter(options, fileName, index.length);
  const media: MediaFile[] = index.map((file, i) => {
    progress.tick(i + 1);
    checkMediaName(file.name, fileName, `${BACKUP_ENTRIES.media}, entry ${i + 1}`);
    if (!zip.has(file.entry)) throw new ImportError(fileName, `zip entry "${file.entry}"`, `missing; it holds media file "${file.name}"`);
    return { name: file.name, mime: file.mime, data: zip.read(file.entry) };
  });
  if (manifest.hasMedia) collection.media = media;
  return { collection: validateCollection(collection, fileName), settings, created: manifest.created };
}

/**
 * A card is in a filtered deck exactly when it knows its home, and home is an ordinary deck of the
 * backup: otherwise emptying the filtered deck would send it nowhere.
 */
function checkFilteredLinks(decks: readonly Deck[], cards: Card[], fileName: string): Card[] {
  const byId = new Map(decks.map((deck) => [deck.id, deck]));
  cards.forEach((card, i) => {
    const where = `zip entry "${BACKUP_ENTRIES.cards}", card ${i + 1} (${card.id})`;
    const inFiltered = byId.get(card.deckId)?.filtered !== undefined;
    if (card.homeDeckId === undefined) {
      if (inFiltered) throw new ImportError(fileName, where, `is in filtered deck ${card.deckId} without a home deck to go back to`);
      return;
    }
    if (!inFiltered) throw new ImportError(fileName, where, `has home deck ${card.homeDeckId} but is not in a filtered deck`);
    const home = byId.get(card.homeDeckId);
    if (!home || home.filtered) throw new ImportError(fileName, where, `has home deck ${card.homeDeckId}, which is not an ordinary deck of the backup`);
  });
  return cards;
}

function table<S extends v.GenericSchema>(zip: ZipReader, entry: string, schema: S, fileName: string): v.InferOutput<S> {
  if (!zip.has(entry)) throw new ImportError(fileName, `zip entry "${entry}"`, 'missing from the backup');
  const where = `zip entry "${entry}"`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeUtf8(zip.read(entry), fileName, where));
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(fileName, where, `is not valid JSON (${(error as Error).message})`);
  }
  const result = v.safeParse(schema, parsed);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue) ?? '(top level)';
    throw new ImportError(fileName, `${where}, ${path}`, issue.message);
  }
  return result.output;
}
