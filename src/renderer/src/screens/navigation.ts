/** Where the learner is; Study remembers which deck it was opened for. */
export type Screen =
  | { name: 'decks' }
  | { name: 'study'; deckId: string; deckName: string }
  | { name: 'browse' }
  | { name: 'options' };
