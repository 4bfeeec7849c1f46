import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TAKE_THEIRS } from '../../../src/core/collection/collisions';
import { Rating } from '../../../src/core/collection/model';
import { deckFromNotesFile } from '../../../src/core/decks';
import { writeApkg } from '../../../src/core/formats';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { importFile } from '../../../src/renderer/src/transfer/service';
import { REPO_ROOT } from '../cli/run-cli';
import { NOW, bytesOf, emptyCollection, fixture, sampleCollection } from './helpers';

let collection: Collection;
afterEach(() => collection.close());

const MINUTE = 60_000;

describe('CSV / TSV', () => {
  it('imports a semicolon CSV, and a changed version taken as theirs updates the note in place keeping its schedule and reviews', async () => {
    collection = emptyCollection();
    const csv = readFileSync(`${REPO_ROOT}/test/fixtures/formats/aws-semicolon.csv`, 'utf8');
    const first = await importFile(collection, { name: 'aws.csv', bytes: bytesOf(csv) }, { now: NOW });
    expect(first.report).toMatchObject({ decksAdded: 1, notesAdded: 2 });
    const kms = (await collection.db.notes.toArray()).find((note) => note.fields[0] === 'KMS')!;
    await collection.answer(`${kms.id}/0`, Rating.Good, NOW + MINUTE, 3000);
    const studied = await collection.db.cards.get(`${kms.id}/0`);

    const changed = csv.replace('Key Management Service', 'AWS Key Management Service');
    const second = await importFile(collection, { name: 'aws.csv', bytes: bytesOf(changed) }, { now: NOW + 2 * MINUTE, collisions: TAKE_THEIRS });
    expect(second.report).toMatchObject({ decksAdded: 0, notesAdded: 0, notesUpdated: 1, notesUnchanged: 1 });
    expect(await collection.db.notes.get(kms.id)).toMatchObject({ fields: ['KMS', 'AWS Key Management Service'] });
    expect(await collection.db.cards.get(`${kms.id}/0`)).toEqual(studied);
    expect(await collection.db.reviews.count()).toBe(1);
  });

  it('puts TSV rows into the learner\'s deck of the same name', async () => {
    collection = emptyCollection();
    await collection.installDecks({ decks: [{ id: 'mine', name: 'jlpt-n5' }], noteTypes: [], notes: [] }, NOW);
    await collection.setDeckOptions('mine', { newPerDay: 3 });
    await importFile(collection, { name: 'jlpt-n5.tsv', bytes: fixture('formats/jlpt-n5.tsv') }, { now: NOW });
    const decks = await collection.db.decks.toArray();
    expect(decks.map((deck) => deck.id)).toEqual(['mine']);
    expect((await collection.deckOptions('mine')).newPerDay).toBe(3);
    expect(await collection.db.notes.where('deckId').equals('mine').count()).toBeGreaterThan(0);
  });
});

