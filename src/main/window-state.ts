import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1200, height: 800 };
export const MIN_SIZE = { width: 640, height: 480 };
/** How much of the window must show on some display for its old place to be reused. */
const MIN_VISIBLE = 100;

const int = v.pipe(v.number(), v.integer(), v.minValue(-100_000), v.maxValue(100_000));
const windowStateSchema = v.object({
  x: int,
  y: int,
  width: v.pipe(int, v.minValue(1)),
  height: v.pipe(int, v.minValue(1)),
  maximized: v.boolean(),
});

export const WINDOW_STATE_FILE = 'window-state.json';

/** The saved state, or null when there is none or it is not valid (then the window opens at its default place). */
export async function readWindowState(userData: string): Promise<WindowState | null> {
  let text: string;
  try {
    text = await readFile(join(userData, WINDOW_STATE_FILE), 'utf8');
  } catch {
    return null;
  }
  try {
    const result = v.safeParse(windowStateSchema, JSON.parse(text));
    return result.success ? result.output : null;
  } catch {
    return null;
  }
}

export async function writeWindowState(userData: string, state: WindowState): Promise<void> {
  const target = join(userData, WINDOW_STATE_FILE);
  const temp = `${target}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(state), { flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

function centered(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.max(Math.min(size.width, area.width), Math.min(MIN_SIZE.width, area.width));
  const height = Math.max(Math.min(size.height, area.height), Math.min(MIN_SIZE.height, area.height));
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

/**
 * Where to open the window: the saved place when enough of it shows on a
 * display that is still connected (shrunk to fit that display), otherwise
 * centred on the primary display. `workAreas[0]` is the primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (!saved) return { ...centered(DEFAULT_SIZE, primary), maximized: false };
  const home = workAreas.find((area) => {
    const shown = overlap(saved, area);
    return shown.width >= MIN_VISIBLE && shown.height >= MIN_VISIBLE;
  });
  if (!home) return { ...centered(saved, primary), maximized: saved.maximized };
  const width = Math.max(Math.min(saved.width, home.width), Math.min(MIN_SIZE.width, home.width));
  const height = Math.max(Math.min(saved.height, home.height), Math.min(MIN_SIZE.height, home.height));
  const x = Math.min(Math.max(saved.x, home.x), home.x + home.width - width);
  const y = Math.min(Math.max(saved.y, home.y), home.y + home.height - height);
  return { x, y, width, height, maximized: saved.maximized };
}
