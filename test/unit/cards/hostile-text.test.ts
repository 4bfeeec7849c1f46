import { describe, expect, it } from 'vitest';
import { cardText, clozeNumbers, furigana, htmlToTextLine, renderCard, stripHtml } from '../../../src/core/cards';
import { mediaReferences, renameMediaReferences } from '../../../src/core/cards/media-references';
import type { Note, NoteType } from '../../../src/core/collection/model';
import { sameTextKey } from '../../../src/core/questions/same-text';
import { noteSearchText } from '../../../src/core/search';
import { withoutCombining } from '../../../src/core/search/fold';
import { hostileFields } from '../../fixtures/hostile/generated';

const basic: NoteType = { id: 'b', name: 'Basic', kind: 'standard', fields: ['Front', 'Back'], templates: [{ name: 'Card 1', front: '{{Front}}', back: '{{FrontSide}}<hr id=answer>{{Back}}' }] };
const cloze: NoteType = { id: 'c', name: 'Cloze', kind: 'cloze', fields: ['Text', 'Extra'], templates: [{ name: 'Cloze', front: '{{cloze:Text}}', back: '{{cloze:Text}}<br>{{Extra}}' }] };
const note = (type: NoteType, fields: string[]): Note => ({ id: 'n', noteTypeId: type.id, deckId: 'd', fields, tags: [], modified: 0 });

/**
 * Every parser over card text on 1 MiB built to make it work hardest. Before, the patterns of
 * the card-as-plain-text code and of the media references scanned to the end of the text from
 * every unclosed opener: 64 KiB of `<` took 45 s, 1 MiB hours (Browse froze). How long each takes
 * is the bench's business; here each must finish and give the text a learner would expect.
 */
describe('1 MiB of hostile text in a field', () => {
  for (const { name, text } of hostileFields()) {
    it(`${name}: renders, reads as plain text, finds clozes, ruby and media`, () => {
      expect(text.length).toBeGreaterThan(1_000_000);
      const rendered = renderCard(basic, note(basic, [text, 'back']), 0);
      expect(rendered.front.length).toBeGreaterThan(0);
      expect(renderCard(cloze, note(cloze, [`{{c1::answer}} ${text}`, 'extra']), 0).back).toContain('answer');
      expect(typeof htmlToTextLine(text)).toBe('string');
      expect(typeof stripHtml(text)).toBe('string');
      expect(cardText(basic, note(basic, [text, 'back']), 0, 'answer')).toContain('back');
      expect(clozeNumbers(text).length).toBeLessThanOrEqual(1);
      expect(typeof furigana(text)).toBe('string');
      expect(Array.isArray(mediaReferences(text))).toBe(true);
      expect(renameMediaReferences(text, new Map([['a.png', 'b.png']]))).toHaveLength(text.length);
      // Browse's search text, Anki's nc: and the exam's option comparison normalise the text.
      expect(noteSearchText(note(basic, [text, 'back']))).toContain('back');
      expect(typeof withoutCombining(text)).toBe('string');
      expect(typeof sameTextKey(text)).toBe('string');
    });
  }

  it('marks stacked on one letter beyond any script are cut before text is normalised or shown, so search still finds the words', () => {
    const zalgo = `café a${'\u0301\u0308\u0332'.repeat(10)} note`;
    const kept = `a${'\u0301\u0308\u0332'.repeat(6).slice(0, 16)}`;
    expect(htmlToTextLine(zalgo)).toBe(`café ${kept} note`);
    expect(noteSearchText(note(basic, [zalgo, '']))).toContain(`${kept.normalize('NFKC')} note`);
    expect(withoutCombining(zalgo)).toBe('cafe a note');
  });

  it('text that only looks like markup stays text: unclosed openers are kept, closed ones still go', () => {
    const lt = hostileFields().find((field) => field.name === 'only <')!.text;
    expect(htmlToTextLine(lt)).toBe(lt);
    expect(htmlToTextLine('a <!-- note --> b <script>x()</script> c <style>p{}</style> d [sound:s.mp3] <!-- open')).toBe('a b c d 🔊 <!-- open');
    expect(htmlToTextLine(`x < y and ${'[sound:'.repeat(3)}`)).toBe(`x < y and ${'[sound:'.repeat(3)}`);
    expect(mediaReferences(`${'[sound:'.repeat(1000)} [sound:a.mp3] <img src="b.png">`)).toEqual([`${'[sound:'.repeat(999)} [sound:a.mp3`, 'b.png']);
  });
});
