import { describe, expect, it } from 'vitest';
import { CardState, Rating, newSchedule, type Schedule } from '../../../src/core/collection/model';
import { calendarDay, learnerDay, type DayRules } from '../../../src/core/scheduling/day';
import { dueBeforeExam } from '../../../src/core/scheduling/exam';
import { scheduleAfter } from '../../../src/core/scheduling/fsrs';
import { resolveDeckOptions } from '../../../src/core/scheduling/options';

const rules: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
const DAY = 86_400_000;
/** 2026-12-01 10:00 in Tokyo. */
const now = Date.UTC(2026, 11, 1, 1, 0);
const today = learnerDay(now, rules);
const examDate = '2026-12-11';
const examDay = calendarDay(examDate)!;

const wellKnown: Schedule = {
  ...newSchedule(now),
  state: CardState.Review,
  stability: 60,
  difficulty: 4,
  reps: 6,
  lastReview: now - 60 * DAY,
  scheduledDays: 60,
};

describe('exam date', () => {
  it('brings every card back on or before the exam day, spread so no day gets more than its fair share', () => {
    const options = resolveDeckOptions([{ examDate }]);
    const perDay = new Map<number, number>();
    const cards = 1200;
    for (let i = 0; i < cards; i++) {
      const next = scheduleAfter(`note-${i}/0`, wellKnown, Rating.Good, now, options, rules);
      const day = learnerDay(next.due, rules);
      expect(day).toBeLessThanOrEqual(examDay);
      expect(day).toBeGreaterThan(today);
      expect(next.scheduledDays).toBe(day - today);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const days = [...perDay.keys()];
    // Ten days left: the cards come back over the last half of them, not all on the exam day.
    expect(Math.min(...days)).toBe(today + 5);
    expect(Math.max(...days)).toBe(examDay);
    const fairShare = cards / days.length;
    for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(fairShare * 1.15);
  });

  it('leaves a card alone when it already comes back before the exam', () => {
    const options = resolveDeckOptions([{ examDate }]);
    const fresh = { id: 'c1', ...newSchedule(now) };
    expect(scheduleAfter('c1', fresh, Rating.Good, now, options, rules)).toEqual(
      scheduleAfter('c1', fresh, Rating.Good, now, resolveDeckOptions([]), rules),
    );
  });

  it('schedules normally again once the exam day has come', () => {
    const withExam = resolveDeckOptions([{ examDate }]);
    const plain = resolveDeckOptions([]);
    for (const when of [now + 10 * DAY, now + 11 * DAY]) {
      expect(learnerDay(when, rules)).toBeGreaterThanOrEqual(examDay);
      const after = scheduleAfter('c1', { ...wellKnown, lastReview: when - 60 * DAY }, Rating.Good, when, withExam, rules);
      const normal = scheduleAfter('c1', { ...wellKnown, lastReview: when - 60 * DAY }, Rating.Good, when, plain, rules);
      expect(after).toEqual(normal);
      expect(learnerDay(after.due, rules)).toBeGreaterThan(examDay);
    }
  });

  it('brings a card back on the exam day itself when answered the day before', () => {
    const eve = now + 9 * DAY;
    const due = dueBeforeExam('c1', eve, eve + 30 * DAY, examDate, rules);
    expect(due).not.toBeNull();
    expect(learnerDay(due!, rules)).toBe(examDay);
  });
});
