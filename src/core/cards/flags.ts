/**
 * Anki's seven card flags, numbered as Anki numbers them (cards.flags & 7): red, orange, green,
 * blue, pink, turquoise, purple (their colours are the theme's --flag-1 … --flag-7), and its
 * "marked" note tag. Pressing the flag a card already has takes it off, as in Anki.
 */
export const FLAG_NUMBERS = [1, 2, 3, 4, 5, 6, 7] as const;

export type Flag = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

export function isFlag(value: unknown): value is Flag {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 7;
}

/** Anki keeps the flag in the low three bits of cards.flags; the other bits are not a flag. */
export function flagFromAnki(flags: number): Flag {
  return (flags & 7) as Flag;
}

/** The flag a card gets when the learner presses flag `pressed` (Ctrl+1–7). */
export function toggledFlag(current: number | undefined, pressed: Flag): Flag {
  return (current ?? 0) === pressed ? 0 : pressed;
}

/** The tag Anki's "Mark note" (`*`) adds; `tag:marked` finds the notes. */
export const MARKED_TAG = 'marked';

export function isMarked(tags: readonly string[]): boolean {
  return tags.some((tag) => tag.toLowerCase() === MARKED_TAG);
}

/** The note's tags after `*`: marked when it was not, unmarked when it was. */
export function toggledMark(tags: readonly string[]): string[] {
  return isMarked(tags) ? tags.filter((tag) => tag.toLowerCase() !== MARKED_TAG) : [...tags, MARKED_TAG];
}

/**
 * A card as Kioku once kept it, its Anki flag copied under `anki.flags` while `flag` stayed
 * empty: the flag moves to `flag`, the one place the app, search and export read it from.
 */
export function withOneFlag<T extends { flag?: number; anki?: object }>(card: T): T {
  const anki = card.anki as ({ flags?: unknown } & object) | undefined;
  if (!anki || !('flags' in anki)) return card;
  const { flags, ...rest } = anki;
  const flag = card.flag || (typeof flags === 'number' ? flagFromAnki(flags) : 0);
  const moved = { ...card, anki: rest };
  if (flag) moved.flag = flag;
  return moved;
}
