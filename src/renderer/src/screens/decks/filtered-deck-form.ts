import { sameDeckName } from '../../../../core/decks/deck-names';
import { deckTerm } from '../../../../core/scheduling/custom-study';
import {
  checkFilteredConfig,
  FILTERED_ORDERS,
  NEW_SECOND_TERM,
  previewDelaysOf,
  type FilteredDeckConfig,
  type FilteredOrder,
} from '../../../../core/scheduling/filtered';

/** A number input binds a number, or '' when empty. */
type Typed = string | number;

/** What the filtered deck dialog's fields hold, as typed. */
export interface FilteredDeckForm {
  name: string;
  search: string;
  limit: Typed;
  order: FilteredOrder;
  reschedule: boolean;
  /** Anki's "Enable second filter"; its fields are kept while it is off. */
  secondOn: boolean;
  search2: string;
  limit2: Typed;
  order2: FilteredOrder;
  /** Preview delays in seconds. */
  again: Typed;
  hard: Typed;
  good: Typed;
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
  return formOfDeck(name, { search, limit: NEW_FILTERED_LIMIT, order: 'random', reschedule: true });
}

/** The fields of a built deck's Options, as its settings are. */
export function formOfDeck(name: string, config: FilteredDeckConfig): FilteredDeckForm {
  const second = config.second ?? { search: '', ...NEW_SECOND_TERM };
  const delays = previewDelaysOf(config);
  return {
    name,
    search: config.search,
    limit: config.limit,
    order: config.order,
    reschedule: config.reschedule,
    secondOn: config.second !== undefined,
    search2: second.search,
    limit2: second.limit,
    order2: second.order,
    again: delays.again,
    hard: delays.hard,
    good: delays.good,
  };
}

const numberOf = (typed: Typed) => (String(typed).trim() === '' ? NaN : Number(String(typed).trim()));
const orderOf = (order: FilteredOrder) => (FILTERED_ORDERS.includes(order) ? order : 'random');

/** Anki's next free "Filtered Deck N" (`base` is that name in the learner's language, without the number). */
export function nextFilteredDeckName(names: readonly string[], base: string): string {
  for (let n = 1; ; n++) {
    const name = `${base} ${n}`;
    if (!names.some((taken) => sameDeckName(taken, name))) return name;
  }
}

/**
 * What is wrong with the fields ('name', a 'limit' or a preview 'delay'), or the deck they
 * describe. Delays are kept whether or not the deck reschedules, as Anki keeps them.
 */
export function filteredConfigOf(form: FilteredDeckForm): { problem: 'name' | 'limit' | 'delay' } | { name: string; config: FilteredDeckConfig } {
  const name = form.name.trim();
  if (name === '') return { problem: 'name' };
  const config: FilteredDeckConfig = {
    search: form.search.trim(),
    limit: numberOf(form.limit),
    order: orderOf(form.order),
    reschedule: form.reschedule,
    ...(form.secondOn ? { second: { search: form.search2.trim(), limit: numberOf(form.limit2), order: orderOf(form.order2) } } : {}),
    previewDelays: { again: numberOf(form.again), hard: numberOf(form.hard), good: numberOf(form.good) },
  };
  const delaysOnly = { ...config, limit: NEW_FILTERED_LIMIT, second: undefined };
  if (checkFilteredConfig(delaysOnly).length > 0) return { problem: 'delay' };
  return checkFilteredConfig(config).length > 0 ? { problem: 'limit' } : { name, config };
}
