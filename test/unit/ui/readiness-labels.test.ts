import { beforeEach, describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../../../src/core/cards';
import { CardState, type Card, type Note } from '../../../src/core/collection/model';
import { planForExam } from '../../../src/core/readiness/projection/examPlan';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import { percent } from '../../../src/renderer/src/i18n/percent';
import { cardQuestion, suggestionText, topicLabel, verdictText } from '../../../src/renderer/src/screens/readiness/readiness-labels';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1);

beforeEach(() => setLanguage('en'));

function card(id: string, studied: boolean): Card {
  return {
    id,
    noteId: id,
    template: 0,
    deckId: 'deck',
    due: NOW + 3 * DAY,
    stability: studied ? 10 : 0,
    difficulty: studied ? 5 : 0,
    elapsedDays: 0,
    scheduledDays: studied ? 10 : 0,
    reps: studied ? 3 : 0,
    lapses: 0,
    learningSteps: 0,
    state: studied ? CardState.Review : CardState.New,
    lastReview: studied ? NOW - DAY : null,
    suspended: false,
    buriedUntil: null,
  };
}

function plan(cards: Card[], target: number, newCardsPerDay: number) {
  return planForExam({
    cards,
    secondsPerReview: 8,
    now: NOW,
    examDate: NOW + 30 * DAY,
    rules: { zone: 'UTC', dayStartHour: 4 },
    target,
    newCardsPerDay,
    reviewsPerDay: 200,
    desiredRetention: 0.9,
  });
}

describe('topic labels', () => {
  it('name NFR items and kinds in the learner’s language instead of raw tags', () => {
    expect(topicLabel('nfr', 'E.6', 'E.6')).toBe('E.6 Data confidentiality');
    expect(topicLabel('kind', 'threat-service', 'threat-service')).toBe('Threat ↔ service');
    setLanguage('ja');
    expect(topicLabel('nfr', 'E.10', 'E.10')).toBe('E.10 Web対策');
    expect(topicLabel('kind', 'service-description', 'service-description')).toBe('サービスの説明');
  });

  it('keep names the catalog does not know, and show deck paths readably', () => {
    expect(topicLabel('nfr', 'F.2', 'F.2')).toBe('F.2');
    expect(topicLabel('kind', 'user-made', 'user-made')).toBe('user made');
    expect(topicLabel('deck', 'd1', 'AWS Security::IAM')).toBe('AWS Security › IAM');
    expect(topicLabel('tag', 'nfr::E.6', 'nfr::E.6')).toBe('nfr::E.6');
  });
});

describe('verdict', () => {
  it('says the target is reached when the current limits reach it', () => {
    const done = plan([card('a', true), card('b', true)], 0.5, 20);
    expect(done.verdict).toBe('on-track');
    expect(verdictText(done)).toBe(`On track: your current limits reach ${percent(done.current.examScore)}, at or above your target of 50%.`);
  });

  it('names the new cards a day and minutes a day that would reach the target', () => {
    const cards = [card('a', true), ...Array.from({ length: 40 }, (_, i) => card(`new-${i}`, false))];
    const done = plan(cards, 0.8, 0);
    expect(done.verdict).toBe('needs-more-new-cards');
    expect(verdictText(done)).toMatch(/^Not yet: your current limits reach \d+%, below your target of 80%\.$/);
    const perDay = done.suggestion?.newCardsPerDay ?? 0;
    expect(perDay).toBeGreaterThan(0);
    expect(suggestionText(done)).toBe(
      `The smallest plan that reaches it: ${perDay} new cards a day, about ${Math.ceil(done.suggestion?.projection.minutesPerDay ?? 0)} min a day.`,
    );
    setLanguage('ja');
    expect(verdictText(done)).toMatch(/^まだ足りません: /);
    expect(suggestionText(done)).toContain(`1日 ${perDay} 枚の新規カード`);
  });

  it('says plainly when no plan reaches the target', () => {
    const done = plan([card('a', false)], 1, 0);
    expect(done.verdict).toBe('out-of-reach');
    expect(verdictText(done)).toBe('Out of reach: even learning every new card before the exam does not reach 100% (now heading for 0%).');
    expect(suggestionText(done)).toBeNull();
  });
});

describe('a weak card’s question', () => {
  it('is the card’s question as plain text on one line', () => {
    const note: Note = { id: 'n', noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'deck', fields: ['<b>脅威</b>「DDoS」は<br>どの項目？', 'E.8'], tags: [], modified: NOW };
    expect(cardQuestion(card('n/0', true), note, BASIC_NOTE_TYPE)).toBe('脅威「DDoS」は どの項目？');
  });

  it('of a cloze card shows its own deletion hidden and its siblings’ text', () => {
    const note: Note = { id: 'n', noteTypeId: CLOZE_NOTE_TYPE.id, deckId: 'deck', fields: ['{{c1::Shield}} stops {{c2::DDoS}}', ''], tags: [], modified: NOW };
    expect(cardQuestion({ ...card('n/1', true), template: 1 }, note, CLOZE_NOTE_TYPE)).toBe('Shield stops [...]');
  });
});
