import type { Database } from 'sql.js';
import { num, selectRows, str, tableNames } from './database';

const DAY_SECONDS = 86_400;

/** What Anki counts its days by (rslib/src/scheduler/timing.rs), as the file itself says. */
export interface AnkiDayCount {
  /** col.crt, seconds. */
  created: number;
  /** conf schedVer: 2 for the v2 and v3 schedulers; absent or 1 for v1. */
  schedulerVersion: number | null;
  /** The hour the day starts (v2). */
  rollover: number | null;
  /** Minutes west of UTC when the collection was created; absent before Anki 2.1.14's cutoff handling. */
  creationMinutesWest: number | null;
  /** Whether any card has left the new queue, which makes Anki upgrade a v1 file on import. */
  scheduled: boolean;
}

/**
 * The collection's day settings: a legacy file keeps them in col.conf, a schema 14+ file in the
 * config table (each value JSON).
 */
export function readAnkiDayCount(db: Database, fileName: string): AnkiDayCount {
  const created = num(selectRows(db, 'select crt from col', 'col', fileName)[0]?.[0]);
  const values = new Map<string, unknown>();
  const conf = parseJson(str(selectRows(db, 'select conf from col', 'col', fileName)[0]?.[0]));
  if (conf && typeof conf === 'object') for (const [key, value] of Object.entries(conf)) values.set(key, value);
  if (tableNames(db, fileName).has('config')) {
    for (const row of selectRows(db, "select key, val from config where key in ('schedVer', 'rollover', 'creationOffset')", 'config', fileName)) {
      values.set(str(row[0]), parseJson(str(row[1])));
    }
  }
  const whole = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) ? value : null);
  return {
    created,
    schedulerVersion: whole(values.get('schedVer')),
    rollover: whole(values.get('rollover')),
    creationMinutesWest: whole(values.get('creationOffset')),
    scheduled: selectRows(db, 'select 1 from cards where queue != 0 limit 1', 'cards', fileName).length > 0,
  };
}

/**
 * When the file's own day number `day` begins, in ms: the moment Anki's importer, reading the file
 * on the learner's machine, would count as the first of that day (apkg/import/mod.rs upgrades a v1
 * file with scheduled cards to v2, taking the machine's offset at creation; scheduler/mod.rs
 * timing_for_timestamp and timing.rs then count days). `machineMinutesWest` gives the machine's
 * offset at a moment (ms), which Anki takes for "now".
 */
export function ankiDayStart(count: AnkiDayCount, day: number, now: number, machineMinutesWest: (at: number) => number): number {
  const upgraded = count.schedulerVersion !== 2 && count.scheduled;
  const rollover = count.schedulerVersion === 2 || upgraded ? (count.rollover ?? 4) : null;
  // v1: days are whole 24 hours from the creation moment.
  if (rollover === null || rollover < 0 || rollover > 23) return (count.created + day * DAY_SECONDS) * 1000;
  const currentWest = boundedMinutes(machineMinutesWest(now));
  const creationWest = upgraded ? (count.creationMinutesWest ?? machineMinutesWest(count.created * 1000)) : count.creationMinutesWest;
  // v2 before the new cutoff handling: 24 hours at a time from the creation date's rollover, at today's offset.
  if (creationWest === null) return (atHour(count.created, currentWest, rollover) + day * DAY_SECONDS) * 1000;
  // v2: the calendar date `day` days after the creation date (at its own offset), from its rollover hour at today's offset.
  const createdDate = Math.floor((count.created - boundedMinutes(creationWest) * 60) / DAY_SECONDS);
  return ((createdDate + day) * DAY_SECONDS + rollover * 3600 + currentWest * 60) * 1000;
}

/** The moment (seconds) `hour`:00 falls on the local date of `seconds`, at a fixed offset. */
function atHour(seconds: number, minutesWest: number, hour: number): number {
  const local = seconds - minutesWest * 60;
  return Math.floor(local / DAY_SECONDS) * DAY_SECONDS + hour * 3600 + minutesWest * 60;
}

/** Anki caps an offset at ±23 hours (fixed_offset_from_minutes). */
function boundedMinutes(minutesWest: number): number {
  return Math.max(-23 * 60, Math.min(23 * 60, minutesWest));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
