import { splitDuration } from '../../../core/time/interval';
import { t } from './locale.svelte';

/** Time spent studying as a learner reads it: `4 min 12 s`, `4分12秒`. */
export function formatDuration(ms: number): string {
  const { hours, minutes, seconds } = splitDuration(ms);
  if (hours > 0) return t('duration.hours', { hours, minutes });
  if (minutes > 0) return t('duration.minutes', { minutes, seconds });
  return t('duration.seconds', { seconds });
}
