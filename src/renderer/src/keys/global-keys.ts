import { hasCommandModifier, isTyping } from '../components/keys';

/** Anki's keys that work on every screen. */
export type GlobalKey = 'decks' | 'browse' | 'study' | 'add' | 'search' | 'help';

const KEYS: Readonly<Record<string, GlobalKey>> = { d: 'decks', b: 'browse', s: 'study', a: 'add', '/': 'search', '?': 'help' };

/**
 * The global action of a key press, or null. Never while the learner types in a field or composes
 * text with an input method (a kana key on its way to becoming 漢字 is not a shortcut), nor with
 * Ctrl, Alt or ⌘ held.
 */
export function globalKeyOf(event: KeyboardEvent): GlobalKey | null {
  if (event.isComposing || event.keyCode === 229 || isTyping(event) || hasCommandModifier(event)) return null;
  return KEYS[event.key.length === 1 ? event.key.toLowerCase() : ''] ?? null;
}
