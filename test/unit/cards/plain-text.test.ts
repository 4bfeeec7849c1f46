import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, BASIC_REVERSED_NOTE_TYPE, CLOZE_NOTE_TYPE, cardText, htmlToTextLine, shortened } from '../../../src/core/cards';
import { noteOf } from './helpers';

describe('a card as plain text', () => {
  it('shows each cloze sibling as its own card asks it, never the raw {{c1::…}}', () => {
    const note = noteOf(CLOZE_NOTE_TYPE, ['{{c1::AWS Shield}} は {{c2::DDoS::攻撃}} を防ぐ', '']);
    expect(cardText(CLOZE_NOTE_TYPE, note, 0)).toBe('[...] は DDoS を防ぐ');
    expect(cardText(CLOZE_NOTE_TYPE, note, 1)).toBe('AWS Shield は [攻撃] を防ぐ');
    expect(cardText(CLOZE_NOTE_TYPE, note, 1, 'answer')).toBe('AWS Shield は DDoS を防ぐ');
  });

  it('puts a small marker where media is, and no markup', () => {
    const note = noteOf(BASIC_NOTE_TYPE, ['Listen [sound:shield.mp3]<br>and look <img src="waf.png">', 'WAF&nbsp;&amp; Shield']);
    expect(cardText(BASIC_NOTE_TYPE, note, 0)).toBe('Listen 🔊 and look 🖼');
    expect(cardText(BASIC_NOTE_TYPE, note, 0, 'answer')).toBe('WAF & Shield');
  });

  it('shows the answer side of a reversed card without repeating the question', () => {
    const note = noteOf(BASIC_REVERSED_NOTE_TYPE, ['機密性', 'confidentiality']);
    expect(cardText(BASIC_REVERSED_NOTE_TYPE, note, 1)).toBe('confidentiality');
    expect(cardText(BASIC_REVERSED_NOTE_TYPE, note, 1, 'answer')).toBe('機密性');
  });

  it('drops styles, scripts and comments, and decodes numeric entities', () => {
    expect(htmlToTextLine('<style>.a{color:red}</style><script>alert(1)</script><!-- x --><div>&#x6A5F;&#23494;</div><div>性</div>')).toBe('機密 性');
  });

  it('cuts a long text without splitting a character', () => {
    expect(shortened('😀😀😀😀', 3)).toBe('😀😀…');
    expect(shortened('短い', 3)).toBe('短い');
  });
});
