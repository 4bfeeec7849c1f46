const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The learner's day starts at 04:00 local time, as in Anki, so a late-night session still counts as "today". */
export const DEFAULT_DAY_START_HOUR = 4;

/**
 * Where the learner is: an IANA zone (`Asia/Tokyo`) or a function giving the offset from UTC
 * in minutes (east positive) at a moment, which lets tests move the learner between zones.
 */
export type TimeZone = string | ((utcMs: number) => number);

/** The learner's clock rules; every day boundary is computed from these. */
export interface DayRules {
  zone: TimeZone;
  dayStartHour: number;
}

export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function defaultDayRules(): DayRules {
  return { zone: localZone(), dayStartHour: DEFAULT_DAY_START_HOUR };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Every zone's offset is a whole number of quarter hours and changes on a quarter hour (UTC),
 * so one lookup serves a whole quarter hour. Asking Intl costs microseconds, and ordering a
 * day's reviews asks it once per card.
 */
const QUARTER_HOUR = 15 * 60_000;
const QUARTERS_PER_DAY = DAY / QUARTER_HOUR;
const KNOWN_OFFSETS_KEPT = 20_000;
const knownOffsets = new Map<string, Map<number, number>>();
/**
 * A zone's offset changes a few times a year at most, never twice in one UTC day, so a day whose
 * first and last quarter hours agree has that offset throughout: one entry serves its 96
 * quarters. Statistics looks up a year of quarter hours and every card's due date, more than the
 * quarter cache keeps, which cleared it again and again and asked Intl for nearly every one.
 */
const knownDayOffsets = new Map<string, Map<number, number>>();
/** A day the offset changes in: its quarters are looked up one by one. */
const CHANGES_WITHIN_DAY = Number.NaN;

function cacheOf(caches: Map<string, Map<number, number>>, zone: string): Map<number, number> {
  let known = caches.get(zone);
  if (!known) {
    known = new Map();
    caches.set(zone, known);
  }
  if (known.size >= KNOWN_OFFSETS_KEPT) known.clear();
  return known;
}

function quarterOffsetMs(zone: string, quarter: number): number {
  const known = cacheOf(knownOffsets, zone);
  let offset = known.get(quarter);
  if (offset === undefined) {
    offset = offsetFromIntl(zone, quarter * QUARTER_HOUR);
    known.set(quarter, offset);
  }
  return offset;
}

/** Offset of local time from UTC at `utcMs`, in milliseconds. */
export function zoneOffsetMs(zone: TimeZone, utcMs: number): number {
  if (typeof zone === 'function') return zone(utcMs) * 60_000;
  const day = Math.floor(utcMs / DAY);
  const known = cacheOf(knownDayOffsets, zone);
  let offset = known.get(day);
  if (offset === undefined) {
    const first = quarterOffsetMs(zone, day * QUARTERS_PER_DAY);
    offset = first === quarterOffsetMs(zone, (day + 1) * QUARTERS_PER_DAY - 1) ? first : CHANGES_WITHIN_DAY;
    known.set(day, offset);
  }
  return Number.isNaN(offset) ? quarterOffsetMs(zone, Math.floor(utcMs / QUARTER_HOUR)) : offset;
}

function offsetFromIntl(zone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The learner's day number (days since 1970-01-01 in local time, shifted by the day start hour).
 * Comparable with `calendarDay` of a local date, so an exam date and today line up.
 */
export function learnerDay(utcMs: number, rules: DayRules): number {
  const local = utcMs + zoneOffsetMs(rules.zone, utcMs);
  return Math.floor((local - rules.dayStartHour * HOUR) / DAY);
}

/** Local clocks are never more than 14 hours from UTC, so a day starts within this much of its local time. */
const MAX_OFFSET = 15 * HOUR;

/**
 * The moment (UTC ms) a learner day begins: the first moment that belongs to it. Usually
 * 04:00 local; when the clock jumps (daylight saving, or the learner lands in another zone)
 * the day may begin at the jump instead, which the search below finds.
 */
export function dayStartOf(day: number, rules: DayRules): number {
  const local = day * DAY + rules.dayStartHour * HOUR;
  const guess = local - zoneOffsetMs(rules.zone, local);
  const start = local - zoneOffsetMs(rules.zone, guess);
  if (learnerDay(start, rules) === day && learnerDay(start - 1, rules) < day) return start;
  let before = local - MAX_OFFSET;
  let after = local + MAX_OFFSET;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (learnerDay(middle, rules) >= day) after = middle;
    else before = middle;
  }
  return after;
}

export function todayStart(now: number, rules: DayRules): number {
  return dayStartOf(learnerDay(now, rules), rules);
}

export function nextDayStart(now: number, rules: DayRules): number {
  return dayStartOf(learnerDay(now, rules) + 1, rules);
}

/** Day number of a `YYYY-MM-DD` date, or null when the text is not a real date. */
export function calendarDay(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY;
}
