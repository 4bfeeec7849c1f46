import type { Id } from '../collection/model';
import { fnv1a64 } from './hash';

/**
 * Ids come from what a note is about, never from where it sits in the notes file, so editing
 * or reordering the notes and regenerating keeps each note (and its review history).
 */
export function noteIdFor(deckKey: string, kind: string, subject: string): Id {
  return `n_${fnv1a64(`${deckKey}\u0000${kind}\u0000${subject}`)}`;
}

export function deckIdFor(deckKey: string, subdeck: string): Id {
  return `d_${fnv1a64(`${deckKey}\u0000${subdeck}`)}`;
}
