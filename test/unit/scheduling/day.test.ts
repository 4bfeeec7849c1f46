import { describe, expect, it } from 'vitest';
import { calendarDay, dayStartOf, learnerDay, nextDayStart, todayStart, type DayRules } from '../../../src/core/scheduling/day';

const tokyo: DayRules = { zone: 'Asia/Tokyo', dayStartHour: 4 };
/** 2026-12-01 hh:mm in Tokyo (UTC+9), as UTC ms. */
const jst = (day: number, hour: number, minute = 0) => Date.UTC(2026, 11, day, hour - 9, minute);

describe('learner day', () => {
  it('keeps a 03:59 session in the previous day and starts the next day at 04:00 local time', () => {
    expect(learnerDay(jst(2, 3, 59), tokyo)).toBe(learnerDay(jst(1, 12), tokyo));
    expect(learnerDay(jst(2, 4, 0), tokyo)).toBe(learnerDay(jst(1, 12), tokyo) + 1);
    expect(nextDayStart(jst(1, 23), tokyo)).toBe(jst(2, 4));
    expect(nextDayStart(jst(2, 2), tokyo)).toBe(jst(2, 4));
    expect(todayStart(jst(2, 2), tokyo)).toBe(jst(1, 4));
  });

  it('follows the day start hour the learner chose', () => {
    const sixAm = { ...tokyo, dayStartHour: 6 };
    expect(learnerDay(jst(2, 5), sixAm)).toBe(learnerDay(jst(1, 12), sixAm));
    expect(nextDayStart(jst(2, 5), sixAm)).toBe(jst(2, 6));
  });

  it('follows the learner across a time-zone change: the day turns at 04:00 where the learner is', () => {
    const landed = Date.UTC(2026, 11, 1, 12, 0);
    const westward: DayRules = { zone: (t) => (t < landed ? 9 * 60 : 0), dayStartHour: 4 };
    const inTokyo = Date.UTC(2026, 11, 1, 2, 0);
    const inLondon = Date.UTC(2026, 11, 1, 20, 0);
    // Flying west stretches the day: it still is 1 December in London until 04:00 London time.
    expect(learnerDay(inLondon, westward)).toBe(learnerDay(inTokyo, westward));
    expect(nextDayStart(inLondon, westward)).toBe(Date.UTC(2026, 11, 2, 4, 0));

    const touchdown = Date.UTC(2026, 11, 1, 22, 0);
    const eastward: DayRules = { zone: (t) => (t < touchdown ? 0 : 9 * 60), dayStartHour: 4 };
    // Landing in Tokyo at 07:00 local on 2 December starts a new day at the moment of landing,
    // since 04:00 that day never happened where the learner was.
    expect(learnerDay(Date.UTC(2026, 11, 1, 23, 0), eastward)).toBe(learnerDay(Date.UTC(2026, 11, 1, 20, 0), eastward) + 1);
    expect(todayStart(Date.UTC(2026, 11, 1, 23, 0), eastward)).toBe(touchdown);
    expect(nextDayStart(Date.UTC(2026, 11, 1, 20, 0), eastward)).toBe(touchdown);
  });

  it('keeps 04:00 local across a daylight-saving change', () => {
    const london: DayRules = { zone: 'Europe/London', dayStartHour: 4 };
    // Clocks go forward on 2026-03-29: 04:00 is 04:00 UTC the day before and 03:00 UTC on the day.
    const saturday = learnerDay(Date.UTC(2026, 2, 28, 12), london);
    expect(dayStartOf(saturday, london)).toBe(Date.UTC(2026, 2, 28, 4));
    expect(dayStartOf(saturday + 1, london)).toBe(Date.UTC(2026, 2, 29, 3));
  });

  it('reads exam dates and rejects dates that do not exist', () => {
    expect(calendarDay('2026-12-02')! - calendarDay('2026-12-01')!).toBe(1);
    expect(calendarDay('2026-12-01')).toBe(learnerDay(jst(1, 12), tokyo));
    expect(calendarDay('2026-02-30')).toBeNull();
    expect(calendarDay('1/12/2026')).toBeNull();
  });
});
