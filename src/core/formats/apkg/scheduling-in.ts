import type { Database } from 'sql.js';
import { CardState, type Card, type Rating, type Review } from '../../collection/model';
import type { SkippedItem } from '../skipped';
import { cardId } from '../../cards/card-id';
import { flagFromAnki } from '../../cards/flags';
import { ankiDeckId, ankiNoteId, ankiReviewId } from './anki-ids';
import { num, selectRows, str, type Row } from './database';
import { replayReviews } from './replay';
import { dayStartOf, learnerDay, nextDayStart, zoneOffsetMs, type DayRules } from '../../scheduling/day';
import { ankiDayStart, readAnkiDayCount } from './anki-days';
import { FILTERED_ORDER_START } from './scheduling-out';

const DAY = 86_400_000;

export interface AnkiCardRow {
  id: number;
  noteId: number;
  /** Its home deck: the deck it is in, or the one a filtered deck took it from (odid). */
  deckId: number;
  /** In a filtered deck: that deck, where the card is now; 0 otherwise. */
  filteredDeckId: number;
  /** In a filtered deck: cards.due there (its place in the deck's order, or a time), beside `due` at home (odue). */
  filteredDue: number;
  /** In a filtered deck: whether odue holds its due at home; Anki clears it once a rescheduling deck answers the card. */
  homeDueKept: boolean;
  template: number;
  type: number;
  queue: number;
  due: number;
  interval: number;
  reps: number;
  lapses: number;
  data: string;
  factor: number;
  flags: number;
  left: number;
}

interface RevlogRow {
  id: number;
  cardId: number;
  ease: number;
  interval: number;
  lastInterval: number;
  factor: number;
  duration: number;
  type: number;
}

export function readAnkiCards(db: Database, fileName: string): AnkiCardRow[] {
  // The 2012 alpha schema has no filtered-deck columns yet; their absence means "not in a filtered deck".
  const columns = new Set(selectRows(db, 'pragma table_info(cards)', 'cards', fileName).map((row) => str(row[1])));
  const filtered = columns.has('odue') && columns.has('odid') ? 'odue, odid' : '0, 0';
  const rows = selectRows(db, `select id, nid, did, ord, type, queue, due, ivl, reps, lapses, ${filtered}, data, factor, flags, left from cards order by nid, ord`, 'cards', fileName);
  return rows.map((row: Row) => {
    const originalDeck = num(row[11]);
    const originalDue = num(row[10]);
    const type = num(row[4]);
    const queue = num(row[5]);
    // A card in a filtered deck belongs to its original deck, with its original due date.
    return {
      id: num(row[0]),
      noteId: num(row[1]),
      deckId: originalDeck || num(row[2]),
      filteredDeckId: originalDeck ? num(row[2]) : 0,
      filteredDue: originalDeck ? num(row[6]) : 0,
      homeDueKept: originalDeck !== 0 && originalDue !== 0,
      template: num(row[3]),
      // v1 marks relearning as a review card in a learning queue; Anki's importer upgrades the file
      // to v2 first, which makes it type 3 (rslib scheduler/upgrade.rs, apkg/import/mod.rs). In v2 the pair never occurs.
      type: type === 2 && (queue === 1 || queue === 3) ? 3 : type,
      queue,
      due: originalDeck && originalDue ? originalDue : num(row[6]),
      interval: num(row[7]),
      reps: num(row[8]),
      lapses: num(row[9]),
      data: str(row[12]),
      factor: num(row[13]),
      flags: num(row[14]),
      left: num(row[15]),
    };
  });
}

/**
 * Converts Anki's cards and review log into Kioku's. Anki's due means different things per card
 * type: a position for new cards, a Unix time in seconds for (re)learning cards, and days since
 * the collection was created (col.crt) for review and day-learning cards.
 */
