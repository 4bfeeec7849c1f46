import type { Review } from '../../../../core/collection/model';
import { base64ToBytes } from '../../../../core/deck-format/base64';
import { arrivalProblem } from '../../../../core/sync/arrival';
import { docId, parseDocId } from '../../../../core/sync/records';
import type { CardBase } from '../../../../core/sync/replay';
import { cardsOfNotes } from '../cards-of-notes';
import type { KiokuDb } from '../db';
import type { SkippedRecord } from './arriving';
import type { Feed } from './feed';
import type { PouchDatabase, StoredDoc } from './pouch';

/** The newest version of every document that changed since `since`, with media bytes and what merging needs. */
export interface Pending {
  docs: StoredDoc[];
  /** Documents that arrived but are no record of this collection, with why. */
  refused: SkippedRecord[];
  bytes: Map<string, Uint8Array>;
  cardDocs: Map<string, StoredDoc>;
  /** Every deck's document here, for the clock stamps of decks that become one with a namesake. */
  deckDocs: Map<string, StoredDoc>;
  lastSeq: number | string;
}

/**
 * This copy's card documents of `noteIds`: one read of every card document when the notes are
 * many (a first sync), else one range per note, all asked for at once.
 */
async function cardDocsOfNotes(local: PouchDatabase, noteIds: ReadonlySet<string>): Promise<StoredDoc[]> {
  const prefix = docId('card', '');
  const rangeOf = async (start: string) => (await local.allDocs({ startkey: start, endkey: `${start}\uffff`, include_docs: true })).rows.map((row) => row.doc);
  const docs =
    noteIds.size > MANY_NOTES
      ? (await rangeOf(prefix)).filter((doc) => doc && noteIds.has(doc._id.slice(prefix.length, doc._id.lastIndexOf('/'))))
      : (await Promise.all([...noteIds].map((noteId) => rangeOf(docId('card', `${noteId}/`))))).flat();
  return docs.filter((doc): doc is StoredDoc => !!doc);
}

/** Above this many notes, reading every card document once beats a range per note. */
const MANY_NOTES = 1_000;

export async function readPending(db: KiokuDb, local: PouchDatabase, feed: Feed, now: number): Promise<Pending> {
  const ids = feed.results.map((change) => change.id);
  // When most documents changed (a first sync), one pass over the shadow beats a lookup per document.
  const shadow =
    ids.length * 2 > (await db.syncShadow.count())
      ? await db.syncShadow.toArray().then((rows) => {
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id));
        })
      : await db.syncShadow.bulkGet(ids);
  // This device's own writes come back in the feed; only versions it has not exchanged are merged.
  // Design documents (a server's validation function) and deletions CouchDB-style are not records; `gone` marks a deletion.
  const arrived = feed.results.flatMap(({ id, doc }, i) => (doc && !doc._deleted && !id.startsWith('_') && doc._rev !== shadow[i]?.rev ? [doc] : []));
  const refused: SkippedRecord[] = [];
  const docs = arrived.filter((doc) => {
    const problem = arrivalProblem(doc, now);
    if (problem) refused.push({ id: doc._id, reason: problem });
    return problem === null;
  });
  const bytes = new Map<string, Uint8Array>();
  for (const doc of docs) {
    if (doc.kind !== 'media' || doc.gone) continue;
    const full = await local.get(doc._id, { attachments: true });
    const data = full._attachments?.file?.data;
    if (data) bytes.set(doc._id, base64ToBytes(data));
  }
  const noteIds = new Set<string>();
  const reviewCardIds: string[] = [];
  const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
  const noteOf = (doc: StoredDoc | null | undefined) => (doc && !doc.gone && arrivalProblem(doc, now) === null ? text((doc.data as Partial<CardBase>).noteId) : null);
  for (const doc of docs) {
    if (doc.kind === 'note') noteIds.add(parseDocId(doc._id)!.id);
    const noteId = doc.kind === 'card' ? noteOf(doc) : null;
    if (noteId) noteIds.add(noteId);
    const cardId = doc.kind === 'review' && !doc.gone ? text((doc.data as Partial<Review>).cardId) : null;
    if (cardId) reviewCardIds.push(cardId);
  }
  // An answer taken back on another device: its card is found from the review as it is held here.
  const takenBack = docs.filter((doc) => doc.kind === 'review' && doc.gone).map((doc) => parseDocId(doc._id)!.id);
  for (const review of await db.reviews.bulkGet(takenBack)) if (review) reviewCardIds.push(review.cardId);
  // A card answered many times is looked up once.
  const reviewedCards = [...new Set(reviewCardIds)];
  const reviewed = await local.allDocs({ keys: reviewedCards.map((id) => docId('card', id)), include_docs: true });
  for (const row of reviewed.rows) {
    const noteId = noteOf(row.doc);
    if (noteId) noteIds.add(noteId);
  }
  for (const card of await db.cards.bulkGet(reviewedCards)) if (card) noteIds.add(card.noteId);
  const cardDocs = new Map<string, StoredDoc>();
  const localCards = await cardsOfNotes(db, noteIds);
  const byKey = await local.allDocs({ keys: localCards.map((card) => docId('card', card.id)), include_docs: true });
  const usable = (doc: StoredDoc | null | undefined): doc is StoredDoc => !!doc && !doc._deleted && arrivalProblem(doc, now) === null;
  for (const row of byKey.rows) if (usable(row.doc)) cardDocs.set(row.doc._id, row.doc);
  for (const doc of await cardDocsOfNotes(local, noteIds)) if (usable(doc)) cardDocs.set(doc._id, doc);
  const deckDocs = new Map<string, StoredDoc>();
  for (const row of (await local.allDocs({ startkey: 'deck:', endkey: 'deck:\uffff', include_docs: true })).rows) if (row.doc) deckDocs.set(row.doc._id, row.doc);
  return { docs, refused, bytes, cardDocs, deckDocs, lastSeq: feed.last_seq };
}
