import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE } from '../../../src/core/cards';
import { newSchedule, Rating, type Card } from '../../../src/core/collection/model';
import { answerDuration, MAX_ANSWER_MS, NotesAhead, sessionTotals } from '../../../src/renderer/src/screens/study/study-session';
import type { CardWithNote } from '../../../src/renderer/src/storage/notes';
import { basicNote, T0 } from '../storage/helpers';

describe('time per card', () => {
  it('is measured from showing the front to answering', () => {
    expect(answerDuration(1_000, 8_500)).toBe(7_500);
  });

  it('is capped at 60 s for a learner who walked away', () => {
    expect(answerDuration(0, 10 * 60_000)).toBe(60_000);
    expect(answerDuration(0, 59_000)).toBeLessThan(MAX_ANSWER_MS);
  });
});

describe('session totals', () => {
  it('counts answers, time and agains', () => {
    const totals = sessionTotals([
      { rating: Rating.Again, durationMs: 4_000 },
      { rating: Rating.Good, durationMs: 6_000 },
      { rating: Rating.Again, durationMs: 2_000 },
    ]);
    expect(totals).toEqual({ studied: 3, timeMs: 12_000, againCount: 2 });
  });
});

function cardOf(noteId: string, template = 0): Card {
  return { id: `${noteId}/${template}`, noteId, deckId: 'deck-aws', template, suspended: false, buriedUntil: null, ...newSchedule(T0) };
}

/** A collection of notes by id, counting the reads that reach it. */
function notesStore(fronts: Record<string, string>) {
  const store = {
    fronts,
    reads: [] as string[],
    failing: new Set<string>(),
    read: async (card: Card): Promise<CardWithNote> => {
      store.reads.push(card.noteId);
      const front = store.fronts[card.noteId];
      if (front === undefined || store.failing.has(card.noteId)) throw new Error(`No note ${card.noteId}`);
      return { card, note: basicNote(card.noteId, front, 'back'), noteType: BASIC_NOTE_TYPE };
    },
  };
  return store;
}

describe('notes read ahead', () => {
  it('show the next card with the note read while the learner looked at the current one', async () => {
    const store = notesStore({ a: 'A', b: 'B', c: 'C' });
    const ahead = new NotesAhead(store.read);
    const shown = await ahead.withNote(cardOf('a'));
    ahead.readAhead(shown, [cardOf('b'), cardOf('c')]);
    expect(store.reads).toEqual(['a', 'b', 'c']);

    const next = await ahead.withNote(cardOf('c'));
    expect(next.note.fields[0]).toBe('C');
    expect(next.card.id).toBe('c/0');
    // The sibling of the card on screen needs no read either.
    expect((await ahead.withNote(cardOf('a', 1))).note.fields[0]).toBe('A');
    expect(store.reads).toEqual(['a', 'b', 'c']);
  });

  it('carry the card as it is now, not as it was when its note was read', async () => {
    const store = notesStore({ a: 'A', b: 'B' });
    const ahead = new NotesAhead(store.read);
    ahead.readAhead(await ahead.withNote(cardOf('a')), [cardOf('b')]);
    const answered = { ...cardOf('a'), reps: 1 };
    expect((await ahead.withNote(answered)).card).toBe(answered);
  });

  it('are read again once forgotten, so an edited note never shows as it was', async () => {
    const store = notesStore({ a: 'A', b: 'B' });
    const ahead = new NotesAhead(store.read);
    ahead.readAhead(await ahead.withNote(cardOf('a')), [cardOf('b')]);
    store.fronts.a = 'A edited';
    store.fronts.b = 'B edited';
    ahead.forget();
    expect((await ahead.withNote(cardOf('a'))).note.fields[0]).toBe('A edited');
    expect((await ahead.withNote(cardOf('b'))).note.fields[0]).toBe('B edited');
  });

  it('let go of the notes of cards no longer coming', async () => {
    const store = notesStore({ a: 'A', b: 'B', c: 'C' });
    const ahead = new NotesAhead(store.read);
    ahead.readAhead(await ahead.withNote(cardOf('a')), [cardOf('b')]);
    ahead.readAhead(await ahead.withNote(cardOf('b')), [cardOf('c')]);
    store.reads.length = 0;
    await ahead.withNote(cardOf('a'));
    expect(store.reads).toEqual(['a']);
  });

  it('that failed are read again when their card comes, which reports the problem', async () => {
    const store = notesStore({ a: 'A', b: 'B' });
    store.failing.add('b');
    const ahead = new NotesAhead(store.read);
    ahead.readAhead(await ahead.withNote(cardOf('a')), [cardOf('b')]);
    await expect(ahead.withNote(cardOf('b'))).rejects.toThrow('No note b');
    store.failing.clear();
    ahead.readAhead(await ahead.withNote(cardOf('a')), [cardOf('b')]);
    expect((await ahead.withNote(cardOf('b'))).note.fields[0]).toBe('B');
  });
});
