import { t } from '../i18n/locale.svelte';
import { FilteredDeckTargetError } from '../storage/decks';
import { StorageFullError } from '../storage/storage-full';

/** The text of whatever a failed action threw, for a message next to the control that failed. */
export function errorMessage(problem: unknown): string {
  // A full disk is something the learner fixes, so it is said in their language.
  if (problem instanceof StorageFullError) {
    const { action } = problem;
    if (action.kind === 'answer') return t('storageFull.answer');
    if (action.kind === 'backup') return action.before ? t(`storageFull.backupBefore.${action.before.kind}`, { file: action.before.fileName }) : t('storageFull.backup');
    return t(`storageFull.${action.kind}`, { file: action.fileName });
  }
  if (problem instanceof FilteredDeckTargetError) return t('filteredDeck.notTarget', { deck: problem.deckName.replaceAll('::', ' › ') });
  return problem instanceof Error ? problem.message : String(problem);
}
