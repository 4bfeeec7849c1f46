import type { CollectionData } from '../../core/collection/model';
import { parseDeckFile } from '../../core/deck-format';
import { stableHash } from '../../core/scheduling/hash';

/** The deck files shipped in decks/, bundled as text so each is parsed (and reported) under its own name. */
const files = import.meta.glob<string>('@decks/*.json', { eager: true, query: '?raw', import: 'default' });

function fileName(path: string): string {
  return path.split('/').at(-1) ?? path;
}

function byId<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

/** All built-in decks as one collection; a broken file throws an error naming it. */
export function builtInDecks(): CollectionData {
  const parts = Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, text]) => parseDeckFile(text, `decks/${fileName(path)}`));
  return {
    decks: byId(parts.flatMap((part) => part.decks)),
    noteTypes: byId(parts.flatMap((part) => part.noteTypes)),
    notes: parts.flatMap((part) => part.notes),
  };
}

/** Changes whenever a deck file changes, so a new app version re-applies its decks once. */
export function builtInFingerprint(): string {
  return Object.entries(files)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, text]) => `${fileName(path)}:${text.length}:${stableHash(text)}`)
    .join('|');
}
