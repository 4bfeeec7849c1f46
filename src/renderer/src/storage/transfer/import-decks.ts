import type { Collision, CollisionChoice } from '../../../../core/collection/collisions';
import { freeName } from '../../../../core/collection/collisions';
import type { Deck } from '../../../../core/collection/model';
import { ImportError } from '../../../../core/formats';
import { checkDeckOptions } from '../../../../core/scheduling/options';
import type { DeckRow } from '../db';

export interface DeckPlan {
  /** Deck id in the file → deck id in the collection. */
  idOf: Map<string, string>;
  rows: DeckRow[];
  added: number;
  /** The learner's decks whose id the file reuses with another name or description. */
  collisions: Collision[];
}

const sameDeck = (a: Deck, b: Deck) => a.name === b.name && (a.description ?? '') === (b.description ?? '');

/**
 * Matches the file's decks to the collection's: by id first, then by name, because deck names
 * are unique and a CSV deck called "日本語" belongs in the learner's "日本語". A matched deck keeps
 * the options the learner set on it; a new deck takes the options the file carries (an Anki preset's
 * FSRS parameters and desired retention). A file's deck with the id of one of the learner's but another
 * name or description is a collision: the learner's deck stays as it is (its cards go into it),
 * takes the file's name and description, or the file's deck arrives as a deck of its own.
 */
export function planDecks(incoming: readonly Deck[], stored: readonly DeckRow[], fileName: string, choice: CollisionChoice, newId: () => string): DeckPlan {
  const byId = new Map(stored.map((deck) => [deck.id, deck]));
  const byName = new Map(stored.map((deck) => [deck.name, deck]));
  // A filtered deck and a normal one never stand for each other (Anki's importer gives the file's
  // deck a name of its own): notes would land in a filtered deck, or cards in one lose their way home.
  const sameKind = (deck: Deck, other: DeckRow | undefined) => (other !== undefined && (deck.filtered === undefined) === (other.filtered === undefined) ? other : undefined);
  // A copy's name may not be one of the learner's, nor one another deck of the file arrives with.
  const names = new Set(stored.map((deck) => deck.name));
  const others = (deck: Deck) => new Set([...names, ...incoming.filter((other) => other !== deck).map((other) => other.name)]);
  const plan: DeckPlan = { idOf: new Map(), rows: [], added: 0, collisions: [] };
  const namesTaken = new Map<string, string>();
  const add = (deck: Deck) => {
    const options = { ...deck.options };
    const problems = checkDeckOptions(options);
    if (problems.length > 0) throw new ImportError(fileName, `deck ${deck.id}`, `options: ${problems.join('; ')}`);
    plan.rows.push({ ...deck, options });
    plan.idOf.set(deck.id, deck.id);
    plan.added++;
  };
  for (const deck of incoming) {
    const earlier = namesTaken.get(deck.name);
    if (earlier !== undefined) throw new ImportError(fileName, `deck ${deck.id}`, `has the same name "${deck.name}" as deck ${earlier}`);
    namesTaken.set(deck.name, deck.id);
    const sameId = sameKind(deck, byId.get(deck.id));
    const sameName = sameKind(deck, byName.get(deck.name));
    if (!sameId && !sameName && (byId.has(deck.id) || names.has(deck.name))) {
      const own = { ...deck, id: byId.has(deck.id) ? newId() : deck.id, name: freeName(deck.name, others(deck)) };
      names.add(own.name);
      add(own);
      plan.idOf.set(deck.id, own.id);
      continue;
    }
    if (sameId && !sameDeck(sameId, deck)) {
      plan.collisions.push({ mine: sameId.name, theirs: deck.name });
      if (choice === 'keep-mine') {
        plan.idOf.set(deck.id, sameId.id);
      } else if (choice === 'take-theirs') {
        const named = byName.get(deck.name);
        const nameFree = !named || named.id === sameId.id;
        plan.rows.push({ ...deck, name: nameFree ? deck.name : sameId.name, options: sameId.options, ...(sameId.presetId === undefined ? {} : { presetId: sameId.presetId }) });
        plan.idOf.set(deck.id, sameId.id);
      } else if (sameName && sameName.id !== sameId.id) {
        plan.idOf.set(deck.id, sameName.id);
      } else {
        const copy = { ...deck, id: newId(), name: freeName(deck.name, others(deck)) };
        names.add(copy.name);
        add(copy);
        plan.idOf.set(deck.id, copy.id);
      }
    } else if (sameId) {
      plan.idOf.set(deck.id, sameId.id);
    } else if (sameName) {
      plan.idOf.set(deck.id, sameName.id);
    } else {
      add(deck);
    }
  }
  return plan;
}
