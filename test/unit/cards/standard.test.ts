import { describe, expect, it } from 'vitest';
import type { NoteType } from '../../../src/core/collection/model';
import {
  BASIC_NOTE_TYPE,
  BASIC_REVERSED_NOTE_TYPE,
  cardId,
  cardTemplatesFor,
  newCardsFor,
  renderCard,
} from '../../../src/core/cards';
import { noteOf } from './helpers';

const OPTIONAL_REVERSED: NoteType = {
  id: 'optional-reversed',
  name: 'Basic (optional reversed card)',
  kind: 'standard',
  fields: ['Front', 'Back', 'Add Reverse'],
  templates: [
    { name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}<hr>{{Back}}' },
    { name: 'Card 2', front: '{{#Add Reverse}}{{Back}}{{/Add Reverse}}', back: '{{FrontSide}}<hr>{{Front}}' },
  ],
};

describe('standard note types', () => {
  it('a basic note shows its front, and the back repeats the front above the answer', () => {
    const note = noteOf(BASIC_NOTE_TYPE, ['E.6 データの秘匿 が対象とする脅威は？', '通信傍受、データ漏洩']);
    expect(cardTemplatesFor(BASIC_NOTE_TYPE, note)).toEqual([0]);
    const card = renderCard(BASIC_NOTE_TYPE, note, 0);
    expect(card.front).toBe('E.6 データの秘匿 が対象とする脅威は？');
    expect(card.back).toBe('E.6 データの秘匿 が対象とする脅威は？<hr id="answer">通信傍受、データ漏洩');
  });

  it('a reversed note gives two cards, the second asking from the back', () => {
    const note = noteOf(BASIC_REVERSED_NOTE_TYPE, ['AWS Shield', 'DDoS 対策']);
    expect(cardTemplatesFor(BASIC_REVERSED_NOTE_TYPE, note)).toEqual([0, 1]);
    const second = renderCard(BASIC_REVERSED_NOTE_TYPE, note, 1);
    expect(second.front).toBe('DDoS 対策');
    expect(second.back).toContain('AWS Shield');
  });

  it('a card whose front would show no field is not made (Anki rule)', () => {
    const note = noteOf(BASIC_REVERSED_NOTE_TYPE, ['AWS Shield', '  <br> ']);
    expect(cardTemplatesFor(BASIC_REVERSED_NOTE_TYPE, note)).toEqual([0]);
  });

  it('static text alone on the front does not make a card', () => {
    const type: NoteType = { ...BASIC_NOTE_TYPE, templates: [{ name: 'Q', front: 'Q: {{Front}}', back: '{{Back}}' }] };
    expect(cardTemplatesFor(type, noteOf(type, ['', 'answer']))).toEqual([]);
    expect(cardTemplatesFor(type, noteOf(type, ['question', 'answer']))).toEqual([0]);
  });

  it('the optional reverse card exists only when its switch field is filled', () => {
    expect(cardTemplatesFor(OPTIONAL_REVERSED, noteOf(OPTIONAL_REVERSED, ['a', 'b', '']))).toEqual([0]);
    expect(cardTemplatesFor(OPTIONAL_REVERSED, noteOf(OPTIONAL_REVERSED, ['a', 'b', 'y']))).toEqual([0, 1]);
  });

  it('inverted sections show only when the field is empty', () => {
    const type: NoteType = {
      ...BASIC_NOTE_TYPE,
      templates: [{ name: 'C', front: '{{Front}}{{^Back}} (no answer yet){{/Back}}{{#Back}} ✓{{/Back}}', back: '' }],
    };
    expect(renderCard(type, noteOf(type, ['IAM', '']), 0).front).toBe('IAM (no answer yet)');
    expect(renderCard(type, noteOf(type, ['IAM', 'x']), 0).front).toBe('IAM ✓');
  });

  it('text: strips HTML, type: marks the type-in box as Anki does, unknown fields render empty', () => {
    const type: NoteType = {
      ...BASIC_NOTE_TYPE,
      templates: [{ name: 'C', front: '{{text:Front}}[{{type:Back}}][{{Nope}}]', back: '{{Back}}' }],
    };
    const card = renderCard(type, noteOf(type, ['<b>AWS</b> &amp; <i>IAM</i>', 'x']), 0);
    expect(card.front).toBe('AWS & IAM[[[type:Back]]][]');
    expect(card.typeAnswer).toEqual({ kind: 'plain', expected: 'x' });
  });

  it('HTML in fields is passed through unsanitised', () => {
    const note = noteOf(BASIC_NOTE_TYPE, ['<img src=x onerror=alert(1)>', 'b']);
    expect(renderCard(BASIC_NOTE_TYPE, note, 0).front).toBe('<img src=x onerror=alert(1)>');
  });

  it('special fields Tags and Type are available', () => {
    const type: NoteType = { ...BASIC_NOTE_TYPE, templates: [{ name: 'C', front: '{{Front}} {{Tags}} {{Type}}', back: '' }] };
    expect(renderCard(type, noteOf(type, ['q', 'a'], ['kind::concept', 'nfr::E.6']), 0).front).toBe(
      'q kind::concept nfr::E.6 Basic',
    );
  });

  it('card ids are derived from the note and template, so they survive reinstalling', () => {
    expect(cardId('n_abc', 1)).toBe('n_abc/1');
    const note = noteOf(BASIC_REVERSED_NOTE_TYPE, ['a', 'b']);
    const cards = newCardsFor(BASIC_REVERSED_NOTE_TYPE, note, 1000);
    expect(cards.map((c) => c.id)).toEqual(['n1/0', 'n1/1']);
    expect(cards.every((c) => c.due === 1000 && c.state === 0 && c.deckId === 'd1')).toBe(true);
  });
});
