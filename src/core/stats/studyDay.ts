const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * Where the learner's days begin. Reviews done after midnight but before `dayStartHour`
 * belong to the previous day, as in Anki, so a late-night session is not split in two.
 */
export interface DayClock {
  /** 0..23, in the learner's local time. */
  dayStartHour: number;
  /** The learner's offset from UTC in minutes (UTC+9 is 540). */
  utcOffsetMinutes: number;
}

export function checkClock(clock: DayClock): void {
  if (!Number.isInteger(clock.dayStartHour) || clock.dayStartHour < 0 || clock.dayStartHour > 23) {
    throw new Error(`stats: dayStartHour must be a whole hour 0..23, got ${clock.dayStartHour}`);
  }
  if (!Number.isFinite(clock.utcOffsetMinutes) || Math.abs(clock.utcOffsetMinutes) > 14 * 60) {
    throw new Error(`stats: utcOffsetMinutes must be within ±840, got ${clock.utcOffsetMinutes}`);
  }
}

/** The learner's day a moment falls in, as a whole number of days; consecutive days differ by 1. */
export function studyDay(time: number, clock: DayClock): number {
  return Math.floor((time + clock.utcOffsetMinutes * MINUTE_MS - clock.dayStartHour * HOUR_MS) / DAY_MS);
}

/** The calendar date (`YYYY-MM-DD`) the learner would call that day. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
