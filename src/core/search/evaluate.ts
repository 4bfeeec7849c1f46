import { decodeTime } from 'ulid';
import { stripHtml } from '../cards';
import { CardState, type Card, type Note, type NoteType, type Rating } from '../collection/model';
import { DAY_MS, forgettingCurve, recallAfter } from '../readiness/forgettingCurve';
import { learnerDay, nextDayStart, todayStart, type DayRules } from '../scheduling/day';
import { containsMatcher, fold, globSource, wholeMatcher, withoutCombining } from './fold';
import type { Comparison, SearchNode, SearchTerm } from './tree';

/** A card as the search sees it. `noteText` is the note's fields as folded plain text (see `noteSearchText`). */
export interface SearchItem {
  card: Card & { flag?: number };
  note: Note;
  noteType: NoteType | undefined;
  noteText: string;
}

/** One answer of a card, as far as `rated:`, `introduced:` and `prop:rated` need it. */
export interface ReviewMark {
  time: number;
  rating: Rating;
  wasNew: boolean;
}

export interface SearchContext {
  now: number;
  rules: DayRules;
  decks: readonly { id: string; name: string; filtered?: boolean }[];
  /** The answers given since `reviewWindowStart(…)`, by card. */
  reviews?: ReadonlyMap<string, readonly ReviewMark[]>;
}

/** The note's fields as one folded plain text, fields divided as Anki divides them (U+001F). */
export function noteSearchText(note: Note): string {
  return fold(note.fields.map(stripHtml).join('\u001f'));
}

/** When the oldest answer a search looks at may have been given, or null when it looks at none. */
export function reviewWindowStart(node: SearchNode, now: number, rules: DayRules): number | null {
  const today = todayStart(now, rules);
  let start: number | null = null;
  const need = (time: number): void => void (start = start === null ? time : Math.min(start, time));
  const visit = (n: SearchNode): void => {
    if (n.kind === 'and' || n.kind === 'or') n.children.forEach(visit);
    else if (n.kind === 'not') visit(n.child);
    else if (n.kind === 'rated' || n.kind === 'introduced') need(today - (n.days - 1) * DAY_MS);
    else if (n.kind === 'propRated') need(n.op === '=' || n.op === '>' || n.op === '>=' ? today + Math.min(0, n.days) * DAY_MS : 0);
  };
  visit(node);
  return start;
}

/**
 * A predicate for one parsed search, built once and run on every card. Deck and note-type
 * names are matched once per search, not once per card.
 */
export function searchMatcher(node: SearchNode, context: SearchContext): (item: SearchItem) => boolean {
  return compile(node, context);
}

function compile(node: SearchNode, context: SearchContext): (item: SearchItem) => boolean {
  switch (node.kind) {
    case 'all':
      return () => true;
    case 'and': {
      const parts = node.children.map((child) => compile(child, context));
      return (item) => parts.every((part) => part(item));
    }
    case 'or': {
      const parts = node.children.map((child) => compile(child, context));
      return (item) => parts.some((part) => part(item));
    }
    case 'not': {
      const inner = compile(node.child, context);
      return (item) => !inner(item);
    }
    default:
      return compileTerm(node, context);
  }
}

function compare(op: Comparison, a: number, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '=':
      return a === b;
    case '!=':
      return a !== b;
  }
}

/** Deck ids a `deck:` glob names: a matching deck and every deck below it, as Anki does. */
export function decksMatching(glob: string, decks: SearchContext['decks']): Set<string> {
  if (fold(glob) === 'filtered') return new Set(decks.filter((deck) => deck.filtered === true).map((deck) => deck.id));
  const matches = wholeMatcher(glob);
  const ids = new Set<string>();
  for (const deck of decks) {
    const parts = fold(deck.name).split('::');
    if (parts.some((_, i) => matches(parts.slice(0, i + 1).join('::')))) ids.add(deck.id);
  }
  return ids;
}

