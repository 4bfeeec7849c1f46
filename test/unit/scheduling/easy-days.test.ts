import { get_fuzz_range } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { CardState, Rating, newSchedule, type Schedule } from '../../../src/core/collection/model';
import { learnerDay, type DayRules } from '../../../src/core/scheduling/day';
import { easyDayModifiers, weekdayOf } from '../../../src/core/scheduling/easy-days';
import { scheduleAfter } from '../../../src/core/scheduling/fsrs';
import { checkDeckOptions, resolveDeckOptions } from '../../../src/core/scheduling/options';

const rules: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
const now = Date.UTC(2026, 11, 1, 1, 0);
const DAY = 86_400_000;
const today = learnerDay(now, rules);

function reviewCard(stability: number): Schedule {
  return { ...newSchedule(now), state: CardState.Review, stability, difficulty: 5, reps: 5, lastReview: now - stability * DAY, scheduledDays: Math.round(stability) };
}

/** 600 cards answered Good today, each stored where the balancer puts it; the reviews per weekday. */
function spread(easyDays: number[]): { perWeekday: number[]; days: number[] } {
  const options = resolveDeckOptions([{ easyDays }]);
  const perDay = new Map<number, number>();
  const load = (day: number) => perDay.get(day) ?? 0;
  const days: number[] = [];
  for (let i = 0; i < 600; i++) {
    const next = scheduleAfter(`card-${i}`, reviewCard(20), Rating.Good, now, options, rules, load);
    const day = learnerDay(next.due, rules);
    perDay.set(day, load(day) + 1);
    days.push(day - today);
  }
  const perWeekday = [0, 0, 0, 0, 0, 0, 0];
  for (const [day, count] of perDay) perWeekday[weekdayOf(day)]! += count;
  return { perWeekday, days };
}

describe('easy days (Anki 24.11)', () => {
  it('numbers weekdays Monday first: 1970-01-01 was a Thursday, 2026-12-06 a Sunday', () => {
    expect(weekdayOf(0)).toBe(3);
    expect(weekdayOf(Date.UTC(2026, 11, 6) / DAY)).toBe(6);
  });

  it("weighs days as Anki's calculate_easy_days_modifiers: a minimum day almost never, a reduced day once it holds more than its half share", () => {
    const normal = [1, 1, 1, 1, 1, 1, 1];
    expect(easyDayModifiers(normal, [0, 1, 2], [5, 5, 5])).toEqual([1, 1, 1]);
    expect(easyDayModifiers([0, 1, 1, 1, 1, 1, 1], [0, 1, 2], [5, 5, 5])).toEqual([0.0001, 1, 1]);
    // Reduced Monday with 10 reviews on the two other days: the threshold is 10 / (2.5 − 0.5) = 5,
    // so 3 reviews there (3 / 0.5 = 6) are too many and 2 (2 / 0.5 = 4) are not.
    expect(easyDayModifiers([0.5, 1, 1, 1, 1, 1, 1], [0, 1, 2], [3, 5, 5])).toEqual([0.0001, 1, 1]);
    expect(easyDayModifiers([0.5, 1, 1, 1, 1, 1, 1], [0, 1, 2], [2, 5, 5])).toEqual([1, 1, 1]);
  });

  it('moves reviews off a minimum Sunday, every interval staying within the fuzz range', () => {
    const normal = spread([1, 1, 1, 1, 1, 1, 1]);
    const sundayOff = spread([1, 1, 1, 1, 1, 1, 0]);
    // The interval FSRS asks for, before fuzz: every stored day must stay within its fuzz range.
    const unfuzzed = scheduleAfter('c', reviewCard(20), Rating.Good, now, resolveDeckOptions([{ fuzz: false }]), rules).scheduledDays;
    const { min_ivl, max_ivl } = get_fuzz_range(unfuzzed, 20, 36500);
    for (const { days } of [normal, sundayOff]) {
      expect(Math.min(...days)).toBeGreaterThanOrEqual(min_ivl);
      expect(Math.max(...days)).toBeLessThanOrEqual(max_ivl);
    }
    expect(normal.perWeekday[6]).toBeGreaterThan(40);
    // Only the first cards of an empty Sunday may land there (Anki weighs an empty day fully).
    expect(sundayOff.perWeekday[6]! * 10).toBeLessThan(normal.perWeekday[6]!);
    expect(sundayOff.perWeekday.reduce((a, b) => a + b, 0)).toBe(600);
  });

  it('refuses loads other than normal, reduced and minimum, or not seven of them', () => {
    expect(checkDeckOptions({ easyDays: [1, 1, 1, 1, 1, 1, 0.5] })).toEqual([]);
    expect(checkDeckOptions({ easyDays: [1, 1, 1] })).toHaveLength(1);
    expect(checkDeckOptions({ easyDays: [1, 1, 1, 1, 1, 1, 0.3] })).toHaveLength(1);
  });
});