export function scheduleFromAnki(
  db: Database,
  cards: AnkiCardRow[],
  fileName: string,
  now: number,
  keep: (card: AnkiCardRow) => boolean,
  skipped: SkippedItem[],
  rules: DayRules,
  filteredDecks: ReadonlySet<number>,
): { cards: Card[]; reviews: Review[] } {
  const dayCount = readAnkiDayCount(db, fileName);
  const machineMinutesWest = (at: number) => -zoneOffsetMs(rules.zone, at) / 60_000;
  // The file's day is the learner's day that holds its middle: the file may count days from
  // another hour and zone than the learner does, and its day start may fall in the learner's day before.
  const learnerDayOf = (day: number) => {
    const middle = ankiDayStart(dayCount, day, now, machineMinutesWest) + DAY / 2;
    return Math.abs(middle) > LAST_CALENDAR_DAY * DAY ? Math.sign(middle) * (LAST_CALENDAR_DAY + 1) : learnerDay(middle, rules);
  };
  // Anki keeps the review log of deleted cards; entries whose card is gone are simply not looked up.
  const revlogByCard = new Map<number, RevlogRow[]>();
  const revlog = selectRows(db, 'select id, cid, ease, ivl, lastIvl, factor, time, type from revlog order by cid, id', 'revlog', fileName);
  for (const row of revlog) {
    const entry = { id: num(row[0]), cardId: num(row[1]), ease: num(row[2]), interval: num(row[3]), lastInterval: num(row[4]), factor: num(row[5]), duration: num(row[6]), type: num(row[7]) };
    const list = revlogByCard.get(entry.cardId) ?? [];
    list.push(entry);
    revlogByCard.set(entry.cardId, list);
  }

  const kiokuCards: Card[] = [];
  const reviews: Review[] = [];
  for (const card of cards) {
    if (!keep(card)) continue;
    const memory = memoryFromData(card.data);
    if (memory === 'invalid') {
      skipped.push({ kind: 'card', name: String(card.id), reason: 'bad-card-data', detail: { note: String(card.noteId), card: card.template + 1 } });
      continue;
    }
    const entries = revlogByCard.get(card.id) ?? [];
    const isAnswer = (r: RevlogRow) => r.ease >= 1 && r.ease <= 4 && r.type <= 3;
    const answers = entries.filter(isAnswer);
    const replayed = replayReviews(answers.map((r) => ({ time: r.id, rating: r.ease as Rating })));
    const last = replayed[replayed.length - 1];
    const lastAnswer = answers[answers.length - 1];
    const kiokuCardId = cardId(ankiNoteId(card.noteId), card.template);
    const state = stateOf(card.type);
    const due = dueOf(card, learnerDayOf, now, rules);
    const place = filteredDecks.has(card.filteredDeckId) ? filteredPlace(card, state, due, now) : { deckId: ankiDeckId(card.deckId), due };
    const lastReview = lastAnswer ? lastAnswer.id : memory?.lastReview ?? (state === CardState.Review ? due - card.interval * DAY : null);
    kiokuCards.push({
      id: kiokuCardId,
      noteId: ankiNoteId(card.noteId),
      template: card.template,
      ...place,
      // Without FSRS data or history, an SM-2 interval is the closest stand-in for stability.
      stability: memory?.stability ?? last?.stability ?? (state === CardState.New ? 0 : Math.max(card.interval, 0.1)),
      difficulty: memory?.difficulty ?? last?.difficulty ?? (state === CardState.New ? 0 : 5),
      elapsedDays: last?.elapsed_days ?? 0,
      scheduledDays: state === CardState.Review ? card.interval : 0,
      reps: card.reps,
      lapses: card.lapses,
      learningSteps: 0,
      state,
      lastReview,
      suspended: card.queue === -1,
      // Anki's importer keeps a card buried (rslib apkg/import/cards.rs), and the collection then
      // unburies it when its next day begins: so here, until the learner's next day.
      ...buryOf(card.queue, now, rules),
      ...(flagFromAnki(card.flags) ? { flag: flagFromAnki(card.flags) } : {}),
      anki: {
        factor: card.factor,
        queue: card.queue,
        ivl: card.interval,
        left: card.left,
        position: card.type === 0 ? card.due : 0,
        reps: card.reps,
        data: memory?.other ?? {},
        revlog: entries
          .filter((r) => !isAnswer(r))
          .map((r) => ({ id: r.id, ease: r.ease, ivl: r.interval, lastIvl: r.lastInterval, factor: r.factor, time: r.duration, type: r.type })),
      },
    });

    let dueBefore = answers[0]?.id ?? 0;
    answers.forEach((answer, i) => {
      const before = answer.type === 1 || answer.type === 3 ? CardState.Review : answer.type === 2 ? CardState.Relearning : i === 0 ? CardState.New : CardState.Learning;
      const after = answer.interval > 0 ? CardState.Review : before === CardState.Review || before === CardState.Relearning ? CardState.Relearning : CardState.Learning;
      const dueAfter = answer.id + (answer.interval > 0 ? answer.interval * DAY : -answer.interval * 1000);
      reviews.push({
        id: ankiReviewId(answer.id),
        cardId: kiokuCardId,
        time: answer.id,
        rating: answer.ease as Rating,
        stateBefore: before,
        stateAfter: after,
        dueBefore,
        dueAfter,
        stabilityAfter: replayed[i]?.stability ?? 0,
        difficultyAfter: replayed[i]?.difficulty ?? 0,
        durationMs: answer.duration,
        anki: { ease: answer.ease, ivl: answer.interval, lastIvl: answer.lastInterval, factor: answer.factor, type: answer.type },
      });
      dueBefore = dueAfter;
    });
  }
  return { cards: kiokuCards, reviews };
}

