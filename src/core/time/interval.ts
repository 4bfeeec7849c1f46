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

/**
 * The short label shown on an answer button for the wait until the card comes back:
 * `<1m`, `10m`, `3h`, `2d`, `1.2mo`, `1.5y`. The units stay the same in every language,
 * as in Anki's compact buttons, so the buttons keep their width.
 */
export function formatInterval(ms: number): string {
  const wait = Math.max(0, ms);
  if (wait < MINUTE) return '<1m';
  // Each unit is compared after rounding so 59.7 minutes reads `1h`, never `60m`.
  const minutes = Math.round(wait / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round(wait / HOUR);
  if (hours < 24) return `${hours}h`;
  const days = Math.round(wait / DAY);
  if (days < 30) return `${days}d`;
  if (Math.round((wait / YEAR) * 10) < 10) return `${oneDecimal(wait / MONTH)}mo`;
  return `${oneDecimal(wait / YEAR)}y`;
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
