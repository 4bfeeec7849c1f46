import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { placeWindow, readWindowState, WINDOW_STATE_FILE, writeWindowState, type WindowState } from '../../../src/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1410 };

describe('placeWindow', () => {
  it('centres a default-sized window on the primary display the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ x: 120, y: 35, width: 1200, height: 800, maximized: false });
  });

  it('reopens where it was when that place is still on a display', () => {
    const saved: WindowState = { x: 1600, y: 100, width: 1000, height: 800, maximized: true };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual(saved);
  });

  it('moves back to the primary display when the monitor it was on is gone', () => {
    const saved: WindowState = { x: 1600, y: 100, width: 1000, height: 800, maximized: false };
    const placed = placeWindow(saved, [laptop]);
    expect(placed).toEqual({ x: 220, y: 35, width: 1000, height: 800, maximized: false });
  });

  it('pulls a window hanging off the edge fully onto its display and shrinks one bigger than the display', () => {
    expect(placeWindow({ x: 1200, y: -50, width: 800, height: 600, maximized: false }, [laptop])).toEqual({
      x: 640,
      y: 0,
      width: 800,
      height: 600,
      maximized: false,
    });
    expect(placeWindow({ x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 870,
      maximized: false,
    });
  });

  it('treats a window showing only a sliver on a display as lost', () => {
    const placed = placeWindow({ x: 1400, y: 0, width: 800, height: 600, maximized: false }, [laptop]);
    expect(placed.x).toBe(320);
  });
});

describe('window state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kioku-window-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips through a JSON file and leaves no temporary file', async () => {
    const state: WindowState = { x: -1200, y: 40, width: 900, height: 700, maximized: false };
    await writeWindowState(dir, state);
    expect(await readWindowState(dir)).toEqual(state);
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it.each([
    ['not JSON', '{x: 1'],
    ['a missing field', JSON.stringify({ x: 1, y: 2, width: 800 })],
    ['text for a number', JSON.stringify({ x: '1', y: 2, width: 800, height: 600, maximized: false })],
    ['an absurd size', JSON.stringify({ x: 1, y: 2, width: 1e12, height: 600, maximized: false })],
    ['a zero width', JSON.stringify({ x: 1, y: 2, width: 0, height: 600, maximized: false })],
  ])('ignores a file with %s', async (_what, text) => {
    writeFileSync(join(dir, WINDOW_STATE_FILE), text);
    expect(await readWindowState(dir)).toBeNull();
  });

  it('has no state before the first close', async () => {
    expect(await readWindowState(dir)).toBeNull();
  });
});
