import { parseDueDays } from '../../../core/browse/due-date';
import { CardState, newSchedule, type Note } from '../../../core/collection/model';
import { dayStartOf, learnerDay, type DayRules } from '../../../core/scheduling/day';
import { movedHome } from '../../../core/scheduling/filtered';
import { toCard } from './card-row';
import { queueOf, type CardRow, type KiokuDb } from './db';
import { checkCardTarget } from './decks';
import { recountDeckTotals } from './deck-totals';

const TABLES = (db: KiokuDb) => [db.cards, db.notes, db.deckTotals, db.decks];

/*
 * Each action is one transaction; the Collection runs it as one undoable step (the undo stack
 * records the rows it writes), and it returns how many cards it changed, for the message.
 */

/** Changes the chosen cards with `edit` (null leaves a card as it is); deck totals follow a move. */
async function changeCards(db: KiokuDb, cardIds: readonly string[], edit: (card: CardRow) => CardRow | null): Promise<number> {
  return db.transaction('rw', TABLES(db), async () => {
    const rows = (await db.cards.bulkGet([...cardIds])).filter((row): row is CardRow => row !== undefined);
    const changed: CardRow[] = [];
    const decks = new Set<string>();
    for (const before of rows) {
      const edited = edit(before);
      if (!edited) continue;
      changed.push({ ...edited, queue: queueOf(edited) });
      if (edited.deckId !== before.deckId) decks.add(before.deckId).add(edited.deckId);
    }
    await db.cards.bulkPut(changed);
    if (decks.size > 0) await recountDeckTotals(db, decks);
    return changed.length;
  });
}

export function moveCards(db: KiokuDb, cardIds: readonly string[], deckId: string): Promise<number> {
  return db.transaction('rw', TABLES(db), async () => {
    await checkCardTarget(db, deckId, 'Moving cards');
    // A card leaves a filtered deck as emptying it would, then goes where it was sent (Anki's set_deck).
    return changeCards(db, cardIds, (card) => (card.deckId === deckId ? null : { ...movedHome(toCard(card)), deckId, queue: card.queue }));
  });
}

export function setSuspended(db: KiokuDb, cardIds: readonly string[], suspended: boolean): Promise<number> {
  return changeCards(db, cardIds, (card) => (card.suspended === suspended ? null : { ...card, suspended }));
}

/** Burying by hand hides the cards until the learner's next day, as Anki's "Bury". */
export function setBuried(db: KiokuDb, cardIds: readonly string[], buried: boolean, now: number, rules: DayRules): Promise<number> {
  const until = dayStartOf(learnerDay(now, rules) + 1, rules);
  return changeCards(db, cardIds, (card) => {
    const isBuried = card.buriedUntil !== null && card.buriedUntil > now;
    if (isBuried === buried) return null;
    return { ...card, buriedUntil: buried ? until : null, buriedBy: 'learner' };
  });
}

export function setFlag(db: KiokuDb, cardIds: readonly string[], flag: number): Promise<number> {
  if (!(Number.isInteger(flag) && flag >= 0 && flag <= 7)) throw new Error(`A flag is 0 (none) to 7, got ${flag}`);
  return changeCards(db, cardIds, (card) => {
    if ((card.flag ?? 0) === flag) return null;
    // No flag is no field, so a card whose flag was taken off is the same card on every device.
    const { flag: _old, ...rest } = card;
    return flag === 0 ? rest : { ...rest, flag };
  });
}

/** Makes the cards new again; their reviews stay in the log. */
export function resetCards(db: KiokuDb, cardIds: readonly string[], now: number): Promise<number> {
  return changeCards(db, cardIds, (card) => ({ ...card, ...newSchedule(now), buriedUntil: null }));
}

/**
 * Anki's "Set due date". A new card becomes a review card due that day, its stability the wait
 * (FSRS needs one), so the scheduler can go on from there.
 */
export function setDueDate(db: KiokuDb, cardIds: readonly string[], text: string, now: number, rules: DayRules, random: () => number = Math.random): Promise<number> {
  const days = parseDueDays(text);
  if (!days) throw new Error(`Set due date: "${text}" is not a number of days such as 0, 3, 1-7 or 3!`);
  const today = learnerDay(now, rules);
  return changeCards(db, cardIds, (card) => {
    const wait = days.min + Math.floor(random() * (days.max - days.min + 1));
    const due = wait === 0 ? now : dayStartOf(today + wait, rules);
    if (card.state === CardState.New) {
      return { ...card, state: CardState.Review, due, scheduledDays: wait, stability: Math.max(wait, 1), difficulty: 5, lastReview: now, buriedUntil: null };
    }
    return { ...card, due, scheduledDays: days.setInterval ? wait : card.scheduledDays, buriedUntil: null };
  });
}

/** New cards come in due order; moving the chosen ones before (or after) every other new card, in the order given. */
export function repositionNew(db: KiokuDb, cardIds: readonly string[], where: 'start' | 'end'): Promise<number> {
  return db.transaction('rw', TABLES(db), async () => {
    let first = Infinity;
    let last = -Infinity;
    await db.cards.each((card) => {
      if (card.state !== CardState.New) return;
      first = Math.min(first, card.due);
      last = Math.max(last, card.due);
    });
    const edge = where === 'start' ? first - cardIds.length - 1 : last + 1;
    const order = new Map(cardIds.map((id, i) => [id, i]));
    return changeCards(db, cardIds, (card) => (card.state === CardState.New ? { ...card, due: edge + (order.get(card.id) ?? 0) } : null));
  });
}

export function changeTags(db: KiokuDb, cardIds: readonly string[], tags: readonly string[], add: boolean, now: number): Promise<number> {
  const wanted = tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0);
  return db.transaction('rw', TABLES(db), async () => {
    const noteIds = await noteIdsOf(db, cardIds);
    const before = (await db.notes.bulkGet(noteIds)).filter((note): note is Note => note !== undefined);
    const changed: Note[] = [];
    for (const note of before) {
      const folded = new Set(note.tags.map((tag) => tag.toLowerCase()));
      const next = add
        ? [...note.tags, ...wanted.filter((tag) => !folded.has(tag.toLowerCase()))]
        : note.tags.filter((tag) => !wanted.some((gone) => gone.toLowerCase() === tag.toLowerCase()));
      if (next.length !== note.tags.length) changed.push({ ...note, tags: next, modified: now });
    }
    const changedNotes = new Set(changed.map((note) => note.id));
    await db.notes.bulkPut(changed);
    return (await db.cards.bulkGet([...cardIds])).filter((card) => card && changedNotes.has(card.noteId)).length;
  });
}

/** Deletes the notes of the chosen cards with all their cards; the review log keeps their history. */
export function deleteNotes(db: KiokuDb, cardIds: readonly string[]): Promise<number> {
  return db.transaction('rw', TABLES(db), async () => {
    const noteIds = await noteIdsOf(db, cardIds);
    const cards = await db.cards.where('noteId').anyOf(noteIds).toArray();
    await db.cards.bulkDelete(cards.map((card) => card.id));
    await db.notes.bulkDelete(noteIds);
    await recountDeckTotals(db, new Set(cards.map((card) => card.deckId)));
    return cards.length;
  });
}

async function noteIdsOf(db: KiokuDb, cardIds: readonly string[]): Promise<string[]> {
  const cards = await db.cards.bulkGet([...cardIds]);
  return [...new Set(cards.flatMap((card) => (card ? [card.noteId] : [])))];
}

