export { parseDeckFile } from './parse-deck-file';
export { serializeDeckFile } from './serialize-deck-file';
export { DeckFormatError } from './errors';
export { DECK_FILE_FORMAT, DECK_FILE_VERSION } from './schema';
