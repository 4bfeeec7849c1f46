import { DAY, type DayRules } from '../scheduling/day';

export function checkClock(rules: DayRules): void {
  if (!Number.isInteger(rules.dayStartHour) || rules.dayStartHour < 0 || rules.dayStartHour > 23) {
    throw new Error(`stats: dayStartHour must be a whole hour 0..23, got ${rules.dayStartHour}`);
  }
}

/** The calendar date (`YYYY-MM-DD`) the learner would call a learner day (`learnerDay`). */
export function dayLabel(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
