import * as v from 'valibot';
import { cardId, newCardsFor } from '../../../../core/cards';
import type { MediaFile, Note, NoteType, Review } from '../../../../core/collection/model';
import { parseExamAttempt } from '../../../../core/questions/attempt-schema';
import { noteSchema, noteTypeSchema, reviewSchema } from '../../../../core/collection/schema';
import { sha1Hex } from '../../../../core/formats/sha1';
import { MAX_FIELD_CHARS } from '../../../../core/formats/limits';
import { deckNameProblem, mediaNameProblem, rangeProblem, REVIEW_NUMBERS } from '../../../../core/collection/validity';
import type { DayRules } from '../../../../core/scheduling/day';
import { checkDeckOptions } from '../../../../core/scheduling/options';
import { checkFilteredConfig } from '../../../../core/scheduling/filtered';
import type { HybridClock } from '../../../../core/sync/hlc';
import { docId, givenUpDeckDiffers, keptDeckId, lostVersion, parseDocId, stableJson, type LostVersion } from '../../../../core/sync/records';
import { sameDeckName } from '../../../../core/decks/deck-names';
import { placeOf, replayNote, scheduleOf, type CardBase } from '../../../../core/sync/replay';
import { queueOf, type CardRow, type DeckRow, type KiokuDb, type SettingRow, type SyncShadowRow } from '../db';
import { recountDeckTotals } from '../deck-totals';
import { resolverFor } from '../settings';
import { readDeckSetup } from '../setup-cache';
import { cardsOfNotes } from '../cards-of-notes';
import { groupedBy } from '../../../../core/collection/grouped';
import { reviewsOfCards } from '../reviews-of-cards';
import { leaveNoMarks } from './change-marks';
import { GONE, historyDoc } from './outgoing';
import { cardBaseOf, deckRowSchema, lostSchema, mediaSchema, problem, settingOptions, settingSchema, type SkippedRecord } from './arriving';
import type { Feed } from './feed';
import { readPending } from './pending';
import type { PouchDatabase, StoredDoc } from './pouch';
import { cardHash, type MediaInfo } from './records';
import { batch, writeRows } from '../transfer/write-rows';
import { readMergedDecks, rehomeDeck, rescopeAttempts, saveMergedDecks } from './deck-namesakes';

export interface Incoming {
  /** Documents merged into the collection. */
  merged: number;
  skipped: SkippedRecord[];
  lastSeq: number | string;
}

export interface IncomingContext {
  db: KiokuDb;
  local: PouchDatabase;
  clock: HybridClock;
  rules: DayRules;
  now: number;
  /** What changed in this device's copy since the last merge, conflicts settled. */
  feed: Feed;
}

/**
 * Merges every document that arrived since the last merge into the collection, in one Dexie
 * transaction: either all of it is visible to the learner or none. Records take the version
 * that won by clock stamp; reviews are added (never changed); every note whose cards or
 * reviews changed has its cards replayed from their bases through the scheduler.
 * Records that cannot be held (bad shape, missing deck or note type) are skipped with a reason.
 */
