import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cardTemplatesFor } from '../../src/core/cards';
import { parseDeckFile } from '../../src/core/deck-format';
import { DEFAULT_DECK_OPTIONS } from '../../src/core/scheduling/options';

const decksDir = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'decks');

export interface ExpectedDeck {
  name: string;
  /** The last part of the name, as the deck list shows it. */
  label: string;
  /** Cards in the deck and its subdecks. */
  cards: number;
  /** New cards offered on a fresh first day: all of them, up to the default daily limit. */
  newToday: number;
}

/** What the deck list should show on first start, computed from decks/*.json independently of the app. */
export function expectedBuiltInDecks(): ExpectedDeck[] {
  const files = readdirSync(decksDir).filter((name) => name.endsWith('.json'));
  const parsed = files.map((name) => parseDeckFile(readFileSync(join(decksDir, name), 'utf8'), name));
  const decks = parsed.flatMap((data) => data.decks);
  const ownCards = new Map<string, number>();
  for (const data of parsed) {
    for (const note of data.notes) {
      const noteType = data.noteTypes.find((type) => type.id === note.noteTypeId);
      if (!noteType) throw new Error(`${note.id}: unknown note type ${note.noteTypeId}`);
      ownCards.set(note.deckId, (ownCards.get(note.deckId) ?? 0) + cardTemplatesFor(noteType, note).length);
    }
  }
  return decks.map((deck) => {
    const cards = decks
      .filter((other) => other.name === deck.name || other.name.startsWith(`${deck.name}::`))
      .reduce((sum, other) => sum + (ownCards.get(other.id) ?? 0), 0);
    return {
      name: deck.name,
      label: deck.name.split('::').at(-1) ?? deck.name,
      cards,
      newToday: Math.min(cards, DEFAULT_DECK_OPTIONS.newPerDay),
    };
  });
}

/** The first top-level built-in deck: the one a learner studies from the top of the deck list. */
export function topBuiltInDeck(): ExpectedDeck {
  const root = expectedBuiltInDecks().find((deck) => !deck.name.includes('::'));
  if (!root) throw new Error('decks/*.json has no top-level deck');
  return root;
}

/** Every card of the built-in decks: the top-level decks' cards, their subdecks' included. */
export function builtInCardCount(): number {
  return expectedBuiltInDecks()
    .filter((deck) => !deck.name.includes('::'))
    .reduce((sum, deck) => sum + deck.cards, 0);
}
