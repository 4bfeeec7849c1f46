import { freshName, openCollection } from '../storage/helpers';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { NOW, sampleCollection } from '../formats/helpers/sample-collection';

export { NOW, sampleCollection };
export { fixture } from '../formats/helpers/fixtures';
export { patchDeclaredSize, rezip } from '../formats/helpers/zip-surgery';

/** A collection holding the sample decks with scheduling, reviews and media, as after some weeks of study. */
export async function studiedCollection(): Promise<Collection> {
  const collection = openCollection(freshName());
  await collection.importData(sampleCollection(), { fileName: 'sample.json', now: NOW, withScheduling: true });
  await collection.setSettings({ language: 'ja', dayStartHour: 5 });
  await collection.setDeckOptions('deck-ja', { newPerDay: 7 });
  return collection;
}

export function emptyCollection(): Collection {
  return openCollection(freshName());
}

/** Every row of every table, to prove that a failed import changed nothing at all. */
export async function everyRow(collection: Collection) {
  const { db } = collection;
  return {
    decks: await db.decks.toArray(),
    noteTypes: await db.noteTypes.toArray(),
    notes: await db.notes.toArray(),
    cards: await db.cards.toArray(),
    reviews: await db.reviews.toArray(),
    settings: await db.settings.toArray(),
    media: await db.media.toArray(),
  };
}

export const bytesOf = (text: string) => new TextEncoder().encode(text);
