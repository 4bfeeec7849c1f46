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