/**
 * A card in a kept filtered deck, as Kioku's filtered decks hold one (scheduling/filtered.ts
 * movedIn): linked to its home deck and its due there. Anki gave a card waiting there its place
 * in the deck's order as due (filtered/card.rs); Kioku has it due now, a (re)learning card at its
 * step. A card already answered there has a time: a preview deck's Again or Hard, or a learning step.
 */
function filteredPlace(card: AnkiCardRow, state: CardState, homeDue: number, now: number): Pick<Card, 'deckId' | 'homeDeckId' | 'homeDue' | 'filteredPosition' | 'due'> {
  const waiting = card.filteredDue <= 0;
  const learning = state === CardState.Learning || state === CardState.Relearning;
  return {
    deckId: ankiDeckId(card.filteredDeckId),
    homeDeckId: ankiDeckId(card.deckId),
    ...(card.homeDueKept ? { homeDue } : {}),
    ...(card.filteredDue < 0 && card.filteredDue >= FILTERED_ORDER_START ? { filteredPosition: card.filteredDue - FILTERED_ORDER_START } : {}),
    due: card.filteredDue > 1_000_000_000 ? card.filteredDue * 1000 : waiting && !learning ? now : homeDue,
  };
}

/** rslib card/mod.rs CardQueue: SchedBuried -2 (an answer on a sibling; v1 has only this one), UserBuried -3. */
function buryOf(queue: number, now: number, rules: DayRules): Pick<Card, 'buriedUntil' | 'buriedBy'> {
  if (queue !== -2 && queue !== -3) return { buriedUntil: null };
  return { buriedUntil: nextDayStart(now, rules), buriedBy: queue === -3 ? 'learner' : 'sibling' };
}

function stateOf(type: number): CardState {
  if (type === 1) return CardState.Learning;
  if (type === 2) return CardState.Review;
  if (type === 3) return CardState.Relearning;
  return CardState.New;
}

function dueOf(card: AnkiCardRow, learnerDayOf: (day: number) => number, now: number, rules: DayRules): number {
  // New cards are due now; adding the position in milliseconds keeps Anki's new-card order.
  if (card.type === 0) return now + card.due;
  const isTimestamp = (card.type === 1 || card.type === 3) && card.due > 1_000_000_000;
  if (isTimestamp) return card.due * 1000;
  // A day past any calendar (a damaged or hostile file) has no start in any zone; its plain
  // milliseconds are out of range too, so the collection's validity rule refuses the card by name.
  if (Math.abs(card.due) > LAST_CALENDAR_DAY) return card.due * DAY;
  const day = learnerDayOf(card.due);
  return Math.abs(day) > LAST_CALENDAR_DAY ? day * DAY : dayStartOf(day, rules);
}

/** A day in the year 10,183: past the years 1–9999 the validity rule allows, well within what a Date holds. */
const LAST_CALENDAR_DAY = 3_000_000;

/** Anki's FSRS memory state lives in cards.data as JSON: `s` stability, `d` difficulty, `lrt` last review (seconds). */
function memoryFromData(data: string) {
  if (data.trim() === '' || data.trim() === '{}') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return 'invalid';
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const { s, d, lrt, ...other } = parsed as { s?: unknown; d?: unknown; lrt?: unknown } & Record<string, unknown>;
  const known = typeof s === 'number' && typeof d === 'number';
  return {
    stability: known ? s : undefined,
    difficulty: known ? d : undefined,
    lastReview: typeof lrt === 'number' ? lrt * 1000 : null,
    other,
  };
}
