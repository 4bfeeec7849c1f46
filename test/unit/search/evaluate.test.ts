import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../../../src/core/cards';
import { CardState, newSchedule, Rating, type Card, type Note, type NoteType } from '../../../src/core/collection/model';
import { DAY_MS } from '../../../src/core/readiness/forgettingCurve';
import { noteSearchText, parseSearch, reviewWindowStart, searchMatcher, type ReviewMark, type SearchItem } from '../../../src/core/search';

const RULES = { zone: 'Asia/Tokyo', dayStartHour: 4 };
/** 2026-12-03 12:00 in Tokyo. */
const NOW = Date.UTC(2026, 11, 3, 3);
const TODAY = Date.UTC(2026, 11, 2, 19);

const DECKS = [
  { id: 'fr', name: 'French' },
  { id: 'frv', name: 'French::Vocab' },
  { id: 'frx', name: 'Frenchy' },
  { id: 'svc', name: 'AWS Security::サービス' },
  { id: 'flt', name: 'Cram', filtered: true },
];

interface Spec {
  name: string;
  fields: string[];
  type?: NoteType;
  template?: number;
  deck?: string;
  tags?: string[];
  card?: Partial<Card> & { flag?: number };
  noteId?: string;
  modified?: number;
  reviews?: ReviewMark[];
}

const SPECS: Spec[] = [
  { name: 'dog', fields: ['dog', 'chien'], deck: 'fr', tags: ['animal'] },
  { name: 'doggy', fields: ['<b>doggy</b>', 'chiot'], deck: 'frv', tags: ['animal::mammal'], card: { state: CardState.Review, due: NOW - DAY_MS, scheduledDays: 12, stability: 12, difficulty: 6, lastReview: NOW - 13 * DAY_MS, reps: 4, lapses: 1 } },
  { name: 'underdog', fields: ['underdog', ''], deck: 'frx', tags: ['animals'], card: { state: CardState.Review, due: NOW + DAY_MS, scheduledDays: 3, stability: 3, difficulty: 3, lastReview: NOW - 2 * DAY_MS, reps: 2 } },
  { name: 'cat', fields: ['cat', 'chat'], deck: 'fr', card: { state: CardState.Learning, due: NOW + 10 * 60_000, lastReview: NOW - 60_000, stability: 0.5, difficulty: 5, reps: 1 }, reviews: [{ time: NOW - 60_000, rating: Rating.Again, wasNew: true }] },
  { name: 'a dog', fields: ['a dog barks', ''], deck: 'fr', card: { suspended: true }, tags: ['Animal'] },
  { name: 'dig', fields: ['dig', ''], deck: 'fr', card: { buriedUntil: NOW + DAY_MS }, modified: NOW - 3 * DAY_MS },
  { name: 'über', fields: ['über', ''], deck: 'fr', card: { flag: 2 }, reviews: [{ time: TODAY - DAY_MS, rating: Rating.Good, wasNew: false }] },
  { name: 'shield c1', fields: ['{{c1::AWS Shield}} は {{c2::DDoS}} を防ぐ', ''], type: CLOZE_NOTE_TYPE, template: 0, deck: 'svc', tags: ['nfr::E.8'], noteId: 'shield' },
  { name: 'shield c2', fields: ['{{c1::AWS Shield}} は {{c2::DDoS}} を防ぐ', ''], type: CLOZE_NOTE_TYPE, template: 1, deck: 'svc', tags: ['nfr::E.8'], noteId: 'shield' },
  { name: 'カタカナ', fields: ['シールド', 'ＷＡＦ'], deck: 'svc', tags: ['nfr::E.10'], noteId: `anki-note-${NOW - 2 * DAY_MS}` },
  { name: 'fresh', fields: ['fresh', ''], deck: 'flt', noteId: ulid(NOW - 60_000) },
];

const ITEMS: (SearchItem & { name: string })[] = SPECS.map((spec, i) => {
  const noteType = spec.type ?? BASIC_NOTE_TYPE;
  const note: Note = { id: spec.noteId ?? `n${i}`, noteTypeId: noteType.id, deckId: spec.deck ?? 'fr', fields: spec.fields, tags: spec.tags ?? [], modified: spec.modified ?? NOW - 30 * DAY_MS };
  const card = { ...newSchedule(NOW - 40 * DAY_MS), id: `${note.id}/${spec.template ?? 0}`, noteId: note.id, template: spec.template ?? 0, deckId: note.deckId, suspended: false, buriedUntil: null, ...spec.card };
  return { name: spec.name, card, note, noteType, noteText: noteSearchText(note) };
});

const REVIEWS = new Map(ITEMS.flatMap((item, i) => (SPECS[i]?.reviews ? [[item.card.id, SPECS[i].reviews]] : [])));

function names(search: string): string[] {
  const matches = searchMatcher(parseSearch(search), { now: NOW, rules: RULES, decks: DECKS, reviews: REVIEWS });
  return ITEMS.filter(matches).map((item) => item.name);
}

