import { sameDeckName } from '../../../../core/decks/deck-names';
import { deckTerm } from '../../../../core/scheduling/custom-study';
import { checkFilteredConfig, FILTERED_ORDERS, type FilteredDeckConfig, type FilteredOrder } from '../../../../core/scheduling/filtered';

/** What the Create Filtered Deck dialog's fields hold, as typed. */
export interface FilteredDeckForm {
  name: string;
  search: string;
  /** A number input binds a number, or '' when empty. */
  limit: string | number;
  order: FilteredOrder;
  reschedule: boolean;
}

/** Anki's first search term of a new filtered deck: 100 cards, random, rescheduled. */
export const NEW_FILTERED_LIMIT = 100;

/**
 * Anki's starting search (rslib new_filtered_deck_for_adding): the cards due in the deck the
 * learner is on, or whatever Browse was searching for.
 */
export function startingSearch(from: { deckName: string } | { search: string } | null): string {
  if (from === null) return 'is:due';
  return 'search' in from ? from.search : `${deckTerm(from.deckName)} is:due`;
}

export function freshFilteredForm(name: string, search: string): FilteredDeckForm {
  return { name, search, limit: NEW_FILTERED_LIMIT, order: 'random', reschedule: true };
}

/** Anki's next free "Filtered Deck N" (`base` is that name in the learner's language, without the number). */
export function nextFilteredDeckName(names: readonly string[], base: string): string {
  for (let n = 1; ; n++) {
    const name = `${base} ${n}`;
    if (!names.some((taken) => sameDeckName(taken, name))) return name;
  }
}

/** What is wrong with the fields ('name' or 'limit'), or the deck they describe. */
export function filteredConfigOf(form: FilteredDeckForm): { problem: 'name' | 'limit' } | { name: string; config: FilteredDeckConfig } {
  const name = form.name.trim();
  if (name === '') return { problem: 'name' };
  const limitText = String(form.limit).trim();
  const config: FilteredDeckConfig = {
    search: form.search.trim(),
    limit: limitText === '' ? NaN : Number(limitText),
    order: FILTERED_ORDERS.includes(form.order) ? form.order : 'random',
    reschedule: form.reschedule,
  };
  return checkFilteredConfig(config).length > 0 ? { problem: 'limit' } : { name, config };
}
