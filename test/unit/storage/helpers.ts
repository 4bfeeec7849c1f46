import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { BASIC_NOTE_TYPE, BASIC_REVERSED_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../../../src/core/cards';
import type { CollectionData, Note } from '../../../src/core/collection/model';
import type { TimeZone } from '../../../src/core/scheduling/day';
import { Collection } from '../../../src/renderer/src/storage/collection';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** 2026-12-01 10:00 in Tokyo. */
export const T0 = Date.UTC(2026, 11, 1, 1, 0);
/** 2026-12-02 04:00 in Tokyo: the next learner day starts. */
export const NEXT_DAY = Date.UTC(2026, 11, 1, 19, 0);

let databases = 0;

/** Each test gets its own database; the name can be reused to reopen it as after a restart. */
export function freshName(): string {
  return `kioku-test-${++databases}-${Math.random().toString(36).slice(2)}`;
}

export function openCollection(name: string, zone: TimeZone = 'Asia/Tokyo'): Collection {
  return new Collection({ name, zone });
}

export function basicNote(id: string, front: string, back: string, deckId = 'deck-aws', tags: string[] = []): Note {
  return { id, noteTypeId: BASIC_NOTE_TYPE.id, deckId, fields: [front, back], tags, modified: T0 };
}

/** The built-in decks as the deck parser hands them over: `count` basic notes and one reversed note. */
export function builtInDecks(count: number, change: (notes: Note[]) => Note[] = (notes) => notes): CollectionData {
  const notes: Note[] = Array.from({ length: count }, (_, i) => basicNote(`aws-${i}`, `Question ${i}`, `Answer ${i}`));
  notes.push({ id: 'jp-inu', noteTypeId: BASIC_REVERSED_NOTE_TYPE.id, deckId: 'deck-jp', fields: ['犬', 'dog'], tags: ['animals'], modified: T0 });
  return {
    decks: [
      { id: 'deck-aws', name: 'AWS Security' },
      { id: 'deck-aws-iam', name: 'AWS Security::IAM' },
      { id: 'deck-jp', name: '日本語' },
    ],
    noteTypes: [BASIC_NOTE_TYPE, BASIC_REVERSED_NOTE_TYPE, CLOZE_NOTE_TYPE],
    notes: change(notes),
  };
}

/** For a test file: a function that opens a fresh collection, each one closed after its test. */
export function collectionsClosedAfterEach(): () => Collection {
  const open: Collection[] = [];
  afterEach(() => {
    for (const collection of open.splice(0)) collection.close();
  });
  return () => {
    const collection = openCollection(freshName());
    open.push(collection);
    return collection;
  };
}
