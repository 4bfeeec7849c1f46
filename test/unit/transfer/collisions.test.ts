import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_MINE, TAKE_THEIRS, type CollisionChoices } from '../../../src/core/collection/collisions';
import { Rating } from '../../../src/core/collection/model';
import { parseDeckFile } from '../../../src/core/deck-format';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { importFile } from '../../../src/renderer/src/transfer/service';
import { readDeckFile } from '../../../src/core/files/read-file';
import { takeoverFile, type TakeoverTarget } from '../../fixtures/hostile/generated';
import { NOW, bytesOf, emptyCollection, everyRow } from './helpers';

const opened: Collection[] = [];
afterEach(() => opened.splice(0).forEach((collection) => collection.close()));

const builtIn = parseDeckFile(readFileSync(fileURLToPath(new URL('../../../decks/aws-security.json', import.meta.url)), 'utf8'), 'aws-security.json');
const studiedNote = builtIn.notes.find((note) => note.noteTypeId === 'kioku-basic')!;
const studiedDeck = builtIn.decks.find((deck) => deck.id === studiedNote.deckId)!;
const basic = builtIn.noteTypes.find((type) => type.id === 'kioku-basic')!;
const target: TakeoverTarget = { deck: studiedDeck, noteType: basic, note: studiedNote };
const studiedCard = `${studiedNote.id}/0`;
const LATER = NOW + 3_600_000;
const takeover = { name: 'free-jlpt-n5.json', bytes: bytesOf(takeoverFile(target, LATER)) };

/** The built-in decks, installed as on first start, with the studied note's card answered Good. */
async function learnersCollection(): Promise<Collection> {
  const collection = emptyCollection();
  opened.push(collection);
  await collection.installDecks(builtIn, NOW);
  await collection.answer(studiedCard, Rating.Good, NOW, 5000);
  return collection;
}

async function importTakeover(collection: Collection, collisions?: CollisionChoices) {
  return importFile(collection, takeover, { now: LATER + 1000, ...(collisions ? { collisions } : {}) });
}

