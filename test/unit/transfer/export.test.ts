import { afterEach, describe, expect, it } from 'vitest';
import { readApkg, readCsv } from '../../../src/core/formats';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { exportDecks, importFile, type TransferStage } from '../../../src/renderer/src/transfer/service';
import { NOW, emptyCollection, studiedCollection } from './helpers';

let collection: Collection;
afterEach(() => collection.close());

describe('exporting decks', () => {
  it('an Anki package carries the notes, the review log and the media the notes show', async () => {
    collection = await studiedCollection();
    const stages = new Set<TransferStage>();
    const file = await exportDecks(collection, { format: 'apkg', withScheduling: true, now: NOW, onProgress: (_d, _t, stage) => stages.add(stage) });
    expect(file).toMatchObject({ fileName: 'Kioku.apkg', mime: 'application/zip' });
    expect([...stages]).toEqual(['writing']);
    const { collection: read } = await readApkg(file.bytes, file.fileName, { withScheduling: true, now: NOW });
    expect(read.notes.map((note) => note.fields[0]).sort()).toEqual(['<b>KMS</b> &amp; keys', '{{c1::猫}}は{{c2::動物}}です']);
    expect(read.reviews).toHaveLength(4);
    expect(read.media?.map((media) => media.name)).toEqual(['kms.png']);

    const other = emptyCollection();
    await importFile(other, { name: file.fileName, bytes: file.bytes }, { now: NOW });
    expect((await other.mediaFile('kms.png'))?.data).toEqual((await collection.mediaFile('kms.png'))?.data);
    other.close();
  });

  it('a CSV of one deck holds that deck\'s notes, readable again', async () => {
    collection = await studiedCollection();
    const file = await exportDecks(collection, { format: 'csv', deckIds: ['deck-ja'], withScheduling: false, now: NOW });
    expect(file.fileName).toBe('日本語.csv');
    const { collection: read } = readCsv(file.bytes, file.fileName);
    expect(read.notes.map((note) => note.fields[0])).toEqual(['{{c1::猫}}は{{c2::動物}}です']);
  });

  it('a Browse selection exports the notes of the selected cards whole, with their schedules and media', async () => {
    collection = await studiedCollection();
    const file = await exportDecks(collection, { format: 'apkg', cardIds: ['n-kms/1'], withScheduling: true, now: NOW });
    expect(file.fileName).toBe('AWS Security - サービス.apkg');
    const { collection: read } = await readApkg(file.bytes, file.fileName, { withScheduling: true, now: NOW });
    expect(read.notes.map((note) => note.fields[0])).toEqual(['<b>KMS</b> &amp; keys']);
    // The note goes whole: both of its cards and all four of their reviews, not only the selected card's.
    expect(read.cards?.map((card) => card.template).sort()).toEqual([0, 1]);
    expect(read.reviews).toHaveLength(4);
    expect(read.media?.map((media) => media.name)).toEqual(['kms.png']);
    expect(read.decks.map((deck) => deck.name)).toEqual(['AWS Security::サービス']);
  });

  it('a selection as CSV holds only the selected notes; a card deleted meanwhile is passed over', async () => {
    collection = await studiedCollection();
    const file = await exportDecks(collection, { format: 'csv', cardIds: ['n-cloze/1', 'gone/0'], withScheduling: false, now: NOW });
    const { collection: read } = readCsv(file.bytes, file.fileName);
    expect(read.notes.map((note) => note.fields[0])).toEqual(['{{c1::猫}}は{{c2::動物}}です']);
  });

  it('can be cancelled, producing no file', async () => {
    collection = await studiedCollection();
    const controller = new AbortController();
    controller.abort();
    await expect(exportDecks(collection, { format: 'apkg', withScheduling: true, now: NOW, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
