import { t } from '../../i18n/locale.svelte';
import type { Collection } from '../../storage/collection';

/** What the deck list's menu and a filtered deck's overview do to a filtered deck: its cards go home, nothing is lost, Ctrl+Z undoes it. */
export type FilteredAction = 'rebuild' | 'empty' | 'delete';

/** Runs the action as one undoable step; says what was done, for the status line. */
export async function runFilteredAction(collection: Collection, deckId: string, action: FilteredAction): Promise<string> {
  if (action === 'rebuild') return t('filteredDeck.rebuilt', { count: await collection.rebuildFilteredDeck(deckId, Date.now()) });
  if (action === 'empty') return t('filteredDeck.emptied', { count: await collection.emptyFilteredDeck(deckId) });
  await collection.deleteFilteredDeck(deckId);
  return t('filteredDeck.deleted');
}
