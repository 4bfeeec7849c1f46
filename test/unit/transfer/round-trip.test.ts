import { afterEach, describe, expect, it } from 'vitest';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { exportDecks, importFile } from '../../../src/renderer/src/transfer/service';
import { CardState } from '../../../src/core/collection/model';
import { NOW, emptyCollection, sampleCollection, studiedCollection } from './helpers';

const opened: Collection[] = [];
afterEach(() => opened.splice(0).forEach((collection) => collection.close()));
const track = (collection: Collection) => (opened.push(collection), collection);

describe('Kioku deck JSON through IndexedDB', () => {
  it('export → import into an empty collection gives back identical notes, cards, schedules, reviews and media', async () => {
    const source = track(await studiedCollection());
    const file = await exportDecks(source, { format: 'kioku-deck', withScheduling: true, now: NOW });
    expect(file.fileName).toBe('Kioku.json');

    const target = track(emptyCollection());
    const { format, report } = await importFile(target, { name: file.fileName, bytes: file.bytes }, { now: NOW + 1000 });
    expect(format).toBe('kioku-deck');
    expect(report).toMatchObject({ notesAdded: 2, cardsWritten: 4, reviewsAdded: 4, mediaWritten: 1 });

    const whole = { withScheduling: true, withMedia: true };
    const [before, after] = [await source.exportData(whole), await target.exportData(whole)];
    expect(after).toStrictEqual(before);
    expect(after.cards?.find((card) => card.id === 'n-kms/0')).toMatchObject({ stability: 12.5, difficulty: 4.2, reps: 4, lapses: 1 });
    expect(after.media?.map((file) => file.name)).toEqual(['kms.png']);
  });

  it("gives each imported review the deck its card lands in, even when the file's deck matched one with another id", async () => {
    const target = track(emptyCollection());
    const data = sampleCollection();
    const [deck] = data.decks;
    await target.importData({ decks: [{ id: 'my-own-deck', name: deck!.name }], noteTypes: [], notes: [] }, { fileName: 'mine.json', now: NOW, withScheduling: false });
    await target.importData({ ...data, reviews: data.reviews?.map((review) => ({ ...review, deckId: 'stale-deck' })) }, { fileName: 'sample.json', now: NOW, withScheduling: true });

    const reviews = await target.db.reviews.toArray();
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) expect(review.deckId).toBe((await target.db.cards.get(review.cardId))?.deckId);
    expect(reviews.some((review) => review.deckId === 'my-own-deck')).toBe(true);
  });

  it('without scheduling, the notes arrive with fresh new cards and no history', async () => {
    const source = track(await studiedCollection());
    const file = await exportDecks(source, { format: 'kioku-deck', withScheduling: false, now: NOW });
    const target = track(emptyCollection());
    await importFile(target, { name: 'decks.json', bytes: file.bytes }, { now: NOW });
    const data = await target.exportData({ withScheduling: true, withMedia: false });
    // Their ids tell no time, so each carries when it was added.
    const added = sampleCollection().notes.map((note) => ({ ...note, added: NOW }));
    expect(data.notes).toStrictEqual(added.sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(data.reviews).toEqual([]);
    expect(data.cards?.map((card) => [card.id, card.state, card.reps])).toEqual([
      ['n-cloze/0', CardState.New, 0],
      ['n-cloze/1', CardState.New, 0],
      ['n-kms/0', CardState.New, 0],
      ['n-kms/1', CardState.New, 0],
    ]);
  });

  it('exporting one deck takes its notes and subdecks only, with the media they show', async () => {
    const source = track(await studiedCollection());
    const file = await exportDecks(source, { format: 'kioku-deck', deckIds: ['deck-aws'], withScheduling: true, now: NOW });
    expect(file.fileName).toBe('AWS Security - サービス.json');
    const json = JSON.parse(new TextDecoder().decode(file.bytes)) as { notes: { id: string }[]; media: { name: string }[]; reviews: unknown[] };
    expect(json.notes.map((note) => note.id)).toEqual(['n-kms']);
    expect(json.media.map((file) => file.name)).toEqual(['kms.png']);
    expect(json.reviews).toHaveLength(4);
  });

  it('importing the same file again updates nothing and duplicates nothing', async () => {
    const source = track(await studiedCollection());
    const file = await exportDecks(source, { format: 'kioku-deck', withScheduling: true, now: NOW });
    const { report } = await importFile(source, { name: 'again.json', bytes: file.bytes }, { now: NOW + 5000 });
    expect(report).toMatchObject({ decksAdded: 0, notesAdded: 0, notesUpdated: 0, notesUnchanged: 2, cardsWritten: 0, reviewsAdded: 0 });
    expect(await source.db.notes.count()).toBe(2);
    expect(await source.db.reviews.count()).toBe(4);
  });
});
