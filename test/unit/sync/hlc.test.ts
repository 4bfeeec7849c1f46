import { describe, expect, it } from 'vitest';
import { compareStamps, HybridClock, parseStamp, serverOffset } from '../../../src/core/sync/hlc';
import { pickWinner } from '../../../src/core/sync/records';

const HOUR = 3_600_000;

describe('hybrid logical clock', () => {
  it('stamps in order even when the wall clock stands still or goes back', () => {
    let wall = 1_000_000;
    const clock = new HybridClock('a', () => wall);
    const first = clock.tick();
    const second = clock.tick();
    wall -= 5000;
    const third = clock.tick();
    expect([first, second, third].sort(compareStamps)).toEqual([first, second, third]);
    expect(parseStamp(third)).toEqual({ wall: 1_000_000, counter: 2, device: 'a' });
  });

  it('an edit made after seeing an hour-fast device’s stamp wins over it', () => {
    const real = 1_800_000_000_000;
    const fast = new HybridClock('fast', () => real + HOUR);
    const slow = new HybridClock('slow', () => real);
    const fastEdit = fast.tick();
    slow.receive(fastEdit);
    const slowEdit = slow.tick();
    expect(pickWinner([{ stamp: fastEdit }, { stamp: slowEdit }]).winner.stamp).toBe(slowEdit);
  });

  it('stamps an edit at its own time, never below a stamp seen before the edit, and stamps after it stay later', () => {
    const saved = { wall: 2_000_000, counter: 4 };
    const clock = new HybridClock('a', () => 3_000_000, saved);
    const edited = clock.stampAt(2_500_000);
    expect(parseStamp(edited)).toEqual({ wall: 2_500_000, counter: 0, device: 'a' });
    // Edited before the clock's saved time (during the last sync): just past everything seen then.
    expect(parseStamp(clock.stampAt(1_500_000))).toEqual({ wall: 2_000_000, counter: 5, device: 'a' });
    expect(parseStamp(clock.stampAt(undefined)).wall).toBe(3_000_000);
    const behind = new HybridClock('b', () => 1_000_000, saved);
    const late = behind.stampAt(2_600_000);
    expect(compareStamps(behind.tick(), late)).toBe(1);
  });

  it('reads the server’s clock from its Date header, ignoring the header’s own rounding', () => {
    const sent = Date.UTC(2026, 11, 3, 12, 0, 0);
    expect(serverOffset(new Date(sent - HOUR).toUTCString(), sent, sent + 40)).toBeCloseTo(-HOUR + 480, -2);
    expect(serverOffset(new Date(sent).toUTCString(), sent + 300, sent + 340)).toBe(0);
    expect(serverOffset(null, sent, sent)).toBe(0);
    expect(serverOffset('not a date', sent, sent)).toBe(0);
  });

  it('every device picks the same winner between equal stamps', () => {
    const versions = [
      { stamp: 's', _rev: '2-a' },
      { stamp: 's', _rev: '2-b' },
    ];
    expect(pickWinner(versions).winner._rev).toBe('2-b');
    expect(pickWinner([...versions].reverse()).winner._rev).toBe('2-b');
  });
});
