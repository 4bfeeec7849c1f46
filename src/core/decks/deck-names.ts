/**
 * Deck names as Anki writes them: the whole path, parts joined by `::`. Two decks may not share
 * a name whatever its case (Anki compares deck names case-insensitively).
 */
export const DECK_SEPARATOR = '::';

export type DeckNameProblem = 'empty' | 'empty-part';

/** The name the learner typed, each part trimmed (`A :: B` → `A::B`), or why it cannot be a deck name. */
export function cleanDeckName(typed: string): { name: string } | { problem: DeckNameProblem } {
  const parts = typed.split(DECK_SEPARATOR).map((part) => part.trim().replace(/\s+/g, ' '));
  if (parts.every((part) => part === '')) return { problem: 'empty' };
  if (parts.some((part) => part === '')) return { problem: 'empty-part' };
  return { name: parts.join(DECK_SEPARATOR) };
}

export const sameDeckName = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** The last part of a name: `サービス` for `AWS Security::サービス`. */
export function leafName(name: string): string {
  return name.split(DECK_SEPARATOR).at(-1) ?? name;
}

/** Parent names from the top, without the deck itself: `A`, `A::B` for `A::B::C`. */
export function ancestorNames(name: string): string[] {
  const parts = name.split(DECK_SEPARATOR);
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join(DECK_SEPARATOR));
}

/** `name` is `root` or below it. */
export function isInSubtree(name: string, root: string): boolean {
  return sameDeckName(name, root) || name.toLocaleLowerCase().startsWith(`${root.toLocaleLowerCase()}${DECK_SEPARATOR}`);
}

/** A deck of the subtree `from` once its root is renamed `to`. */
export function renamedInSubtree(name: string, from: string, to: string): string {
  return to + name.slice(from.length);
}

/** The name a deck gets when moved under `parent` ('' for the top level), keeping its own last part. */
export function movedName(name: string, parent: string): string {
  return parent === '' ? leafName(name) : `${parent}${DECK_SEPARATOR}${leafName(name)}`;
}
