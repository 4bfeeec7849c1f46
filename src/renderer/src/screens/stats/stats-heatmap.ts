import type { DayValue } from '../../../../core/stats/perDay';

/** Shades from "no reviews" (0) to "a busy day" (4), as on a contributions calendar. */
export const HEAT_LEVELS = 4;

export interface HeatCell {
  date: string;
  value: number;
  level: number;
}

export interface HeatCalendar {
  /** One column per week, Sunday first; null where the year starts or ends mid-week. */
  weeks: (HeatCell | null)[][];
  /** The week index where each month begins, for the labels above the grid; one label per week at most. */
  months: { week: number; month: number }[];
  max: number;
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * Lays out consecutive days (oldest first) as a calendar: weeks as columns, weekdays as rows.
 * Levels split the busiest day's count into equal steps, so any day with a review shows colour.
 */
export function heatCalendar(days: readonly DayValue[]): HeatCalendar {
  const max = days.reduce((most, day) => Math.max(most, day.value), 0);
  const weeks: (HeatCell | null)[][] = [];
  const months: { week: number; month: number }[] = [];
  let week: (HeatCell | null)[] = [];
  const first = days[0];
  if (first) for (let i = 0; i < weekday(first.date); i++) week.push(null);
  let lastMonth = -1;
  for (const day of days) {
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
    const month = Number(day.date.slice(5, 7));
    if (month !== lastMonth) {
      const week = weeks.length;
      // A range starting late in a month has that month and the next begin in one column: two
      // labels drawn over each other, and two items with one key, which stopped Svelte.
      if (months.at(-1)?.week === week) months.pop();
      months.push({ week, month });
      lastMonth = month;
    }
    const level = day.value <= 0 || max === 0 ? 0 : Math.max(1, Math.ceil((day.value / max) * HEAT_LEVELS));
    week.push({ date: day.date, value: day.value, level });
  }
  if (week.length > 0) {
    while (week.length < 7) week.push(null);
    weeks.push(week);
  }
  return { weeks, months, max };
}
