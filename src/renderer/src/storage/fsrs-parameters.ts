import { reviewHistory } from '../../../core/optimiser/history';
import { rescheduled } from '../../../core/optimiser/reschedule';
import type { DayRules } from '../../../core/scheduling/day';
import type { FsrsFitted, DeckOptions } from '../../../core/scheduling/options';
import type { CardRow, KiokuDb } from './db';
import { subtreeIds } from './deck-tree';
import { getCollectionOptions, resolverFor, setDeckOptions } from './settings';

/** What applying parameters changed, to take it back. */
export interface ParametersUndo {
  deckId: string;
  options: Partial<DeckOptions>;
  /** The cards as they were before "Reschedule cards on change", and as it left them. */
  cards: { before: CardRow; after: CardRow }[];
}

export interface ParametersChange {
  parameters: number[];
  fitted: FsrsFitted;
  /** Replay the memory of every card that uses these parameters and give it a new due date. */
  reschedule: boolean;
}

/**
 * Sets fitted FSRS parameters on a deck (its subdecks inherit them unless they have their own),
 * and, when asked, reschedules the cards that now use them, all in one transaction. Past answers
 * are never changed.
 */
export async function applyFsrsParameters(db: KiokuDb, deckId: string, change: ParametersChange, rules: DayRules, now: number): Promise<ParametersUndo> {
  return db.transaction('rw', [db.decks, db.settings, db.cards, db.reviews], async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new Error(`FSRS parameters: no deck with id ${deckId}`);
    const undo: ParametersUndo = { deckId, options: deck.options, cards: [] };
    await setDeckOptions(db, deckId, { ...deck.options, fsrsParameters: change.parameters, fsrsFitted: change.fitted });
    if (!change.reschedule) return undo;
    const decks = await db.decks.toArray();
    const optionsOf = resolverFor(decks, await getCollectionOptions(db));
    const same = JSON.stringify(change.parameters);
    const deckIds = subtreeIds(decks, deckId).filter((id) => JSON.stringify(optionsOf(id).fsrsParameters) === same);
    const cards = await db.cards.where('deckId').anyOf(deckIds).toArray();
    const reviews = await db.reviews.where('cardId').anyOf(cards.map((card) => card.id)).toArray();
    const historyOf = new Map(reviewHistory(reviews, rules, now).histories.map((history) => [history.cardId, history]));
    for (const card of cards) {
      const after = { ...card, ...rescheduled(card, historyOf.get(card.id), optionsOf(card.deckId)) };
      if (after.due !== card.due || after.stability !== card.stability || after.difficulty !== card.difficulty) {
        undo.cards.push({ before: card, after });
      }
    }
    await db.cards.bulkPut(undo.cards.map(({ after }) => after));
    return undo;
  });
}

/**
 * Takes back `applyFsrsParameters`: the deck's options as they were, and each rescheduled card's
 * old schedule, unless the card has been answered or changed since (that answer stays).
 */
export async function undoFsrsParameters(db: KiokuDb, undo: ParametersUndo): Promise<void> {
  await db.transaction('rw', [db.decks, db.cards], async () => {
    await setDeckOptions(db, undo.deckId, undo.options);
    const current = await db.cards.bulkGet(undo.cards.map(({ after }) => after.id));
    const restore = undo.cards.filter(({ after }, i) => {
      const now = current[i];
      return now !== undefined && now.due === after.due && now.reps === after.reps && now.stability === after.stability;
    });
    await db.cards.bulkPut(restore.map(({ before }) => before));
  });
}
