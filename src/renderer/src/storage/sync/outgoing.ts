import type { Card, Review } from '../../../../core/collection/model';
import type { DayRules } from '../../../../core/scheduling/day';
import type { DeckOptions } from '../../../../core/scheduling/options';
import { bytesToBase64 } from '../../../../core/deck-format/base64';
import { docId, lostVersion, pickWinner, sameMeaning, stableJson, type RecordKind } from '../../../../core/sync/records';
import { baseFor, replayNote, samePlace, sameSchedule, type CardBase } from '../../../../core/sync/replay';
import type { HybridClock } from '../../../../core/sync/hlc';
import { toCard } from '../card-row';
import type { CardRow, KiokuDb, SyncShadowRow } from '../db';
import { bulkWrite, docsByKey, type PouchDatabase, type StoredDoc } from './pouch';
import { cardHash, readLocalRecords, type LocalRecord, type Selection } from './records';
import { batch, writeRows } from '../transfer/write-rows';
import { reviewsOfCards } from '../reviews-of-cards';
import { groupedBy } from '../../../../core/collection/grouped';

export interface OutgoingContext {
  db: KiokuDb;
  local: PouchDatabase;
  clock: HybridClock;
  rules: DayRules;
  optionsOf: (deckId: string) => DeckOptions;
  /** The records to compare with what was last exchanged: those marked as written since, or every one. */
  which: Selection;
  /** The copy's sequence through which what arrived is merged into the collection. */
  mergedThrough: number | string;
  /** When a record was edited here, by document id, on the clock's time (from its change mark), if known. */
  editedAt: (id: string) => number | undefined;
}

/** What finding this device's changes reads, with the whole review log read at most once (a first sync wants it for its cards and its reviews). */
interface Reading extends OutgoingContext {
  wholeLog: () => Promise<Review[]>;
}

interface Outgoing {
  doc: StoredDoc;
  hash: string;
  /** The revision this device last exchanged for the record, if it ever did. */
  sentRev?: string;
}

/** What this device last exchanged for the records selected of a kind, by document id. */
async function shadowOf(db: KiokuDb, kind: RecordKind, which: 'all' | readonly string[]): Promise<Map<string, SyncShadowRow>> {
  const rows =
    which === 'all'
      ? await db.syncShadow.where('id').startsWith(docId(kind, '')).toArray()
      : (await db.syncShadow.bulkGet(which.map((id) => docId(kind, id)))).filter((row): row is SyncShadowRow => row !== undefined);
  return new Map(rows.map((row) => [row.id, row]));
}

/** A record's stamp: when it was edited here, so the later of two edits wins, not the later sync. */
function stampOf(ctx: OutgoingContext, id: string): string {
  return ctx.clock.stampAt(ctx.editedAt(id));
}

function recordDoc(record: LocalRecord, stamp: string): StoredDoc {
  const doc: StoredDoc = { _id: record.id, kind: record.kind, stamp, data: record.data };
  if (record.bytes) {
    const info = record.data as { mime: string };
    doc._attachments = { file: { content_type: info.mime, data: bytesToBase64(record.bytes) } };
  }
  return doc;
}

/** Decks, note types, notes, settings, media and attempts that differ from what was last exchanged, and those deleted here. */
async function changedRecords(ctx: OutgoingContext): Promise<Outgoing[]> {
  const records = await readLocalRecords(ctx.db, ctx.which);
  const out: Outgoing[] = [];
  for (const kind of ['deck', 'noteType', 'note', 'setting', 'media', 'attempt'] as const) {
    const prefix = docId(kind, '');
    const shadow = await shadowOf(ctx.db, kind, ctx.which(kind));
    for (const record of records.values()) {
      if (!record.id.startsWith(prefix)) continue;
      const sent = shadow.get(record.id);
      if (sent?.hash === record.hash) continue;
      out.push({ doc: recordDoc(record, stampOf(ctx, record.id)), hash: record.hash, sentRev: sent?.rev });
    }
    for (const row of shadow.values()) {
      if (records.has(row.id) || row.hash === GONE) continue;
      out.push({ doc: { _id: row.id, kind, stamp: stampOf(ctx, row.id), gone: true }, hash: GONE, sentRev: row.rev });
    }
  }
  return out;
}

export const GONE = 'gone';

/**
 * Reviews that arrived from another device and were merged, by document id with their revision.
 * The merge writes no shadow row for them, which would be one per answer ever given: a review
 * never changes, so the copy holding it, merged, says it was exchanged.
 */
