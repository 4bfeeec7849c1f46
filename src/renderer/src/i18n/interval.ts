import { intervalParts } from '../../../core/time/interval';
import { t } from './locale.svelte';

/** An answer button's wait in the UI language: `10m`, `1.2mo`; `10分`, `1.2か月`. */
export function intervalText(ms: number): string {
  const parts = intervalParts(ms);
  return parts.unit === 'lessThanMinute' ? t('interval.lessThanMinute') : t(`interval.${parts.unit}`, { value: parts.value });
}

/**
 * A wait in days as Browse shows it (`12 days`, `1.5 months`; `12日`, `1.5か月`), Anki's 30-day
 * month and 365-day year, so the two apps read alike.
 */
export function daysText(days: number): string {
  const [count, unit] = days < 30 ? [Math.round(days), 'days'] : days < 365 ? [days / 30, 'months'] : [days / 365, 'years'];
  return t(`interval.long.${unit}`, { count: Math.round(count * 10) / 10 });
}
