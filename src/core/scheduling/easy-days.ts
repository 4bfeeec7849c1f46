/**
 * Anki 24.11's easy days (rslib scheduler/states/load_balancer.rs): each weekday, Monday first,
 * takes a normal (1), reduced (0.5) or minimum (0) share of the reviews. Among the days an
 * interval's fuzz allows, the load balancer weighs a minimum day almost to nothing and a reduced
 * day to nothing once it holds more than half of what the other days hold on average. Setting
 * every day alike changes nothing, as in Anki.
 */
export type EasyDays = number[];

export const EASY_DAY_LOADS = [1, 0.5, 0] as const;

export function checkEasyDays(days: unknown): days is EasyDays {
  return Array.isArray(days) && days.length === 7 && days.every((day) => (EASY_DAY_LOADS as readonly unknown[]).includes(day));
}

/** Anki's weight for a minimum day: not zero, so a range of only minimum days still balances. */
const MINIMUM = 0.0001;

function loadModifier(load: number): number {
  return load >= 1 ? 1 : load <= 0 ? MINIMUM : 0.5;
}

/** Monday 0 … Sunday 6 of a learner day number (days since 1970-01-01, a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/**
 * The easy-days factor of each candidate day, given each one's weekday and the reviews already
 * due on it, as Anki's `calculate_easy_days_modifiers`.
 */
export function easyDayModifiers(easyDays: EasyDays, weekdays: readonly number[], reviewCounts: readonly number[]): number[] {
  const total = reviewCounts.reduce((sum, count) => sum + count, 0);
  const shares = weekdays.reduce((sum, weekday) => sum + loadModifier(easyDays[weekday] ?? 1), 0);
  return weekdays.map((weekday, i) => {
    const load = easyDays[weekday] ?? 1;
    if (load >= 1 || load <= 0) return loadModifier(load);
    const count = reviewCounts[i] ?? 0;
    const othersThreshold = (total - count) / (shares - 0.5);
    return count / 0.5 > othersThreshold ? MINIMUM : 1;
  });
}