/** `tag:a` finds `a` and `a::b` but not `ab`; `tag:none` finds notes without tags. */
function tagMatcher(glob: string): (note: Note) => boolean {
  if (fold(glob) === 'none') return (note) => note.tags.length === 0;
  const re = new RegExp(`^${globSource(glob)}(?:::.*)?$`);
  return (note) => note.tags.some((tag) => re.test(fold(tag)));
}

function fieldIndexes(noteType: NoteType | undefined, fieldGlob: string): number[] {
  if (!noteType) return [];
  const matches = wholeMatcher(fieldGlob);
  return noteType.fields.flatMap((name, i) => (matches(fold(name)) ? [i] : []));
}

/**
 * When a note was added: the time kept on it, else what its id tells (an Anki note's id is its
 * creation time, a note added in Kioku has a ULID); null for a note stored before Kioku kept the time.
 */
export function noteAddedAt(note: Note): number | null {
  if (note.added !== undefined) return note.added;
  const anki = /^anki-note-(\d+)$/.exec(note.id);
  if (anki) return Number(anki[1]);
  try {
    return decodeTime(note.id);
  } catch {
    return null;
  }
}

/**
 * The note as stored: the time it entered the collection stays what it was (`before` is the stored
 * note it replaces), and a new note whose id tells no time gets `now`, so Card info, Browse and
 * `added:` know it.
 */
export function withAddedTime(note: Note, before: Note | undefined, now: number): Note {
  const { added: _added, ...rest } = note;
  const added = before ? before.added : noteAddedAt(note) === null ? now : note.added;
  return added === undefined ? rest : { ...rest, added };
}

function isBuried(card: Card, now: number): boolean {
  return card.buriedUntil !== null && card.buriedUntil > now;
}

function compileTerm(term: SearchTerm, context: SearchContext): (item: SearchItem) => boolean {
  const { now, rules } = context;
  const today = todayStart(now, rules);
  const daysBack = (days: number): number => today - (days - 1) * DAY_MS;
  switch (term.kind) {
    case 'text': {
      const matches = containsMatcher(term.glob);
      return (item) => matches(item.noteText);
    }
    case 'noCombining': {
      const matches = containsMatcher(withoutCombining(fold(term.glob)));
      return (item) => matches(withoutCombining(item.noteText));
    }
    case 'regex': {
      const re = new RegExp(term.re, 'i');
      return (item) => item.note.fields.some((field) => re.test(field));
    }
    case 'field':
    case 'fieldNoCombining': {
      const noCombining = term.kind === 'fieldNoCombining';
      const matches = wholeMatcher(noCombining ? withoutCombining(fold(term.glob)) : term.glob);
      return (item) =>
        fieldIndexes(item.noteType, term.field).some((i) => {
          const text = fold(stripHtml(item.note.fields[i] ?? ''));
          return matches(noCombining ? withoutCombining(text) : text);
        });
    }
    case 'fieldRegex': {
      const re = new RegExp(term.re, 'i');
      return (item) => fieldIndexes(item.noteType, term.field).some((i) => re.test(item.note.fields[i] ?? ''));
    }
    case 'deck': {
      const ids = decksMatching(term.glob, context.decks);
      return (item) => ids.has(item.card.deckId);
    }
    case 'tag': {
      const matches = tagMatcher(term.glob);
      return (item) => matches(item.note);
    }
    case 'tagRegex': {
      const re = new RegExp(term.re, 'i');
      return (item) => item.note.tags.some((tag) => re.test(tag));
    }
    case 'noteType': {
      const matches = wholeMatcher(term.glob);
      return (item) => item.noteType !== undefined && matches(fold(item.noteType.name));
    }
    case 'template':
      return (item) => item.card.template === term.ordinal;
    case 'templateName': {
      const matches = wholeMatcher(term.glob);
      return (item) => {
        const type = item.noteType;
        const template = type?.kind === 'cloze' ? type.templates[0] : type?.templates[item.card.template];
        return template !== undefined && matches(fold(template.name));
      };
    }
    case 'state':
      return stateMatcher(term.state, now, nextDayStart(now, rules));
    case 'flag':
      return (item) => (item.card.flag ?? 0) === term.flag;
    case 'prop':
      return propMatcher(term, context);
    case 'rated':
    case 'introduced': {
      const since = daysBack(term.days);
      const reviews = context.reviews;
      const wanted = term.kind === 'rated' ? term.rating : null;
      return (item) =>
        (reviews?.get(item.card.id) ?? []).some(
          (mark) => mark.time >= since && (term.kind === 'rated' ? wanted === null || mark.rating === wanted : mark.wasNew),
        );
    }
    case 'propRated': {
      const todayNumber = learnerDay(now, rules);
      const reviews = context.reviews;
      return (item) =>
        (reviews?.get(item.card.id) ?? []).some(
          (mark) => compare(term.op, learnerDay(mark.time, rules) - todayNumber, term.days) && (term.rating === null || mark.rating === term.rating),
        );
    }
    case 'added': {
      const since = daysBack(term.days);
      return (item) => (noteAddedAt(item.note) ?? -Infinity) >= since;
    }
    case 'edited': {
      const since = daysBack(term.days);
      return (item) => item.note.modified >= since;
    }
    case 'noteIds': {
      const ids = new Set(term.ids);
      return (item) => ids.has(item.note.id);
    }
    case 'cardIds': {
      const ids = new Set(term.ids);
      return (item) => ids.has(item.card.id);
    }
  }
}

