/** Zip entry names inside a `.kioku-backup` file. */
export const BACKUP_ENTRIES = {
  manifest: 'kioku-backup.json',
  decks: 'decks.json',
  noteTypes: 'note-types.json',
  notes: 'notes.json',
  cards: 'cards.json',
  reviews: 'reviews.json',
  settings: 'settings.json',
  media: 'media.json',
} as const;

export const mediaEntry = (index: number) => `media/${index}`;