describe('Markdown notes', () => {
  const path = 'decks/notes/aws-security.md';
  const notes = readFileSync(`${REPO_ROOT}/${path}`, 'utf8');

  it('generates exactly the decks `npm run decks` makes, with a card per template', async () => {
    collection = emptyCollection();
    const { format } = await importFile(collection, { name: path, bytes: bytesOf(notes) }, { now: NOW });
    expect(format).toBe('kioku-notes');
    const expected = deckFromNotesFile(notes, path).data;
    const stored = await collection.exportData({ withScheduling: false, withMedia: false });
    const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
    // Their ids come from their text, so each keeps the day it was imported, for Card info and `added:`.
    expect(byId(stored.notes)).toStrictEqual(byId(expected.notes.map((note) => ({ ...note, added: NOW }))));
    expect(byId(stored.decks)).toStrictEqual(byId(expected.decks));
  });

  it('a changed notes file, taken as theirs, updates its notes in place by their stable id and keeps the history', async () => {
    collection = emptyCollection();
    await importFile(collection, { name: path, bytes: bytesOf(notes) }, { now: NOW });
    const note = (await collection.db.notes.toArray()).find((n) => n.fields.some((field) => field.includes('AWS IAM、AWS WAF')))!;
    const cardId = (await collection.db.cards.where('noteId').equals(note.id).first())!.id;
    await collection.answer(cardId, Rating.Easy, NOW + MINUTE, 2000);
    const studied = await collection.db.cards.get(cardId);
    const noteCount = await collection.db.notes.count();

    const changed = notes.replace('AWS IAM、AWS WAF |', 'AWS IAM、AWS WAF、Amazon Cognito |');
    const { report } = await importFile(collection, { name: path, bytes: bytesOf(changed) }, { now: NOW + 2 * MINUTE, collisions: TAKE_THEIRS });
    expect(report.notesUpdated).toBeGreaterThanOrEqual(1);
    expect(report.notesAdded).toBe(0);
    expect(await collection.db.notes.count()).toBe(noteCount);
    expect((await collection.db.notes.get(note.id))?.fields.join(' ')).toContain('Amazon Cognito');
    expect(await collection.db.cards.get(cardId)).toEqual(studied);
    expect(await collection.db.reviews.count()).toBe(1);
  });
});

describe('Anki packages', () => {
  it('a newer version of a package updates its notes instead of duplicating them', async () => {
    collection = emptyCollection();
    await importFile(collection, { name: 'update1.apkg', bytes: fixture('anki/update1.apkg') }, { now: NOW });
    const before = await collection.db.notes.count();
    const { report } = await importFile(collection, { name: 'update2.apkg', bytes: fixture('anki/update2.apkg') }, { now: NOW + MINUTE });
    expect(report.notesAdded).toBe(0);
    expect(await collection.db.notes.count()).toBe(before);
  });

  it('a note with another Anki id but the same guid, taken as theirs, updates the note already there, with its history', async () => {
    collection = emptyCollection();
    const original = await writeApkg(sampleCollection(), { withScheduling: true, now: NOW });
    await importFile(collection, { name: 'deck.apkg', bytes: original }, { now: NOW });
    const [kms] = await collection.db.notes.where('guid').equals('n-kms').toArray();
    expect(await collection.db.reviews.count()).toBe(4);

    const edited = sampleCollection();
    edited.notes = edited.notes.map((note) => (note.id === 'n-kms' ? { ...note, guid: 'n-kms', fields: ['KMS', 'Key Management Service (edited)'] } : note));
    const renamed = JSON.parse(JSON.stringify(edited).replaceAll('n-kms', 'elsewhere-kms').replace('"guid":"elsewhere-kms"', '"guid":"n-kms"')) as typeof edited;
    renamed.media = edited.media;
    const again = await writeApkg(renamed, { withScheduling: true, now: NOW + 86_400_000 });
    const { report } = await importFile(collection, { name: 'deck-2.apkg', bytes: again }, { now: NOW + MINUTE, collisions: TAKE_THEIRS });

    expect(report).toMatchObject({ notesAdded: 0, notesUpdated: 1, reviewsAdded: 0 });
    const notes = await collection.db.notes.toArray();
    expect(notes).toHaveLength(2);
    expect(notes.find((note) => note.guid === 'n-kms')).toMatchObject({ id: kms!.id, fields: ['KMS', 'Key Management Service (edited)'] });
    expect(await collection.db.cards.where('noteId').equals(kms!.id).count()).toBe(2);
    expect(await collection.db.cards.count()).toBe(4);
  });

  it('stores the package media in the database, keyed by name', async () => {
    collection = emptyCollection();
    const { report } = await importFile(collection, { name: 'media.apkg', bytes: fixture('anki/media.apkg') }, { now: NOW, withScheduling: false });
    expect(report.mediaWritten).toBeGreaterThan(0);
    const file = await collection.mediaFile('foo.wav');
    expect(file?.data.length).toBeGreaterThan(0);
  });
});
