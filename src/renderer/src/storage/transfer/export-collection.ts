import type { CollectionData } from '../../../../core/collection/model';
import type { KiokuDb } from '../db';
import { readCollection, type CollectionSelection } from './read-collection';

/** The chosen decks as plain data for a writer, read in one transaction so notes, cards and reviews agree. */
export function exportCollection(db: KiokuDb, selection: CollectionSelection): Promise<CollectionData> {
  return db.transaction('r', [db.decks, db.settings, db.noteTypes, db.notes, db.cards, db.reviews, db.media], () => readCollection(db, selection));
}
