import { reviewHistory } from '../../../core/optimiser/history';
import { rescheduled } from '../../../core/optimiser/reschedule';
import type { DayRules } from '../../../core/scheduling/day';
import type { FsrsFitted } from '../../../core/scheduling/options';
import { presetOf } from '../../../core/presets/presets';
import type { CardRow, KiokuDb } from './db';
import { reviewsOfCards } from './reviews-of-cards';
import { changePreset, resolverFor } from './settings';
import { readDeckSetup } from './setup-cache';


export interface ParametersChange {
  parameters: number[];
  fitted: FsrsFitted;
  /** Replay the memory of every card that uses these parameters and give it a new due date. */
  reschedule: boolean;
}

/**
 * Sets fitted FSRS parameters on the preset a deck uses (every deck using it follows, as in
 * Anki), and, when asked, reschedules the cards that now use them, all in one transaction;
 * returns how many cards got a new schedule. Past answers are never changed.
 */
export async function applyFsrsParameters(db: KiokuDb, deckId: string, change: ParametersChange, rules: DayRules, now: number): Promise<number> {
  return db.transaction('rw', [db.decks, db.settings, db.cards, db.reviews], async () => {
    if (!(await db.decks.get(deckId))) throw new Error(`FSRS parameters: no deck with id ${deckId}`);
    const preset = presetOf(await readDeckSetup(db), deckId);
    await changePreset(db, preset.id, (before) => ({ ...before, options: { ...before.options, fsrsParameters: change.parameters, fsrsFitted: change.fitted } }));
    if (!change.reschedule) return 0;
    const setup = await readDeckSetup(db);
    const optionsOf = resolverFor(setup);
    const deckIds = setup.decks.map((deck) => deck.id).filter((id) => presetOf(setup, id).id === preset.id);
    const cards = await db.cards.where('deckId').anyOf(deckIds).toArray();
    const reviews = await reviewsOfCards(db, cards.map((card) => card.id), (review) => review);
    const historyOf = new Map(reviewHistory(reviews, rules, now).histories.map((history) => [history.cardId, history]));
    const changed: CardRow[] = [];
    for (const card of cards) {
      const after = { ...card, ...rescheduled(card, historyOf.get(card.id), optionsOf(card.deckId)) };
      if (after.due !== card.due || after.stability !== card.stability || after.difficulty !== card.difficulty) changed.push(after);
    }
    await db.cards.bulkPut(changed);
    return changed.length;
  });
}
