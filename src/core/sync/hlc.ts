/**
 * Hybrid logical clock (Kulkarni et al., 2014): a stamp is the largest wall time seen so far,
 * a counter for events within the same millisecond, and the device id as the last tie-break.
 * A device that has seen another's stamp always stamps later, so an edit made after a sync
 * wins over the edit it replaced even when the other device's clock runs ahead.
 *
 * Stamps are strings that sort in time order (`compareStamps` is plain string order).
 */
export type Stamp = string;

export interface ClockState {
  wall: number;
  counter: number;
}

const WALL_DIGITS = 11;
const COUNTER_DIGITS = 5;

export function formatStamp(state: ClockState, device: string): Stamp {
  return `${state.wall.toString(36).padStart(WALL_DIGITS, '0')}-${state.counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${device}`;
}

export function parseStamp(stamp: Stamp): ClockState & { device: string } {
  const match = /^([0-9a-z]{11})-([0-9a-z]{5})-(.+)$/.exec(stamp);
  if (!match) throw new Error(`Not a clock stamp: ${stamp}`);
  return { wall: parseInt(match[1] ?? '', 36), counter: parseInt(match[2] ?? '', 36), device: match[3] ?? '' };
}

export function compareStamps(a: Stamp, b: Stamp): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * One device's clock. `now` is the device's wall clock already corrected by its offset to the
 * server (see `serverOffset`), so an hour-fast device stamps its edits at the server's time.
 */
export class HybridClock {
  private state: ClockState;
  /** Where the clock stood when it was made: every stamp seen before then is below it. */
  private readonly floor: ClockState;

  constructor(
    readonly device: string,
    private readonly now: () => number,
    state: ClockState = { wall: 0, counter: 0 },
  ) {
    this.state = { ...state };
    this.floor = { ...state };
  }

  get current(): ClockState {
    return { ...this.state };
  }

  /** A stamp for a change made on this device now. */
  tick(): Stamp {
    const wall = Math.max(this.state.wall, Math.floor(this.now()));
    this.state = { wall, counter: wall === this.state.wall ? this.state.counter + 1 : 0 };
    return formatStamp(this.state, this.device);
  }

  /**
   * A stamp for a change made on this device at `editedAt` (on the clock's corrected time), since
   * the clock was made from its saved state: the time of the edit, so of two edits to one record
   * the later wins whichever device syncs first; but never below a stamp the device had seen
   * before the edit. Without a time (a record never marked) it is stamped now.
   */
  stampAt(editedAt: number | undefined): Stamp {
    if (editedAt === undefined) return this.tick();
    const wall = Math.floor(editedAt);
    const stamp: ClockState = wall > this.floor.wall ? { wall, counter: 0 } : { wall: this.floor.wall, counter: this.floor.counter + 1 };
    if (stamp.wall > this.state.wall || (stamp.wall === this.state.wall && stamp.counter > this.state.counter)) this.state = stamp;
    return formatStamp(stamp, this.device);
  }

  /** Moves the clock past a stamp that came from another device. */
  receive(stamp: Stamp): void {
    const seen = parseStamp(stamp);
    const wall = Math.max(this.state.wall, seen.wall, Math.floor(this.now()));
    const counter =
      wall === this.state.wall && wall === seen.wall
        ? Math.max(this.state.counter, seen.counter) + 1
        : wall === this.state.wall
          ? this.state.counter + 1
          : wall === seen.wall
            ? seen.counter + 1
            : 0;
    this.state = { wall, counter };
  }
}

/**
 * How far the device's clock is behind the server's, from the server's `Date` header (whole
 * seconds) and the request's round trip. Half a second of rounding is below what matters for
 * telling edits apart; an hour of drift is not.
 */
export function serverOffset(serverDate: string | null, sentAt: number, receivedAt: number): number {
  if (serverDate === null) return 0;
  const server = Date.parse(serverDate);
  if (!Number.isFinite(server)) return 0;
  const offset = server + 500 - (sentAt + receivedAt) / 2;
  // Under two seconds is the header's own rounding plus the network; correcting it would only add noise.
  return Math.abs(offset) < 2000 ? 0 : Math.round(offset);
}
