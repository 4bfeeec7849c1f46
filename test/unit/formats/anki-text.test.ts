import { describe, expect, it } from 'vitest';
import { readDeckFile } from '../../../src/core/files/read-file';
import { readCsv, writeCsv } from '../../../src/core/formats';
import { ankiNotesInPlainText, type AnkiTextNote, type AnkiTextOptions } from '../../fixtures/anki-format/anki-text';

const NOTES: AnkiTextNote[] = [
  { guid: 'Ab1#x', notetype: 'Basic', deck: 'AWS::IAM', fields: ['<b>IAM</b> role', 'temporary credentials<br>via STS'], tags: ['aws', 'iam'] },
  { guid: 'Cd2$y', notetype: 'Cloze', deck: 'AWS::KMS', fields: ['{{c1::KMS}} keys rotate {{c2::yearly}}', 'auto'], tags: [] },
  { guid: 'Ef3%z', notetype: 'Vocab', deck: '日本語', fields: ['猫', 'cat', 'ねこ'], tags: ['jlpt'] },
  // An image-only note: its first field has a picture and nothing else, which Anki imports.
  { guid: 'Gh4&w', notetype: 'Basic', deck: 'AWS::IAM', fields: ['<img src="diagram.png">', 'the IAM policy flow'], tags: [] },
];

const ALL: AnkiTextOptions = { withHtml: true, withTags: true, withDeck: true, withNotetype: true, withGuid: true };
const read = (text: string, name = 'notes.txt') => readCsv(text, name, { now: 1 });

describe("Anki's Notes in Plain Text export", () => {
  it('reads every column role: guid, note type, deck, fields and tags, with no header line taken for a note', async () => {
    const file = await readDeckFile(new TextEncoder().encode(ankiNotesInPlainText(NOTES, ALL)), 'All Decks.txt', { withScheduling: false, now: 1 });
    const { data, skipped } = file;
    expect(skipped).toEqual([]);
    const deckOf = (id: string) => data.decks.find((d) => d.id === id)?.name;
    const typeOf = (id: string) => data.noteTypes.find((t) => t.id === id)?.name;
    expect(data.notes.map((n) => [n.guid, typeOf(n.noteTypeId), deckOf(n.deckId), n.fields, n.tags])).toEqual([
      ['Ab1#x', 'Basic', 'AWS::IAM', ['<b>IAM</b> role', 'temporary credentials<br>via STS'], ['aws', 'iam']],
      ['Cd2$y', 'Cloze', 'AWS::KMS', ['{{c1::KMS}} keys rotate {{c2::yearly}}', 'auto'], []],
      ['Ef3%z', 'Vocab', '日本語', ['猫', 'cat', 'ねこ'], ['jlpt']],
      ['Gh4&w', 'Basic', 'AWS::IAM', ['<img src="diagram.png">', 'the IAM policy flow'], []],
    ]);
  });

  it('reads each header option on its own: without guid, note type, deck or tags columns', () => {
    for (const drop of ['withGuid', 'withNotetype', 'withDeck', 'withTags'] as const) {
      const { collection } = read(ankiNotesInPlainText(NOTES.slice(0, 2), { ...ALL, [drop]: false }), 'Deck.txt');
      expect(collection.notes.map((n) => n.fields[0])).toEqual(['<b>IAM</b> role', '{{c1::KMS}} keys rotate {{c2::yearly}}']);
      expect(collection.notes.every((n) => (n.guid !== undefined) === (drop !== 'withGuid'))).toBe(true);
      expect(collection.decks.map((d) => d.name).sort()).toEqual(drop === 'withDeck' ? ['Deck'] : ['AWS::IAM', 'AWS::KMS']);
      expect(collection.notes[0]!.tags).toEqual(drop === 'withTags' ? [] : ['aws', 'iam']);
    }
  });

  it('escapes fields of a file marked #html:false, as Anki does', () => {
    const text = '#separator:tab\n#html:false\nx < y & z\tline\n';
    expect(read(text).collection.notes[0]!.fields).toEqual(['x &lt; y &amp; z', 'line']);
  });

  it('takes #separator, #deck, #tags and a first tags: line, and skips # comment lines', () => {
    const text = 'tags:imported\n#separator:Pipe\n#deck:AWS::S3\n#notetype:Basic\nS3|object storage\n# a comment\nGlacier|archive\n';
    const { collection, delimiter } = read(text);
    expect(delimiter).toBe('|');
    expect(collection.decks.map((d) => d.name)).toEqual(['AWS::S3']);
    expect(collection.notes.map((n) => [n.fields, n.tags])).toEqual([
      [['S3', 'object storage'], ['imported']],
      [['Glacier', 'archive'], ['imported']],
    ]);
  });

  it('updates by guid: the same file again gives the same note ids', () => {
    const first = read(ankiNotesInPlainText(NOTES, ALL)).collection.notes.map((n) => n.id);
    const changed = NOTES.map((n) => ({ ...n, fields: n.fields.map((f) => `${f}!`) }));
    expect(read(ankiNotesInPlainText(changed, ALL)).collection.notes.map((n) => n.id)).toEqual(first);
  });

  it('skips a note with an empty first field and imports the rest', () => {
    const withEmpty = [...NOTES, { ...NOTES[0]!, guid: 'Ij5', fields: ['', 'only a back'] }];
    const { collection, skipped } = read(ankiNotesInPlainText(withEmpty, ALL));
    expect(collection.notes).toHaveLength(4);
    expect(skipped).toEqual([{ kind: 'row', name: '11', reason: 'empty-first-field', detail: {} }]);
  });

  it("a deck name with '::' survives Kioku's own CSV, because the separator is declared", () => {
    const data = read(ankiNotesInPlainText(NOTES.slice(0, 1), ALL)).collection;
    const again = readCsv(writeCsv(data), 'again.csv', { now: 1 }).collection;
    expect(again.decks.map((d) => d.name)).toEqual(['AWS::IAM']);
    expect(again.notes[0]!.fields).toEqual(data.notes[0]!.fields);
  });
});
