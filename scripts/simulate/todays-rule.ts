import { calendarDay, dayStartOf, learnerDay, type DayRules } from '../../src/core/scheduling/day';
import { stableHash } from '../../src/core/scheduling/hash';

/**
 * The exam rule as Kioku had it before exam mode, kept here only as the baseline the simulation
 * compares against: every card whose next day falls after the exam came back in the second half
 * of the days left, on a day picked by a hash of the card.
 */
export function todaysRuleDue(cardId: string, now: number, due: number, examDate: string, rules: DayRules): number {
  const examDay = calendarDay(examDate)!;
  const today = learnerDay(now, rules);
  if (today >= examDay || learnerDay(due, rules) <= examDay) return due;
  const daysLeft = examDay - today;
  const first = Math.max(1, Math.ceil(daysLeft * 0.5));
  const width = daysLeft - first + 1;
  return dayStartOf(today + first + (stableHash(`${cardId}@${today}`) % width), rules);
}
