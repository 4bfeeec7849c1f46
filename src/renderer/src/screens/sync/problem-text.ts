import type { SyncProblem } from '../../../../core/sync/errors';
import { t } from '../../i18n/locale.svelte';

/** A sync problem in the learner's words, with what to do about it. */
export function problemText(problem: SyncProblem): string {
  return t(`sync.problem.${problem}`);
}