describe('a shared deck that reuses the ids of the learner\'s note type, note, deck and card', () => {
  it('changes nothing of the learner\'s unless asked: note type, note, deck name and the studied card stay', async () => {
    const collection = await learnersCollection();
    const before = await everyRow(collection);
    await importTakeover(collection);
    const { db } = collection;
    expect(await db.noteTypes.get(basic.id)).toStrictEqual(before.noteTypes.find((type) => type.id === basic.id));
    expect(await db.notes.get(studiedNote.id)).toStrictEqual(before.notes.find((note) => note.id === studiedNote.id));
    expect((await db.decks.get(studiedDeck.id))?.name).toBe(studiedDeck.name);
    const card = await db.cards.get(studiedCard);
    expect(card).toStrictEqual(before.cards.find((row) => row.id === studiedCard));
    expect(card?.suspended).toBe(false);
    // The innocent note arrives, in the learner's deck of that id, shown with the learner's Basic.
    const added = await db.notes.get('jlpt-n5-1');
    expect(added).toMatchObject({ fields: ['猫', 'cat'], noteTypeId: basic.id, deckId: studiedDeck.id });
  });

  it('the preview names every clash before anything is written, and writes nothing', async () => {
    const collection = await learnersCollection();
    const before = await everyRow(collection);
    const read = await readDeckFile(takeover.bytes, takeover.name, { withScheduling: true, now: LATER });
    const collisions = await collection.importCollisions(read.data, { fileName: takeover.name, now: LATER, withScheduling: true });
    expect(collisions.noteTypes).toStrictEqual([{ mine: 'Basic', theirs: 'Basic' }]);
    expect(collisions.decks).toStrictEqual([{ mine: studiedDeck.name, theirs: 'Free JLPT N5' }]);
    expect(collisions.notes).toHaveLength(1);
    expect(collisions.notes[0]).toMatchObject({ theirs: 'PWNED: overwritten' });
    expect(collisions.notes[0]!.mine).toContain(studiedNote.fields[0]!.slice(0, 10));
    expect(collisions.media).toStrictEqual([]);
    expect(await everyRow(collection)).toStrictEqual(before);
    // Without schedules the card cannot change; the note's text still would.
    const withoutSchedules = await collection.importCollisions(read.data, { fileName: takeover.name, now: LATER, withScheduling: false });
    expect(withoutSchedules.notes).toHaveLength(1);
  });

  it('a card claiming a later review of an unchanged note is a clash of its own: the learner\'s schedule stays', async () => {
    const collection = await learnersCollection();
    const file = JSON.parse(takeoverFile(target, LATER)) as { notes: { fields: string[]; tags: string[] }[]; decks: { name: string }[] };
    file.notes[0]!.fields = [...studiedNote.fields];
    file.notes[0]!.tags = [...studiedNote.tags];
    file.decks[0]!.name = studiedDeck.name;
    const same = { name: 'same-note.json', bytes: bytesOf(JSON.stringify(file)) };
    const read = await readDeckFile(same.bytes, same.name, { withScheduling: true, now: LATER });
    const collisions = await collection.importCollisions(read.data, { fileName: same.name, now: LATER, withScheduling: true });
    expect(collisions.notes).toStrictEqual([expect.objectContaining({ scheduleOnly: true })]);
    await importFile(collection, same, { now: LATER });
    expect((await collection.db.cards.get(studiedCard))?.suspended).toBe(false);
  });

  it('take theirs: the file\'s versions replace the learner\'s, as a newer version of a deck should', async () => {
    const collection = await learnersCollection();
    const { report } = await importTakeover(collection, TAKE_THEIRS);
    const { db } = collection;
    expect(report).toMatchObject({ notesUpdated: 1, notesAdded: 1 });
    expect((await db.noteTypes.get(basic.id))?.templates[0]?.front).toContain('licence expired');
    expect((await db.notes.get(studiedNote.id))?.fields[0]).toBe('PWNED: overwritten');
    expect((await db.decks.get(studiedDeck.id))?.name).toBe('Free JLPT N5');
    expect((await db.cards.get(studiedCard))?.suspended).toBe(true);
  });

  it('keep both: the file\'s items arrive as copies with ids of their own, and the learner\'s stay', async () => {
    const collection = await learnersCollection();
    const before = await everyRow(collection);
    const keepBoth: CollisionChoices = { noteTypes: 'keep-both', notes: 'keep-both', decks: 'keep-both', media: 'keep-both' };
    const { report } = await importTakeover(collection, keepBoth);
    const { db } = collection;
    expect(report).toMatchObject({ notesAdded: 2, notesUpdated: 0, decksAdded: 1 });
    for (const table of ['noteTypes', 'notes', 'decks'] as const) {
      for (const row of before[table]) expect(await db.table(table).get((row as { id: string }).id)).toStrictEqual(row);
    }
    expect(await db.cards.get(studiedCard)).toStrictEqual(before.cards.find((row) => row.id === studiedCard));
    const copyType = (await db.noteTypes.toArray()).find((type) => type.id !== basic.id && type.templates[0]!.front.includes('licence expired'));
    expect(copyType?.name).toBe('Basic (2)');
    const copyDeck = (await db.decks.toArray()).find((deck) => deck.name === 'Free JLPT N5');
    expect(copyDeck?.id).not.toBe(studiedDeck.id);
    const copy = (await db.notes.toArray()).find((note) => note.fields[0] === 'PWNED: overwritten');
    expect(copy).toMatchObject({ noteTypeId: copyType?.id, deckId: copyDeck?.id });
    expect(copy?.id).not.toBe(studiedNote.id);
    // The copy brings its card, schedule and all.
    expect(await db.cards.get(`${copy!.id}/0`)).toMatchObject({ suspended: true, deckId: copyDeck?.id });
  });

  it('a card of one note can never take the place of a card of another note', async () => {
    const collection = await learnersCollection();
    const file = JSON.parse(takeoverFile(target, LATER)) as { cards: { id: string; noteId: string }[] };
    // The card claims the studied card's id but belongs to the file's innocent note.
    file.cards[0]!.noteId = 'jlpt-n5-1';
    const before = (await collection.db.cards.get(studiedCard))!;
    await importFile(collection, { name: 'card-swap.json', bytes: bytesOf(JSON.stringify(file)) }, { now: LATER, collisions: TAKE_THEIRS });
    expect(await collection.db.cards.get(studiedCard)).toStrictEqual(before);
    expect(await collection.db.cards.get('jlpt-n5-1/0')).toMatchObject({ noteId: 'jlpt-n5-1', suspended: true });
  });

  it('a note type with the learner\'s id but other fields arrives as a copy whatever the choice: neither side\'s notes could show with the other', async () => {
    for (const choice of ['keep-mine', 'take-theirs', 'keep-both'] as const) {
      const collection = await learnersCollection();
      const file = JSON.parse(takeoverFile(target, LATER)) as { noteTypes: { fields: string[] }[]; notes: { fields: string[] }[]; cards: unknown[] };
      file.noteTypes[0]!.fields = ['Front', 'Back', 'Extra'];
      file.notes = file.notes.slice(1).map((note) => ({ ...note, fields: [...note.fields, 'extra'] }));
      file.cards = [];
      await importFile(collection, { name: 'three-fields.json', bytes: bytesOf(JSON.stringify(file)) }, { now: LATER, collisions: { ...KEEP_MINE, noteTypes: choice } });
      expect((await collection.db.noteTypes.get(basic.id))?.fields, choice).toStrictEqual(basic.fields);
      const added = (await collection.db.notes.get('jlpt-n5-1'))!;
      expect((await collection.db.noteTypes.get(added.noteTypeId))?.fields, choice).toStrictEqual(['Front', 'Back', 'Extra']);
    }
  });

  it('a media file under the name of one of the learner\'s: kept, taken, or stored as a copy the file\'s notes point at', async () => {
    const media = (text: string) => ({ name: 'diagram.png', mime: 'image/png', data: Buffer.from(text).toString('base64') });
    const deck = (id: string, bytes: string) =>
      bytesOf(
        JSON.stringify({
          format: 'kioku-deck',
          version: 1,
          decks: [{ id: `deck-${id}`, name: `Deck ${id}` }],
          noteTypes: [{ id: 'plain', name: 'Plain', kind: 'standard', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', front: '{{Front}}', back: '{{Back}}' }] }],
          notes: [{ id: `note-${id}`, noteTypeId: 'plain', deckId: `deck-${id}`, fields: ['<img src="diagram.png">', 'back'], tags: [], modified: NOW }],
          media: [media(bytes)],
        }),
      );
    for (const [choice, expected] of [
      ['keep-mine', 'mine'],
      ['take-theirs', 'theirs'],
      ['keep-both', 'mine'],
    ] as const) {
      const collection = emptyCollection();
      opened.push(collection);
      await importFile(collection, { name: 'mine.json', bytes: deck('mine', 'mine') }, { now: NOW });
      await importFile(collection, { name: 'theirs.json', bytes: deck('theirs', 'theirs') }, { now: NOW, collisions: { ...KEEP_MINE, media: choice } });
      const stored = await collection.db.media.get('diagram.png');
      expect(Buffer.from(stored!.data).toString(), choice).toBe(expected);
      expect((await collection.db.notes.get('note-mine'))?.fields[0]).toBe('<img src="diagram.png">');
      const theirs = (await collection.db.notes.get('note-theirs'))!.fields[0]!;
      if (choice !== 'keep-both') {
        expect(theirs).toBe('<img src="diagram.png">');
        continue;
      }
      const copyName = /src="([^"]+)"/.exec(theirs)![1]!;
      expect(copyName).toMatch(/^diagram-[0-9a-f]{8}\.png$/);
      expect(Buffer.from((await collection.db.media.get(copyName))!.data).toString()).toBe('theirs');
    }
  });
});
