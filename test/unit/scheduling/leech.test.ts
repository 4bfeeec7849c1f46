import { describe, expect, it } from 'vitest';
import { DEFAULT_LEECH_THRESHOLD, isLeechLapse } from '../../../src/core/scheduling/leech';

describe('leeches, as Anki finds them', () => {
  it('at the threshold, then every half threshold rounded up (rslib review.rs test values)', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((lapses) => isLeechLapse(lapses, 3))).toEqual([false, false, false, true, false, true, false, true]);
  });

  it("with Anki's default of 8: the 8th lapse, then the 12th, 16th…", () => {
    expect(DEFAULT_LEECH_THRESHOLD).toBe(8);
    const leechLapses = Array.from({ length: 20 }, (_, i) => i + 1).filter((lapses) => isLeechLapse(lapses, 8));
    expect(leechLapses).toEqual([8, 12, 16, 20]);
  });

  it('never with a threshold of 0, and every lapse from the first with 1', () => {
    expect(isLeechLapse(50, 0)).toBe(false);
    expect([1, 2, 3].map((lapses) => isLeechLapse(lapses, 1))).toEqual([true, true, true]);
  });
});
