import type { PickedFile } from '../transfer';

/** Where the learner is; Study remembers which deck it was opened for. */
export type Screen =
  /** `message`: what was just done (a deck deleted from its overview). */
  | { name: 'decks'; message?: string }
  /** A deck's overview before studying: counts, description, Study; `message`: what was just done (custom study built it). */
  | { name: 'overview'; deckId: string; message?: string }
  /** `cardIds`: a "study weakest" session over these cards; deckId '' then means the whole collection. */
  | { name: 'study'; deckId: string; deckName: string; cardIds?: string[] }
  /** `text`: a search to open with, e.g. a weak card from Readiness. */
  | { name: 'browse'; text?: string }
  | { name: 'readiness' }
  | { name: 'exam' }
  | { name: 'stats' }
  /** `deckId`: the deck whose options to show first. */
  | { name: 'options'; deckId?: string }
  /** `file` is one dropped onto the window, previewed as soon as Import opens. */
  | { name: 'import'; file?: PickedFile }
  | { name: 'export' }
  | { name: 'backups' }
  | { name: 'sync' }
  /** Add a note; `back` is where Cancel returns to. */
  | { name: 'add'; back?: Screen }
  | { name: 'noteTypes' };
