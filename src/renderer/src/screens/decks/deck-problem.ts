import { DeckNameError } from '../../storage/decks';
import { t } from '../../i18n/locale.svelte';
import { errorMessage } from '../error-message';

/** Why a deck could not be created, renamed or moved, in the learner's words. */
export function deckProblemText(failure: unknown): string {
  if (failure instanceof DeckNameError) {
    const name = failure.typed.replaceAll('::', ' › ');
    if (failure.problem === 'taken') return t('decks.nameTaken', { deck: name });
    if (failure.problem === 'into-itself') return t('decks.intoItself');
    if (failure.problem === 'under-filtered') return t('decks.underFiltered');
    if (failure.problem === 'empty-part') return t('decks.emptyPart');
    return t('decks.emptyName');
  }
  return errorMessage(failure);
}