export async function mergeIncoming(ctx: IncomingContext): Promise<Incoming> {
  const pending = await readPending(ctx.db, ctx.local, ctx.feed, ctx.now);
  for (const doc of pending.docs) ctx.clock.receive(doc.stamp);
  for (const doc of pending.cardDocs.values()) ctx.clock.receive(doc.stamp);
  const { db } = ctx;
  const skipped: SkippedRecord[] = [...pending.refused];
  const shadow: SyncShadowRow[] = [];
  /** Settings of decks given up for a namesake, to be sent as lost versions once the merge is in. */
  const givenUp: StoredDoc[] = [];
  const tables = [db.decks, db.noteTypes, db.notes, db.cards, db.reviews, db.settings, db.media, db.attempts, db.deckTotals, db.syncShadow, db.syncLost, db.syncChanges];
  await db.transaction('rw', tables, async () => {
    // What is merged is recorded as exchanged (the shadow), so it needs no mark; what the merge changes beyond that is marked by hand.
    leaveNoMarks();
    const byKind = (kind: StoredDoc['kind']) => pending.docs.filter((doc) => doc.kind === kind);
    const applied = (doc: StoredDoc, hash: string) => shadow.push({ id: doc._id, rev: doc._rev!, hash });
    const touchedNotes = new Set<string>();
    const touchedDecks = new Set<string>();
    /** Decks that became one with a deck of the same name: the id given up, and the one kept. */
    const merged = await readMergedDecks(db);
    const mergedBefore = merged.size;
    const keptDeck = (deckId: string) => merged.get(deckId) ?? deckId;

    for (const doc of byKind('deck')) {
      if (doc.gone) {
        const id = parseDocId(doc._id)!.id;
        if ((await db.cards.where('deckId').equals(id).count()) > 0) {
          skipped.push({ id: doc._id, reason: 'deleted on another device, but it still has cards here' });
          continue;
        }
        await db.decks.delete(id);
        applied(doc, GONE);
        continue;
      }
      const result = v.safeParse(deckRowSchema, doc.data);
      if (!result.success) {
        skipped.push({ id: doc._id, reason: problem(result.issues) });
        continue;
      }
      const deck = result.output;
      const nameProblem = deckNameProblem(deck.name);
      const optionProblems = [...checkDeckOptions(deck.options), ...(deck.filtered ? checkFilteredConfig(deck.filtered) : [])];
      if (nameProblem || optionProblems.length > 0) {
        skipped.push({ id: doc._id, reason: nameProblem ? `name ${nameProblem}` : optionProblems.join('; ') });
        continue;
      }
      const namesake = await db.decks.filter((row) => row.id !== deck.id && sameDeckName(row.name, deck.name)).first();
      if (namesake) {
        // The same deck made on two devices: one deck, under the id every device keeps.
        const kept = keptDeckId(namesake.id, deck.id);
        const given = kept === namesake.id ? deck.id : namesake.id;
        for (const [from, to] of merged) if (to === given) merged.set(from, kept);
        merged.set(given, kept);
        touchedDecks.add(kept);
        await rescopeAttempts(db, given, kept);
        // The deck here as last sent; one not sent yet is stamped now.
        const here = pending.deckDocs.get(docId('deck', namesake.id));
        const local: StoredDoc = { _id: docId('deck', namesake.id), kind: 'deck', stamp: here?.stamp ?? ctx.clock.tick(), data: namesake };
        const arrived: StoredDoc = { ...doc, data: deck };
        const [loser, winner] = given === deck.id ? [arrived, local] : [local, arrived];
        if (givenUpDeckDiffers(loser.data!, winner.data!)) {
          await db.syncLost.put(lostVersion(loser, winner));
          givenUp.push(historyDoc(loser, winner));
        }
        if (given === deck.id) {
          applied(doc, GONE);
          continue;
        }
        await rehomeDeck(db, given, kept);
      }
      await db.decks.put(result.output as DeckRow);
      applied(doc, stableJson(result.output));
    }
    for (const doc of byKind('setting')) {
      const result = v.safeParse(settingSchema, doc.data);
      if (doc.gone || !result.success || settingOptions(result.output).some((options) => checkDeckOptions(options).length > 0)) {
        skipped.push({ id: doc._id, reason: doc.gone ? 'settings are never deleted' : result.success ? 'options out of range' : problem(result.issues) });
        continue;
      }
      await db.settings.put(result.output as SettingRow);
      applied(doc, stableJson(result.output));
    }
    for (const doc of byKind('noteType')) {
      if (doc.gone) {
        skipped.push({ id: doc._id, reason: 'note types are never deleted by sync' });
        continue;
      }
      const result = v.safeParse(noteTypeSchema, doc.data);
      if (!result.success) {
        skipped.push({ id: doc._id, reason: problem(result.issues) });
        continue;
      }
      await db.noteTypes.put(result.output as NoteType);
      applied(doc, stableJson(result.output));
    }
    for (const doc of byKind('media')) {
      const name = parseDocId(doc._id)!.id;
      if (doc.gone) {
        await db.media.delete(name);
        applied(doc, GONE);
        continue;
      }
      const result = v.safeParse(mediaSchema, doc.data);
      const bytes = pending.bytes.get(doc._id);
      const nameProblem = mediaNameProblem(name);
      if (!result.success || nameProblem || !bytes) {
        skipped.push({ id: doc._id, reason: !result.success ? problem(result.issues) : nameProblem ? `name ${nameProblem}` : 'the file itself did not arrive' });
        continue;
      }
      await db.media.put({ name: result.output.name, mime: result.output.mime, data: bytes } satisfies MediaFile);
      applied(doc, stableJson({ name: result.output.name, mime: result.output.mime, sha1: sha1Hex(bytes) } satisfies MediaInfo));
    }
    // Read once for every note that arrived, not once per note: a first sync brings tens of thousands.
    const noteTypes = new Map((await db.noteTypes.toArray()).map((noteType) => [noteType.id, noteType]));
    const deckIds = new Set(await db.decks.toCollection().primaryKeys());
    const notes: Note[] = [];
    for (const doc of byKind('note')) {
      const id = parseDocId(doc._id)!.id;
      if (doc.gone) {
        const cards = await db.cards.where('noteId').equals(id).toArray();
        for (const card of cards) touchedDecks.add(card.deckId);
        await db.cards.bulkDelete(cards.map((card) => card.id));
        await db.notes.delete(id);
        applied(doc, GONE);
        continue;
      }
      const result = v.safeParse(noteSchema, doc.data);
      if (!result.success) {
        skipped.push({ id: doc._id, reason: problem(result.issues) });
        continue;
      }
      const note = { ...result.output, deckId: keptDeck(result.output.deckId) } as Note;
      const long = note.fields.find((field) => field.length > MAX_FIELD_CHARS);
      if (long !== undefined) {
        skipped.push({ id: doc._id, reason: `a field is ${long.length} characters long; the limit is ${MAX_FIELD_CHARS} (1 MiB)` });
        continue;
      }
      const noteType = noteTypes.get(note.noteTypeId);
      if (!noteType || noteType.fields.length !== note.fields.length || !deckIds.has(note.deckId)) {
        skipped.push({ id: doc._id, reason: !noteType ? `note type ${note.noteTypeId} is missing` : noteType.fields.length !== note.fields.length ? 'its fields do not match its note type' : `deck ${note.deckId} is missing` });
        continue;
      }
      notes.push(note);
      touchedNotes.add(note.id);
      applied(doc, stableJson(note));
    }
    await db.notes.bulkPut(notes);
    const reviews: Review[] = [];
    for (const doc of byKind('review')) {
      if (doc.gone) {
        const id = parseDocId(doc._id)!.id;
        // Its card is replayed without it, as if the answer had never been given.
        const undone = await db.reviews.get(id);
        const card = undone && (await db.cards.get(undone.cardId));
        if (card) touchedNotes.add(card.noteId);
        await db.reviews.delete(id);
        applied(doc, GONE);
        continue;
      }
      const result = v.safeParse(reviewSchema, doc.data);
      const reason = result.success ? rangeProblem(result.output, REVIEW_NUMBERS) : problem(result.issues);
      if (!result.success || reason) {
        skipped.push({ id: doc._id, reason: reason ?? 'invalid' });
        continue;
      }
      // No shadow row: the copy holding it says it was exchanged (outgoing.ts, mergedReviewsInCopy).
      reviews.push(result.output as Review);
    }
    await db.reviews.bulkPut(reviews);
    for (const doc of byKind('attempt')) {
      const id = parseDocId(doc._id)!.id;
      if (doc.gone) {
        await db.attempts.delete(id);
        applied(doc, GONE);
        continue;
      }
      const parsed = parseExamAttempt(doc.data);
      if ('problem' in parsed || parsed.attempt.id !== id) {
        skipped.push({ id: doc._id, reason: 'problem' in parsed ? parsed.problem : 'its id does not match its document' });
        continue;
      }
      const attempt = { ...parsed.attempt, scope: keptDeck(parsed.attempt.scope) };
      await db.attempts.put(attempt);
      applied(doc, stableJson(attempt));
    }
    for (const doc of byKind('history')) {
      const result = v.safeParse(lostSchema, doc.data);
      if (!result.success) {
        skipped.push({ id: doc._id, reason: problem(result.issues) });
        continue;
      }
      await db.syncLost.put(result.output as LostVersion);
      applied(doc, 'history');
    }
    const bases = new Map<string, CardBase>();
    for (const doc of pending.cardDocs.values()) {
      const base = doc.gone ? null : cardBaseOf(doc.data);
      if (typeof base !== 'object' || !base) continue;
      base.deckId = keptDeck(base.deckId);
      if (base.homeDeckId !== undefined) base.homeDeckId = keptDeck(base.homeDeckId);
      bases.set(doc._id, base);
    }
    const checked = byKind('card').flatMap((doc) => {
      if (doc.gone) return [];
      const base = cardBaseOf(doc.data);
      if (typeof base === 'string') {
        skipped.push({ id: doc._id, reason: base });
        return [];
      }
      return [{ doc, noteId: base.noteId }];
    });
    const [notesOfCards, shadowOfNotes] = await Promise.all([
      db.notes.bulkGet(checked.map(({ noteId }) => noteId)),
      db.syncShadow.bulkGet(checked.map(({ noteId }) => docId('note', noteId))),
    ]);
    checked.forEach(({ doc, noteId }, i) => {
      if (!notesOfCards[i] && shadowOfNotes[i]?.hash !== GONE) skipped.push({ id: doc._id, reason: `its note ${noteId} is not here` });
    });
    // A card answered many times is looked up once, and one whose base arrived not at all.
    const arrivedFor = new Set(
      [...byKind('card'), ...byKind('review')].flatMap((doc) => {
        const cardId = doc.kind === 'card' ? parseDocId(doc._id)!.id : (doc.data as Review | undefined)?.cardId;
        return typeof cardId === 'string' ? [cardId] : [];
      }),
    );
    const unplaced = [...arrivedFor].filter((cardId) => {
      const noteId = bases.get(docId('card', cardId))?.noteId;
      if (noteId) touchedNotes.add(noteId);
      return !noteId;
    });
    for (const card of await db.cards.bulkGet(unplaced)) if (card) touchedNotes.add(card.noteId);

    const optionsOf = resolverFor(await readDeckSetup(db));
    const basesOfNote = groupedBy(bases, ([, base]) => base.noteId);
    const touched = (await db.notes.bulkGet([...touchedNotes])).filter((note): note is Note => note !== undefined);
    const cardsHeld = groupedBy(await cardsOfNotes(db, touched.map((note) => note.id)), (card) => card.noteId);
    const replaying = touched.flatMap((note) => {
      const noteType = noteTypes.get(note.noteTypeId);
      if (!noteType) return [];
      const before = cardsHeld.get(note.id) ?? [];
      const noteBases = new Map<string, CardBase>();
      // A note that came without its cards (from another client) gets them new as of its own time, the same on every device.
      for (const card of newCardsFor(noteType, note, Math.min(note.modified, ctx.now))) noteBases.set(card.id, { ...placeOf(card), base: scheduleOf(card), since: -1 });
      for (const card of before) noteBases.set(card.id, { ...placeOf(card), base: scheduleOf(card), since: Infinity });
      for (const [id, base] of basesOfNote.get(note.id) ?? []) {
        if (!deckIds.has(base.deckId)) {
          skipped.push({ id, reason: `deck ${base.deckId} is missing` });
          continue;
        }
        if (noteType.kind === 'standard' && base.template >= noteType.templates.length) {
          skipped.push({ id, reason: `it uses card template ${base.template + 1}, but note type "${noteType.name}" has ${noteType.templates.length}` });
          continue;
        }
        noteBases.set(base.id, base);
      }
      return [{ before, bases: [...noteBases.values()] }];
    });
    const reviewsOfCard = groupedBy(
      await reviewsOfCards(db, replaying.flatMap(({ bases }) => bases.map((base) => base.id)), (review) => review),
      (review) => review.cardId,
    );
    const rows = replaying.flatMap(({ before, bases }) => {
      const replayed = replayNote(bases, bases.flatMap((base) => reviewsOfCard.get(base.id) ?? []), optionsOf, ctx.rules);
      const written = replayed.map((card): CardRow => ({ ...card, queue: queueOf(card) }));
      for (const card of [...before, ...written]) touchedDecks.add(card.deckId);
      return written;
    });
    await db.cards.bulkPut(rows);
    for (const row of rows) {
      const doc = pending.cardDocs.get(docId('card', row.id));
      shadow.push({ id: docId('card', row.id), rev: doc?._rev ?? '', hash: cardHash(row) });
    }
    if (merged.size > mergedBefore) await saveMergedDecks(db, merged);
    await recountDeckTotals(db, touchedDecks);
    await writeRows([batch(db.syncShadow, shadow)], {}, 'sync');
  });
  // Other devices learn of the lost settings as of any lost version; one that merged the decks itself finds the same id.
  if (givenUp.length > 0) await ctx.local.bulkDocs(givenUp);
  return { merged: shadow.length, skipped, lastSeq: pending.lastSeq };
}

