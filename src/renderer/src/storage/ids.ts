import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

/** Time-ordered random id: never collides across devices, and sorts reviews made in the same millisecond. */
export function newId(now: number): string {
  return next(now);
}
