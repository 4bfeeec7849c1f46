import { language } from '../../i18n/locale.svelte';
import { daysText } from '../../i18n/interval';

/** A wait as the learner's language writes it: learning steps in minutes or hours, longer ones as Browse does. */
export function waitText(days: number): string {
  if (days >= 1) return daysText(days);
  const minutes = days * 24 * 60;
  const [value, unit] = minutes < 60 ? [Math.max(1, Math.round(minutes)), 'minute'] : [Math.round(minutes / 60), 'hour'];
  return new Intl.NumberFormat(language(), { style: 'unit', unit, unitDisplay: 'short' }).format(value);
}