/** Anki's manual ("Searching") examples, and Kioku's own, with the cards each must find. */
const TABLE: [string, string[]][] = [
  ['dog', ['dog', 'doggy', 'underdog', 'a dog']],
  ['dog chien', ['dog']],
  ['dog or cat', ['dog', 'doggy', 'underdog', 'cat', 'a dog']],
  ['dog (chien or chiot)', ['dog', 'doggy']],
  ['-dog deck:French', ['cat', 'dig', 'über']],
  ['-(dog or cat) deck:fr*', ['dig', 'über']],
  ['"a dog"', ['a dog']],
  ['-"a dog" dog', ['dog', 'doggy', 'underdog']],
  ['d_g', ['dog', 'doggy', 'underdog', 'a dog', 'dig']],
  ['d*g', ['dog', 'doggy', 'underdog', 'a dog', 'dig']],
  ['front:dog', ['dog']],
  ['front:*dog*', ['dog', 'doggy', 'underdog', 'a dog']],
  ['back:', ['underdog', 'a dog', 'dig', 'über', 'fresh']],
  ['back:_*', ['dog', 'doggy', 'cat', 'カタカナ']],
  ['b*:chi*', ['dog', 'doggy']],
  ['fr*:d*', ['dog', 'doggy', 'dig']],
  ['deck:french', ['dog', 'doggy', 'cat', 'a dog', 'dig', 'über']],
  ['deck:french -deck:french::*', ['dog', 'cat', 'a dog', 'dig', 'über']],
  ['deck:french*', ['dog', 'doggy', 'underdog', 'cat', 'a dog', 'dig', 'über']],
  ['"deck:aws security::サービス"', ['shield c1', 'shield c2', 'カタカナ']],
  ['deck:filtered', ['fresh']],
  ['tag:animal', ['dog', 'doggy', 'a dog']],
  ['tag:ani*', ['dog', 'doggy', 'underdog', 'a dog']],
  ['tag:nfr::E.8', ['shield c1', 'shield c2']],
  ['tag:nfr::*', ['shield c1', 'shield c2', 'カタカナ']],
  ['tag:none deck:french', ['cat', 'dig', 'über']],
  ['note:cloze', ['shield c1', 'shield c2']],
  ['card:2', ['shield c2']],
  ['card:cloze', ['shield c1', 'shield c2']],
  ['is:new deck:french', ['dog', 'a dog', 'dig', 'über']],
  ['is:learn', ['cat']],
  ['is:review', ['doggy', 'underdog']],
  ['is:due', ['doggy']],
  ['is:suspended', ['a dog']],
  ['is:buried', ['dig']],
  ['flag:2', ['über']],
  ['flag:0 deck:french::vocab', ['doggy']],
  ['prop:ivl>=10', ['doggy']],
  ['prop:ivl<10 -is:new', ['underdog', 'cat']],
  ['prop:due=1', ['underdog']],
  ['prop:due=-1', ['doggy']],
  ['prop:due=0', ['cat']],
  ['prop:lapses>0', ['doggy']],
  ['prop:reps>=2', ['doggy', 'underdog']],
  ['prop:s>10', ['doggy']],
  ['prop:d>0.5', ['doggy']],
  ['prop:r<0.9', ['doggy']],
  ['rated:1', ['cat']],
  ['rated:2', ['cat', 'über']],
  ['rated:2:3', ['über']],
  ['prop:rated=-1', ['über']],
  ['introduced:1', ['cat']],
  ['edited:5', ['dig']],
  ['added:1', ['fresh']],
  ['added:3', ['カタカナ', 'fresh']],
  ['nid:shield', ['shield c1', 'shield c2']],
  ['cid:shield/1', ['shield c2']],
  ['"re:(dig|über)"', ['dig', 'über']],
  ['front:re:^d.g$', ['dog', 'dig']],
  ['nc:uber', ['über']],
  ['uber', []],
  ['ＡＷＳ　Shield', ['shield c1', 'shield c2']],
  ['ｼｰﾙﾄﾞ', ['カタカナ']],
  ['waf', ['カタカナ']],
  ['<b>', []],
];

describe('evaluating a search', () => {
  it.each(TABLE)('%s', (search, expected) => {
    expect(names(search)).toEqual(expected);
  });

  it('asks for the answers of as many days as rated: and introduced: look back', () => {
    expect(reviewWindowStart(parseSearch('dog'), NOW, RULES)).toBeNull();
    expect(reviewWindowStart(parseSearch('rated:1'), NOW, RULES)).toBe(TODAY);
    expect(reviewWindowStart(parseSearch('rated:7 or -introduced:2'), NOW, RULES)).toBe(TODAY - 6 * DAY_MS);
    expect(reviewWindowStart(parseSearch('prop:rated<-3'), NOW, RULES)).toBe(0);
  });
});
