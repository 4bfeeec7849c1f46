import { calendarDay, dayStartOf, learnerDay, type DayRules } from './day';
import { stableHash } from './hash';

/**
 * A card pulled in before an exam comes back in the later part of the time left, so it is
 * still fresh on the day, but never earlier than this share of the days left: pulling it in
 * to tomorrow would waste the learner's time on a card FSRS says is well known.
 */
const EXAM_WINDOW_START = 0.5;

/**
 * The day a card answered on `today` comes back when its normal next day would fall after
 * the exam day: a day in [ceil(days left × share) … exam day] picked by a hash of the card id,
 * so cards answered together spread evenly over the window instead of piling onto the exam day.
 */
export function examReturnDay(cardId: string, today: number, examDay: number): number {
  const daysLeft = examDay - today;
  const first = Math.max(1, Math.ceil(daysLeft * EXAM_WINDOW_START));
  const width = daysLeft - first + 1;
  return today + first + (stableHash(`${cardId}@${today}`) % width);
}

/**
 * The due time of a card's next review, shortened when an exam date lies between today and it.
 * Null when the exam does not change anything: no exam, the exam is today or past, or the
 * card already comes back on or before the exam day.
 */
export function dueBeforeExam(
  cardId: string,
  now: number,
  due: number,
  examDate: string | null,
  rules: DayRules,
): number | null {
  if (examDate === null) return null;
  const examDay = calendarDay(examDate);
  if (examDay === null) return null;
  const today = learnerDay(now, rules);
  if (today >= examDay || learnerDay(due, rules) <= examDay) return null;
  return dayStartOf(examReturnDay(cardId, today, examDay), rules);
}