function stateMatcher(state: Extract<SearchTerm, { kind: 'state' }>['state'], now: number, tomorrow: number): (item: SearchItem) => boolean {
  switch (state) {
    case 'new':
      return ({ card }) => card.state === CardState.New;
    case 'learn':
      return ({ card }) => card.state === CardState.Learning || card.state === CardState.Relearning;
    case 'review':
      return ({ card }) => card.state === CardState.Review || card.state === CardState.Relearning;
    case 'due':
      return ({ card }) => {
        if (card.suspended || isBuried(card, now) || card.state === CardState.New) return false;
        return card.state === CardState.Review ? card.due < tomorrow : card.due <= now;
      };
    case 'suspended':
      return ({ card }) => card.suspended;
    case 'buried':
    case 'buried-manually':
    case 'buried-sibling':
      return ({ card }) => isBuried(card, now);
  }
}

function propMatcher(term: Extract<SearchTerm, { kind: 'prop' }>, context: SearchContext): (item: SearchItem) => boolean {
  const { op, value } = term;
  switch (term.property) {
    case 'ivl':
      return ({ card }) => card.state !== CardState.New && compare(op, Math.round(card.scheduledDays), value);
    // Anki counts a review card's due in learner days and a learning card's from the next day's start.
    case 'due': {
      const todayNumber = learnerDay(context.now, context.rules);
      const tomorrow = nextDayStart(context.now, context.rules);
      return ({ card }) => {
        if (card.suspended || card.state === CardState.New) return false;
        const days = card.state === CardState.Review ? learnerDay(card.due, context.rules) - todayNumber : Math.trunc((card.due - tomorrow) / DAY_MS);
        return compare(op, days, value);
      };
    }
    case 'reps':
      return ({ card }) => compare(op, card.reps, value);
    case 'lapses':
      return ({ card }) => compare(op, card.lapses, value);
    case 's':
      return ({ card }) => card.state !== CardState.New && compare(op, card.stability, value);
    // Anki takes difficulty as 0–1 and FSRS keeps it as 1–10.
    case 'd':
      return ({ card }) => card.state !== CardState.New && compare(op, card.difficulty, value * 9 + 1);
    case 'r': {
      const curve = forgettingCurve();
      return ({ card }) =>
        card.state !== CardState.New &&
        card.lastReview !== null &&
        compare(op, recallAfter(curve, (context.now - card.lastReview) / DAY_MS, card.stability), value);
    }
    // FSRS keeps no ease factor, and Kioku no new-card position: nothing has them.
    case 'ease':
    case 'pos':
      return () => false;
  }
}
