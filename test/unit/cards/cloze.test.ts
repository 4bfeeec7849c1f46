import { describe, expect, it } from 'vitest';
import { CLOZE_NOTE_TYPE, cardTemplatesFor, renderCard } from '../../../src/core/cards';
import { noteOf } from './helpers';

const TEXT = '{{c1::クラウドのセキュリティ}}はAWS、{{c2::クラウド内のセキュリティ::どこの}}はユーザ、{{c1::AWS}}';

describe('cloze notes', () => {
  it('one card per distinct cloze number, index = number − 1', () => {
    expect(cardTemplatesFor(CLOZE_NOTE_TYPE, noteOf(CLOZE_NOTE_TYPE, [TEXT, '']))).toEqual([0, 1]);
    const gaps = noteOf(CLOZE_NOTE_TYPE, ['{{c3::a}} {{c1::b}} {{c3::c}}', '']);
    expect(cardTemplatesFor(CLOZE_NOTE_TYPE, gaps)).toEqual([0, 2]);
  });

  it('a cloze note without deletions has no cards', () => {
    expect(cardTemplatesFor(CLOZE_NOTE_TYPE, noteOf(CLOZE_NOTE_TYPE, ['plain text', '']))).toEqual([]);
  });

  it('the front hides every deletion of the active number and shows the others', () => {
    const card = renderCard(CLOZE_NOTE_TYPE, noteOf(CLOZE_NOTE_TYPE, [TEXT, '']), 0);
    expect(card.front).toBe(
      '<span class="cloze" data-cloze="クラウドのセキュリティ" data-ordinal="1">[...]</span>はAWS、<span class="cloze-inactive" data-ordinal="2">クラウド内のセキュリティ</span>はユーザ、<span class="cloze" data-cloze="AWS" data-ordinal="1">[...]</span>',
    );
  });

  it('a hint replaces the dots on the front', () => {
    const card = renderCard(CLOZE_NOTE_TYPE, noteOf(CLOZE_NOTE_TYPE, [TEXT, '']), 1);
    expect(card.front).toBe(
      '<span class="cloze-inactive" data-ordinal="1">クラウドのセキュリティ</span>はAWS、<span class="cloze" data-cloze="クラウド内のセキュリティ" data-ordinal="2">[どこの]</span>はユーザ、<span class="cloze-inactive" data-ordinal="1">AWS</span>',
    );
  });

  it('the back reveals the answer in a cloze span and adds Back Extra', () => {
    const card = renderCard(CLOZE_NOTE_TYPE, noteOf(CLOZE_NOTE_TYPE, [TEXT, '責任共有モデル']), 1);
    expect(card.back).toBe(
      '<span class="cloze-inactive" data-ordinal="1">クラウドのセキュリティ</span>はAWS、<span class="cloze" data-ordinal="2">クラウド内のセキュリティ</span>はユーザ、<span class="cloze-inactive" data-ordinal="1">AWS</span><br>責任共有モデル',
    );
  });
});
