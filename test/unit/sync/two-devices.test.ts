import { describe, expect, it } from 'vitest';
import { Rating, type Review } from '../../../src/core/collection/model';
import type { ExamAttempt } from '../../../src/core/questions/attempt';
import { openCollection, freshName, builtInDecks, T0, MINUTE } from '../storage/helpers';
import { canonicalDump, type Device } from './devices';
import { syncServerForFile } from './sync-server';

const HOUR = 60 * MINUTE;
const { twoDevices } = syncServerForFile('kioku');

const ratings = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const;
const png = (byte: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, byte, byte, byte]);

describe('two devices studying the same cards offline', () => {
  it('end identical, equal to one device given every answer, with nothing lost', async () => {
    // A's clock runs an hour fast, B's an hour slow: the server's clock sets both right.
    const decks = builtInDecks(50);
    const { a, b, close } = await twoDevices({ decks, skew: [HOUR, -HOUR] });
    expect(a.backups + b.backups).toBe(2);
    expect(await canonicalDump(b.collection)).toEqual(await canonicalDump(a.collection));

    // Offline: both study the same 50 cards (and both sides of the reversed note) at interleaved times.
    const answers: { device: Device; cardId: string; rating: Review['rating']; time: number }[] = [];
    for (let i = 0; i < 50; i++) {
      answers.push({ device: a, cardId: `aws-${i}/0`, rating: ratings[i % 4]!, time: T0 + i * MINUTE });
      answers.push({ device: b, cardId: `aws-${i}/0`, rating: ratings[(i + 1) % 4]!, time: T0 + i * MINUTE + 20_000 });
    }
    answers.push({ device: a, cardId: 'jp-inu/0', rating: Rating.Good, time: T0 + 60 * MINUTE });
    answers.push({ device: b, cardId: 'jp-inu/1', rating: Rating.Easy, time: T0 + 61 * MINUTE });
    for (const { device, cardId, rating, time } of answers) await device.collection.answer(cardId, rating, time, 4000);

    await a.collection.updateNote('aws-0', { fields: ['Question 0, edited on A', 'Answer 0'] }, T0 + 70 * MINUTE);
    // A record is stamped when it was edited, on the server's time, which each device reads to the
    // whole second (the Date header): B deletes well over a second after A edits, so the deletion wins.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await b.collection.deleteNote('aws-0');
    const addedA = await a.collection.addNote({ noteTypeId: 'kioku-basic', deckId: 'deck-aws', fields: ['<img src="a.png">', 'from A'] }, T0 + 80 * MINUTE);
    await a.collection.db.media.put({ name: 'a.png', mime: 'image/png', data: png(1) });
    const addedB = await b.collection.addNote({ noteTypeId: 'kioku-basic', deckId: 'deck-jp', fields: ['<img src="b.png">', 'from B'] }, T0 + 81 * MINUTE);
    await b.collection.db.media.put({ name: 'b.png', mime: 'image/png', data: png(2) });
    await b.collection.answer(addedB.cards[0]!.id, Rating.Good, T0 + 82 * MINUTE, 3000);
    const attempt: ExamAttempt = {
      id: 'attempt-on-b',
      startedAt: T0 + 83 * MINUTE,
      submittedAt: T0 + 90 * MINUTE,
      scope: 'deck-aws',
      scopeName: 'AWS',
      seed: 'seed',
      timeLimitMinutes: 30,
      predicted: 0.8,
      results: [{ questionId: 'q1', kind: 'services-for-threat', topic: 'E.5', subject: 'DDoS', options: ['AWS Shield', 'AWS IAM'], correct: [0], chosen: [1], flagged: false, noteIds: ['aws-1'] }],
      markedAgain: false,
    };
    await b.collection.saveAttempt(attempt);

    const first = await a.sync();
    await b.sync();
    await a.sync();
    expect(first.sent).toBeGreaterThan(0);
    const dumpA = await canonicalDump(a.collection);
    const dumpB = await canonicalDump(b.collection);
    expect(dumpB).toEqual(dumpA);

    // Nothing lost: every answer from both devices, both new notes with their media, and A's edit kept as a lost version.
    expect(dumpA.reviews).toHaveLength(answers.length + 1);
    expect(dumpA.notes.map((note) => note.id)).toEqual(expect.arrayContaining([addedA.note.id, addedB.note.id]));
    expect(dumpA.notes.some((note) => note.id === 'aws-0')).toBe(false);
    expect(dumpA.reviews.filter((review) => review.cardId === 'aws-0/0')).toHaveLength(2);
    expect(dumpA.media.map((file) => file.name)).toEqual(['a.png', 'b.png']);
    expect(dumpA.attempts).toEqual([attempt]);
    for (const device of [a, b]) {
      const lost = await device.collection.db.syncLost.where('recordId').equals('note:aws-0').toArray();
      expect(lost.map((version) => (version.lost as { fields: string[] }).fields[0])).toEqual(['Question 0, edited on A']);
    }

    // One device given every answer in time order ends with the same cards.
    const single = openCollection(freshName());
    await single.installDecks(decks, T0);
    for (const { cardId, rating, time } of [...answers].sort((x, y) => x.time - y.time)) await single.answer(cardId, rating, time, 4000);
    await single.deleteNote('aws-0');
    // The day each review lands on is left out: answering spreads due days by the review load of
    // the whole collection at that moment (load balancing), which replaying one note does not see yet.
    const withoutDay = ({ due: _due, scheduledDays: _days, ...card }: (typeof dumpA.cards)[number]) => card;
    const expected = (await canonicalDump(single)).cards.map(withoutDay);
    const synced = dumpA.cards.filter((card) => card.noteId !== addedA.note.id && card.noteId !== addedB.note.id).map(withoutDay);
    expect(synced).toEqual(expected);
    single.close();
    await close();
  }, 120_000);
});
