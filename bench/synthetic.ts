import { BASIC_REVERSED_NOTE_TYPE, cardId } from '../src/core/cards';
import { CardState, Rating, type Card, type Deck, type Note, type NoteType, type Review } from '../src/core/collection/model';
import { seededRandom } from '../src/core/questions/random';
import { DAY } from '../src/core/scheduling/day';

/** The shape the issue asks for: 50,000 cards, 10,000 of them new, 500,000 reviews. */
export interface SyntheticSize {
  cards: number;
  newCards: number;
  reviews: number;
  subdecks: number;
}

export const FULL_SIZE: SyntheticSize = { cards: 50_000, newCards: 10_000, reviews: 500_000, subdecks: 10 };

export const TOP_DECK_ID = 'bench-deck';
const TEMPLATES = BASIC_REVERSED_NOTE_TYPE.templates.length;

export interface SyntheticCollection {
  decks: Deck[];
  noteTypes: NoteType[];
  notes: Note[];
  cards: Card[];
  /** Reviews come in chunks: 500,000 objects at once would dominate the page's memory. */
  reviewChunks: (chunkSize: number) => Generator<Review[]>;
}

function subdeckId(index: number): string {
  return `${TOP_DECK_ID}-${String(index + 1).padStart(2, '0')}`;
}

function decksFor(size: SyntheticSize): Deck[] {
  const decks: Deck[] = [{ id: TOP_DECK_ID, name: 'Bench' }];
  for (let i = 0; i < size.subdecks; i++) decks.push({ id: subdeckId(i), name: `Bench::Part ${String(i + 1).padStart(2, '0')}` });
  return decks;
}

function noteFor(index: number, size: SyntheticSize, now: number): Note {
  const id = `bench-note-${String(index).padStart(6, '0')}`;
  return {
    id,
    noteTypeId: BASIC_REVERSED_NOTE_TYPE.id,
    deckId: subdeckId(index % size.subdecks),
    fields: [`Question ${index}: what does control ${index % 97} protect?`, `Answer ${index}: <b>asset ${index % 31}</b> against threat ${index % 13}`],
    tags: [`nfr::E.${(index % 12) + 1}`, `kind::${['threat', 'control', 'service'][index % 3]}`, `chapter-${index % 20}`],
    modified: now - DAY * 400,
  };
}

/**
 * A studied card. Review cards fall due over the coming year (a few days overdue at most), each
 * last answered one interval before its due date and never today; only the few cards in
 * learning were answered today, so "done today" is a normal day's worth, not the whole log.
 */
function studiedSchedule(random: () => number, now: number): Omit<Card, 'id' | 'noteId' | 'template' | 'deckId' | 'suspended' | 'buriedUntil'> {
  const roll = random();
  const reps = 2 + Math.floor(random() * 20);
  const lapses = Math.floor(random() * random() * 5);
  const difficulty = 1 + random() * 9;
  if (roll < 0.006) {
    const relearning = roll < 0.002;
    const lastReview = now - Math.floor(random() * 2 * 3_600_000);
    return {
      due: lastReview + (relearning ? 10 : 1 + Math.floor(random() * 10)) * 60_000,
      stability: 0.5 + random() * 3,
      difficulty,
      elapsedDays: relearning ? 5 + Math.floor(random() * 60) : 0,
      scheduledDays: 0,
      reps,
      lapses: relearning ? lapses + 1 : lapses,
      learningSteps: relearning ? 0 : 1,
      state: relearning ? CardState.Relearning : CardState.Learning,
      lastReview,
    };
  }
  const due = now + Math.floor((-5 + random() * 365) * DAY);
  const daysAhead = Math.max(0, (due - now) / DAY);
  const scheduledDays = Math.ceil(daysAhead + 1 + random() * (0.3 * daysAhead + 5));
  return {
    due,
    stability: scheduledDays * (0.8 + random() * 0.4),
    difficulty,
    elapsedDays: Math.round(scheduledDays / 2),
    scheduledDays,
    reps,
    lapses,
    learningSteps: 0,
    state: CardState.Review,
    lastReview: due - scheduledDays * DAY,
  };
}

/**
 * Builds the collection in memory. Notes of the Basic (and reversed) type give two cards each,
 * so answering buries a sibling as it does for a real learner; the last notes are the new ones.
 */
export function syntheticCollection(size: SyntheticSize, now: number, seed = 20261130): SyntheticCollection {
  if (size.cards % TEMPLATES !== 0 || size.newCards % TEMPLATES !== 0) {
    throw new Error(`synthetic collection: cards (${size.cards}) and new cards (${size.newCards}) must be multiples of ${TEMPLATES}`);
  }
  const random = seededRandom(seed);
  const noteCount = size.cards / TEMPLATES;
  const firstNewNote = noteCount - size.newCards / TEMPLATES;
  const notes: Note[] = [];
  const cards: Card[] = [];
  for (let n = 0; n < noteCount; n++) {
    const note = noteFor(n, size, now);
    notes.push(note);
    for (let template = 0; template < TEMPLATES; template++) {
      const schedule =
        n >= firstNewNote
          ? { due: now - DAY * 30 + n, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, reps: 0, lapses: 0, learningSteps: 0, state: CardState.New, lastReview: null }
          : studiedSchedule(random, now);
      cards.push({ id: cardId(note.id, template), noteId: note.id, template, deckId: note.deckId, suspended: false, buriedUntil: null, ...schedule });
    }
  }
  const studied = cards.filter((card) => card.lastReview !== null);

  function* reviewChunks(chunkSize: number): Generator<Review[]> {
    const reviewRandom = seededRandom(seed + 1);
    let chunk: Review[] = [];
    let made = 0;
    for (const [index, card] of studied.entries()) {
      // The wanted total spread evenly over the studied cards, each card's last one at its lastReview.
      const target = Math.round((size.reviews * (index + 1)) / studied.length);
      const count = target - made;
      const last = card.lastReview!;
      for (let k = 0; k < count; k++) {
        const time = k === count - 1 ? last : last - Math.floor((count - 1 - k) * (DAY * 20 + reviewRandom() * DAY * 10));
        chunk.push({
          id: `bench-review-${String(made + k).padStart(7, '0')}`,
          cardId: card.id,
          time,
          rating: reviewRandom() < 0.1 ? Rating.Again : Rating.Good,
          stateBefore: k === 0 ? CardState.New : CardState.Review,
          stateAfter: k === count - 1 ? card.state : CardState.Review,
          dueBefore: time,
          dueAfter: k === count - 1 ? card.due : time + DAY * 20,
          stabilityAfter: card.stability,
          difficultyAfter: card.difficulty,
          durationMs: 2000 + Math.floor(reviewRandom() * 8000),
        });
        if (chunk.length === chunkSize) {
          yield chunk;
          chunk = [];
        }
      }
      made += count;
    }
    if (chunk.length > 0) yield chunk;
  }

  return { decks: decksFor(size), noteTypes: [BASIC_REVERSED_NOTE_TYPE], notes, cards, reviewChunks };
}
