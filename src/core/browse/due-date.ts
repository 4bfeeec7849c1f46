/**
 * Anki's "Set due date" input: `0` today, `3` in three days, `1-7` a random day in the range, and
 * a trailing `!` to set the card's interval to the chosen wait as well. Null when it is not one of these.
 */
export interface DueDays {
  min: number;
  max: number;
  setInterval: boolean;
}

export function parseDueDays(text: string): DueDays | null {
  const match = /^\s*(\d{1,5})(?:\s*-\s*(\d{1,5}))?\s*(!?)\s*$/.exec(text);
  if (!match) return null;
  const a = Number(match[1]);
  const b = match[2] === undefined ? a : Number(match[2]);
  return { min: Math.min(a, b), max: Math.max(a, b), setInterval: match[3] === '!' };
}
