export { buildDeck, type DeckSource, type GeneratedDeck } from './build-deck';
export { deckTitleFromKey } from './deck-title';
export { SUBDECK_NAMES, type GeneratorWarning, type NoteKind } from './draft';
export { splitItems } from './split-items';
export { fnv1a64 } from './hash';
export { deckFromNotesFile, NotesFileError } from './from-notes-file';
export { countCards } from './count-cards';