async function mergedReviewsInCopy(ctx: Reading, ids: 'all' | readonly string[]): Promise<Map<string, string>> {
  // Nothing merged yet (a device's first sync): no review can have come from another device.
  if ((ids !== 'all' && ids.length === 0) || ctx.mergedThrough === 0) return new Map();
  const rows =
    ids === 'all'
      ? (await ctx.local.allDocs({ startkey: docId('review', ''), endkey: docId('review', '\uffff') })).rows
      : (await ctx.local.allDocs({ keys: ids.map((id) => docId('review', id)) })).rows;
  const live = rows.filter((row) => row.value && !row.value.deleted);
  if (live.length === 0) return new Map();
  // Arrived but not merged yet (this sync's pull): not in the collection, and not taken back here either.
  const unmerged = new Set((await ctx.local.changes({ since: ctx.mergedThrough, include_docs: false })).results.map((change) => change.id));
  return new Map(live.filter((row) => !unmerged.has(row.key)).map((row) => [row.key, row.value!.rev]));
}

/** Reviews given here since the last sync, and reviews taken back (undone, or gone in a restore) after they were exchanged. */
async function changedReviews(ctx: Reading): Promise<Outgoing[]> {
  const which = ctx.which('review');
  const [ids, shadow] = await Promise.all([
    which === 'all' ? ctx.db.reviews.toCollection().primaryKeys() : ctx.db.reviews.where(':id').anyOf([...which]).primaryKeys(),
    shadowOf(ctx.db, 'review', which),
  ]);
  const inCopy = await mergedReviewsInCopy(ctx, which === 'all' ? 'all' : which.filter((id) => !shadow.has(docId('review', id))));
  const sent = new Map<string, { rev: string; gone: boolean }>([...inCopy].map(([id, rev]) => [id, { rev, gone: false }]));
  for (const [id, row] of shadow) sent.set(id, { rev: row.rev, gone: row.hash === GONE });
  const fresh = ids.filter((id) => !sent.has(docId('review', id)));
  // When most of the log is new (the first sync), one pass over it beats a lookup per review.
  const reviews =
    fresh.length * 2 > ids.length && which === 'all'
      ? (await ctx.wholeLog()).filter((review) => !sent.has(docId('review', review.id)))
      : (await ctx.db.reviews.bulkGet(fresh)).filter((review): review is Review => review !== undefined);
  const out: Outgoing[] = reviews.map((review) => ({ doc: { _id: docId('review', review.id), kind: 'review' as const, stamp: stampOf(ctx, docId('review', review.id)), data: review }, hash: 'review' }));
  const present = new Set(ids.map((id) => docId('review', id)));
  for (const [id, { rev, gone }] of sent) {
    if (!present.has(id) && !gone) out.push({ doc: { _id: id, kind: 'review', stamp: stampOf(ctx, id), gone: true }, hash: GONE, sentRev: rev });
  }
  return out;
}

/**
 * Cards whose place or schedule changed here. A change that the card's reviews explain needs
 * no new card document (the reviews carry it); a reset, a new due date, a move, a suspension
 * or a flag starts a new base.
 */
async function changedCards(ctx: Reading): Promise<{ docs: Outgoing[]; explained: SyncShadowRow[] }> {
  const which = ctx.which('card');
  const [rows, shadow] = await Promise.all([which === 'all' ? ctx.db.cards.toArray() : ctx.db.cards.bulkGet([...which]), shadowOf(ctx.db, 'card', which)]);
  const changed = rows.filter((row): row is CardRow => row !== undefined && shadow.get(docId('card', row.id))?.hash !== cardHash(row));
  if (changed.length === 0) return { docs: [], explained: [] };
  const known = await docsByKey(ctx.local, changed.map((card) => docId('card', card.id)));
  // When most cards changed (the first sync), one pass over the log, shared with the reviews' own read, beats a lookup per card.
  const reviews =
    changed.length * 2 > rows.length && which === 'all'
      ? await ctx.wholeLog()
      : await reviewsOfCards(ctx.db, changed.map((card) => card.id), (review) => review);
  const byCard = groupedBy(reviews, (review) => review.cardId);
  const docs: Outgoing[] = [];
  const explained: SyncShadowRow[] = [];
  changed.forEach((row, i) => {
    const card: Card = toCard(row);
    const own = byCard.get(card.id) ?? [];
    const doc = known[i]?.doc;
    const base = doc && !doc.gone ? (doc.data as CardBase) : undefined;
    if (base && samePlace(base, card)) {
      const replayed = replayNote([base], own, ctx.optionsOf, ctx.rules)[0]!;
      if (sameSchedule(replayed, card)) {
        explained.push({ id: doc!._id, rev: doc!._rev ?? '', hash: cardHash(row) });
        return;
      }
    }
    const fresh = baseFor(card, own, ctx.optionsOf, ctx.rules);
    docs.push({ doc: { _id: docId('card', card.id), kind: 'card', stamp: stampOf(ctx, docId('card', card.id)), data: fresh }, hash: cardHash(row), sentRev: shadow.get(docId('card', card.id))?.rev });
  });
  return { docs, explained };
}


