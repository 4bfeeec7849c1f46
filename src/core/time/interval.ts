const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Anki counts a month as 30 days and a year as 365 when it labels intervals; learners compare the two apps. */
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** Drops a trailing `.0` so a whole number of months or years reads `2mo`, not `2.0mo`. */
function oneDecimal(value: number): string {
  return (Math.round(value * 10) / 10).toString();
}

export type IntervalUnit = 'minutes' | 'hours' | 'days' | 'months' | 'years';

/** A wait as a button labels it: under a minute, or a number of one unit (months and years to one decimal). */
export type IntervalParts = { unit: 'lessThanMinute' } | { unit: IntervalUnit; value: number };

/** The wait until the card comes back, in the unit a learner reads it in. */
export function intervalParts(ms: number): IntervalParts {
  const wait = Math.max(0, ms);
  if (wait < MINUTE) return { unit: 'lessThanMinute' };
  // Each unit is compared after rounding so 59.7 minutes reads 1 hour, never 60 minutes.
  const minutes = Math.round(wait / MINUTE);
  if (minutes < 60) return { unit: 'minutes', value: minutes };
  const hours = Math.round(wait / HOUR);
  if (hours < 24) return { unit: 'hours', value: hours };
  const days = Math.round(wait / DAY);
  if (days < 30) return { unit: 'days', value: days };
  if (Math.round((wait / YEAR) * 10) < 10) return { unit: 'months', value: Number(oneDecimal(wait / MONTH)) };
  return { unit: 'years', value: Number(oneDecimal(wait / YEAR)) };
}

const SHORT_UNITS: Record<IntervalUnit, string> = { minutes: 'm', hours: 'h', days: 'd', months: 'mo', years: 'y' };

/**
 * The compact English label of a wait, as Anki's buttons: `<1m`, `10m`, `3h`, `2d`, `1.2mo`,
 * `1.5y`. The app shows the same parts in the UI language (renderer i18n/interval.ts).
 */
export function formatInterval(ms: number): string {
  const parts = intervalParts(ms);
  return parts.unit === 'lessThanMinute' ? '<1m' : `${parts.value}${SHORT_UNITS[parts.unit]}`;
}

/** A stretch of time split for a sentence such as "12 min 5 s"; hours only when there are some. */
export interface DurationParts {
  hours: number;
  minutes: number;
  seconds: number;
}

export function splitDuration(ms: number): DurationParts {
  const totalSeconds = Math.round(Math.max(0, ms) / 1000);
  return {
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
  };
}
