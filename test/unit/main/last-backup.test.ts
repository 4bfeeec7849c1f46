import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lastBackup } from '../../../src/main/last-backup';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('last backup before quitting', () => {
  it('asks the page and closes as soon as it answers', async () => {
    const last = lastBackup(5000);
    const ask = vi.fn();
    let closed = false;
    void last.request(ask).then(() => (closed = true));
    expect(ask).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(100);
    expect(closed).toBe(false);
    last.ready();
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(true);
  });

  it('closes anyway after a few seconds when the page does not answer', async () => {
    const last = lastBackup(5000);
    let closed = false;
    void last.request(() => undefined).then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(4999);
    expect(closed).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(closed).toBe(true);
  });

  it('closes at once when the page cannot be asked', async () => {
    const last = lastBackup(5000);
    let closed = false;
    void last
      .request(() => {
        throw new Error('render process gone');
      })
      .then(() => (closed = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toBe(true);
  });
});