/** A deck's options worked out once: a first sync replays every answer ever given, each asking for its deck's. */
function onePerDeck(optionsOf: (deckId: string) => DeckOptions): (deckId: string) => DeckOptions {
  const known = new Map<string, DeckOptions>();
  return (deckId) => {
    let options = known.get(deckId);
    if (!options) {
      options = optionsOf(deckId);
      known.set(deckId, options);
    }
    return options;
  };
}

/**
 * Writes this device's changes into its PouchDB copy, each stamped when it was edited. Where a
 * version from another device arrived and was not yet merged, the later stamp wins here and
 * the other version is kept as a lost version. Returns how many documents this device's copy
 * refused, so their marks stay for the next sync.
 */
export async function writeOutgoing(context: OutgoingContext): Promise<{ refused: number; written: ReadonlySet<string> }> {
  let log: Promise<Review[]> | undefined;
  const ctx: Reading = { ...context, optionsOf: onePerDeck(context.optionsOf), wholeLog: () => (log ??= context.db.reviews.toArray()) };
  const cards = await changedCards(ctx);
  const outgoing = [...(await changedRecords(ctx)), ...(await changedReviews(ctx)), ...cards.docs];
  if (cards.explained.length > 0) await ctx.db.syncShadow.bulkPut(cards.explained);
  if (outgoing.length === 0) return { refused: 0, written: new Set() };
  const current = await docsByKey(ctx.local, outgoing.map((item) => item.doc._id));
  const toWrite: StoredDoc[] = [];
  const hashes: string[] = [];
  const lost: StoredDoc[] = [];
  const same: SyncShadowRow[] = [];
  outgoing.forEach((item, i) => {
    const row = current[i];
    const existing = row?.doc ?? null;
    const rev = row?.value?.rev;
    const ours: StoredDoc = rev ? { ...item.doc, _rev: rev } : item.doc;
    const live = existing && !row?.value?.deleted;
    if (live && stableJson(existing.data ?? null) === stableJson(ours.data ?? null) && !existing.gone === !ours.gone) {
      // Another device already sent the same content (two devices that installed the same decks): nothing to add.
      same.push({ id: existing._id, rev: existing._rev!, hash: item.hash });
      return;
    }
    if (live && rev !== item.sentRev) {
      // The version that arrived says what this one says: it is merged in as it is, with no lost version and nothing sent back.
      if (!existing.gone === !ours.gone && sameMeaning(ours.kind, existing.data ?? null, ours.data ?? null)) return;
      const { winner, losers } = pickWinner<StoredDoc>([ours, existing]);
      for (const loser of losers) lost.push(historyDoc(loser, winner));
      if (winner !== ours) return;
    }
    toWrite.push(ours);
    hashes.push(item.hash);
  });
  const results = await bulkWrite(ctx.local, [...toWrite, ...lost]);
  const written: SyncShadowRow[] = [...same];
  results.slice(0, toWrite.length).forEach((result, i) => {
    if ('ok' in result) written.push({ id: result.id, rev: result.rev, hash: hashes[i]! });
  });
  await ctx.db.transaction('rw', ctx.db.syncShadow, () => writeRows([batch(ctx.db.syncShadow, written)], {}, 'sync'));
  return { refused: results.filter((result) => !('ok' in result)).length, written: new Set([...toWrite, ...lost].map((doc) => doc._id)) };
}

export function historyDoc(loser: StoredDoc, winner: StoredDoc): StoredDoc {
  const version = lostVersion(loser, winner);
  return { _id: docId('history', version.id), kind: 'history', stamp: winner.stamp, data: version };
}
