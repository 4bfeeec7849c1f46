import { describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { cardTypeLabel, noteTypeLabel } from '../../../src/renderer/src/i18n/built-in-names';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import { loadCardInfo } from '../../../src/renderer/src/screens/card-info/card-info-data';
import { DAY, MINUTE, T0, builtInDecks, collectionsClosedAfterEach } from './helpers';

const fresh = collectionsClosedAfterEach();

describe('card info', () => {
  it('shows the history of real answers, newest first, with their kinds, waits and times', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(3), T0);
    await collection.setDeckOptions('deck-aws', { examDate: '2027-01-20' });
    const id = 'aws-1/0';
    await collection.answer(id, Rating.Good, T0, 4000);
    await collection.answer(id, Rating.Good, T0 + 10 * MINUTE, 6000);
    const graduated = (await collection.db.cards.get(id))!;
    await collection.answer(id, Rating.Again, graduated.due + DAY, 12_000);

    const now = graduated.due + DAY + 5 * MINUTE;
    const data = (await loadCardInfo(collection, id, now))!;
    const { info } = data;
    expect(data.deckName).toBe('AWS Security');
    expect(noteTypeLabel(data.found.noteType!)).toBe('Basic');
    expect(cardTypeLabel(data.found.card, data.found.noteType)).toBe('Card 1');
    expect(info.firstReview).toBe(T0);
    expect(info.latestReview).toBe(graduated.due + DAY);
    expect(info.reviews).toBe(3);
    expect(info.lapses).toBe(1);
    expect(info.totalMs).toBe(22_000);
    expect(info.averageMs).toBeCloseTo(22_000 / 3);
    expect(info.history.map((entry) => [entry.rating, entry.kind])).toEqual([
      [Rating.Again, 'review'],
      [Rating.Good, 'learn'],
      [Rating.Good, 'learn'],
    ]);
    // The graduating answer set a wait of days; the first answer only a learning step.
    expect(info.history[1]!.intervalDays).toBeGreaterThanOrEqual(1);
    expect(info.history[2]!.intervalDays).toBeLessThan(1);
    expect(info.history[0]!.durationMs).toBe(12_000);
    // The lapse took the card back to relearning, where recall right after the answer is high.
    expect(info.recallNow).toBeGreaterThan(0.9);
    expect(info.recallOnExam).not.toBeNull();
    expect(info.recallOnExam!).toBeLessThan(info.recallNow!);
    expect(data.examAt).not.toBeNull();
  });

  it('draws recall falling between answers, each answer a marked point, up to the exam', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(2), T0);
    const id = 'aws-0/0';
    await collection.answer(id, Rating.Easy, T0, 3000);
    const card = (await collection.db.cards.get(id))!;
    await collection.answer(id, Rating.Good, card.due, 3000);
    const { curve } = (await loadCardInfo(collection, id, card.due + MINUTE))!;
    const marked = curve.filter((point) => point.review);
    expect(marked.map((point) => point.time)).toEqual([T0, card.due]);
    // Just before the second answer the card had faded to about the desired retention.
    expect(marked[1]!.recall).toBeGreaterThan(0.8);
    expect(marked[1]!.recall).toBeLessThan(0.95);
    for (let i = 1; i < curve.length; i++) {
      if (!curve[i]!.review && curve[i - 1]!.time >= T0 && curve[i]!.time < card.due) expect(curve[i]!.recall).toBeLessThanOrEqual(curve[i - 1]!.recall);
    }
    expect(curve.at(-1)!.time).toBeGreaterThan(card.due + 29 * DAY);
  });

  it('shows a new card with no due date, no history and no recall', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(2), T0);
    const { info, curve, found } = (await loadCardInfo(collection, 'jp-inu/1', T0))!;
    expect(cardTypeLabel(found.card, found.noteType)).toBe('Card 2');
    setLanguage('ja');
    // The built-in note type and its templates keep their English names in the collection, as Anki's stock ones.
    expect([noteTypeLabel(found.noteType!), cardTypeLabel(found.card, found.noteType)]).toEqual(['基本（裏表反転カード付き）', 'カード 2']);
    setLanguage('en');
    expect([info.due, info.intervalDays, info.recallNow, info.firstReview, info.averageMs]).toEqual([null, null, null, null, null]);
    expect(info.history).toEqual([]);
    expect(curve).toEqual([]);
    expect(await loadCardInfo(collection, 'no-such/0', T0)).toBeNull();
  });

  it('says when a built-in card was added: the day its deck was installed, kept when the deck is updated', async () => {
    const collection = fresh();
    await collection.installDecks(builtInDecks(2), T0);
    expect((await loadCardInfo(collection, 'aws-0/0', T0))!.info.added).toBe(T0);
    await collection.installDecks(builtInDecks(3, (notes) => notes.map((note) => ({ ...note, fields: [`${note.fields[0]} (revised)`, note.fields[1]!] }))), T0 + DAY);
    expect((await loadCardInfo(collection, 'aws-0/0', T0 + DAY))!.info.added).toBe(T0);
    expect((await loadCardInfo(collection, 'aws-2/0', T0 + DAY))!.info.added).toBe(T0 + DAY);
  });
});
