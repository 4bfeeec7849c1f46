import { describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../../../src/core/cards/note-types';
import type { CollectionData } from '../../../src/core/collection/model';
import { ImportError, MAX_FIELD_CHARS, readCsv, writeCsv } from '../../../src/core/formats';
import { fixture } from './helpers/fixtures';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readCsv', () => {
  it('reads a header row with front, back, tags and deck columns into Basic notes', () => {
    const { collection, hasHeader, delimiter } = readCsv('Front,Back,Tags,Deck\n猫,cat,animals jlpt5,日本語::N5\n犬,dog,,\n', 'words.csv');
    expect(hasHeader).toBe(true);
    expect(delimiter).toBe(',');
    expect(collection.noteTypes).toEqual([BASIC_NOTE_TYPE]);
    expect(collection.notes.map((n) => [n.fields, n.tags])).toEqual([
      [['猫', 'cat'], ['animals', 'jlpt5']],
      [['犬', 'dog'], []],
    ]);
    const deckName = (id: string) => collection.decks.find((d) => d.id === id)?.name;
    expect(collection.notes.map((n) => deckName(n.deckId))).toEqual(['日本語::N5', 'words']);
  });

  it('detects semicolons and tabs, and takes the first two columns when there is no header', () => {
    const semicolon = readCsv('a;b\nc;"d;e"\n', 'x.csv');
    expect(semicolon.delimiter).toBe(';');
    expect(semicolon.hasHeader).toBe(false);
    expect(semicolon.collection.notes.map((n) => n.fields)).toEqual([['a', 'b'], ['c', 'd;e']]);
    const tab = readCsv('one\tuno\textra\ntwo\tdos\textra\n', 'x.tsv');
    expect(tab.delimiter).toBe('\t');
    expect(tab.collection.notes.map((n) => n.fields)).toEqual([['one', 'uno'], ['two', 'dos']]);
  });

  it('lets the caller override header detection and map columns by name or index', () => {
    const asData = readCsv('front,back\nq,a\n', 'x.csv', { header: false });
    expect(asData.collection.notes.map((n) => n.fields)).toEqual([['front', 'back'], ['q', 'a']]);
    const byName = readCsv('id,answer text,question text\n1,A,Q\n', 'x.csv', { header: true, columns: { front: 'question text', back: 'answer text' } });
    expect(byName.collection.notes[0]!.fields).toEqual(['Q', 'A']);
    const byIndex = readCsv('1,A,Q,t1 t2\n', 'x.csv', { columns: { front: 2, back: 1, tags: 3 } });
    expect(byIndex.collection.notes[0]).toMatchObject({ fields: ['Q', 'A'], tags: ['t1', 't2'] });
    expect(() => readCsv('a,b\n1,2\n', 'x.csv', { header: true, columns: { front: 'nope', back: 'b' } })).toThrow(/x\.csv, row 1: no column named "nope"/);
  });

  it('reads UTF-8 with a BOM and quoted fields containing newlines, commas and quotes', () => {
    const text = '\uFEFFfront,back\n"line one\nline two","say ""hi"", please"\n';
    const { collection } = readCsv(bytes(text), 'q.csv');
    expect(collection.notes[0]!.fields).toEqual(['line one\nline two', 'say "hi", please']);
  });

  it('refuses invalid UTF-8 and names the line', () => {
    const bad = new Uint8Array([...bytes('a,b\nc,d\n'), 0xff, 0xfe, ...bytes(',x\n')]);
    expect(() => readCsv(bad, 'latin1.csv')).toThrow(/latin1\.csv, line 3: .*not valid UTF-8/);
  });

  it('refuses an unbalanced quote and names the row', () => {
    expect(() => readCsv('a,b\nc,"never closed\nd,e\n', 'broken.csv')).toThrow(/broken\.csv, row 2: .*unbalanced " quote/);
  });

  it('gives the same note ids on re-import so notes update instead of duplicating', () => {
    const first = readCsv('猫,cat\n', 'deck.csv').collection.notes[0]!;
    const edited = readCsv('猫,a cat (edited)\n', 'deck.csv').collection.notes[0]!;
    const otherDeck = readCsv('猫,cat\n', 'other.csv').collection.notes[0]!;
    expect(edited.id).toBe(first.id);
    expect(otherDeck.id).not.toBe(first.id);
  });

  it('skips the same front twice in one deck, an empty front and an enormous field, and reads the other rows', () => {
    const huge = 'x'.repeat(MAX_FIELD_CHARS + 1);
    const { collection, skipped } = readCsv(`a,1\nb,2\na,3\n,4\nc,${huge}\nd,5\n`, 'x.csv');
    expect(collection.notes.map((n) => n.fields[0])).toEqual(['a', 'b', 'd']);
    expect(skipped).toEqual([
      { kind: 'row', name: '3', reason: 'duplicate-row', detail: { row: 1, deck: 'x' } },
      { kind: 'row', name: '4', reason: 'empty-first-field', detail: {} },
      { kind: 'row', name: '5', reason: 'field-too-long', detail: { side: 'back', characters: 1048577 } },
    ]);
    expect(() => readCsv(',1\n', 'x.csv')).toThrow(/x\.csv: has no rows with a front and back/);
  });

  it('reports progress and stops with an abort error when cancelled', () => {
    const rows = Array.from({ length: 500 }, (_, i) => `q${i},a${i}`).join('\n');
    const seen: number[] = [];
    readCsv(rows, 'x.csv', { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(10);
    const controller = new AbortController();
    controller.abort();
    expect(() => readCsv(rows, 'x.csv', { signal: controller.signal })).toThrow(expect.objectContaining({ name: 'AbortError' }));
  });

  it('reads spreadsheet exports: a Japanese TSV with BOM and CRLF, a semicolon CSV with English headers', () => {
    const tsv = readCsv(fixture('formats/jlpt-n5.tsv'), 'jlpt-n5.tsv');
    expect([tsv.delimiter, tsv.hasHeader]).toEqual(['\t', true]);
    expect(tsv.collection.notes.map((n) => [n.fields, n.tags])).toEqual([
      [['猫', 'ねこ (cat)'], ['animals']],
      [['犬\r\nいぬ', 'dog'], []],
    ]);
    expect(tsv.collection.decks).toEqual([expect.objectContaining({ name: 'jlpt-n5' })]);
    const csv = readCsv(fixture('formats/aws-semicolon.csv'), 'aws-semicolon.csv', { deckName: 'AWS' });
    expect(csv.delimiter).toBe(';');
    expect(csv.collection.notes.map((n) => n.fields)).toEqual([
      ['What does IAM stand for?', 'Identity; Access Management'],
      ['KMS', 'Key Management Service'],
    ]);
  });

  it('refuses a file with no notes in it', () => {
    expect(() => readCsv('front,back\n\n', 'empty.csv')).toThrow(/empty\.csv: has no rows/);
  });

  it('throws ImportError for every bad file', () => {
    expect(() => readCsv('a,"b\n', 'x.csv')).toThrow(ImportError);
  });
});

describe('writeCsv', () => {
  it("writes Anki's header lines and no column-name row, and reads back the same notes", () => {
    const original = readCsv('front,back,tags,deck\n"a, comma","multi\nline",t1 t2,Deck::Sub\nplain,"quote ""x""",,Deck::Sub\n', 'in.csv', { now: 1 }).collection;
    const text = writeCsv(original);
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual(['#separator:comma', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6']);
    expect(text).toContain(`"${original.notes[1]!.id}","Basic","Deck::Sub","plain","quote ""x""",""`);
    const again = readCsv(text, 'out.csv', { now: 1 }).collection;
    expect(again.notes.map((n) => [n.guid, n.fields, n.tags, again.decks.find((d) => d.id === n.deckId)?.name])).toEqual(
      original.notes.map((n) => [n.id, n.fields, n.tags, 'Deck::Sub']),
    );
  });

  it('names each note\'s type in a notetype column, so a cloze or a three-field note is not read as Basic by Anki or Kioku', () => {
    const vocab = { id: 'vocab', name: 'Vocab', kind: 'standard' as const, fields: ['Word', 'Reading', 'Meaning'], templates: [{ name: 'Card 1', front: '{{Word}}', back: '{{Meaning}}' }] };
    const data: CollectionData = {
      decks: [{ id: 'd', name: 'AWS::IAM' }],
      noteTypes: [BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE, vocab],
      notes: [
        { id: 'n1', noteTypeId: BASIC_NOTE_TYPE.id, deckId: 'd', fields: ['MFA', 'multi-factor'], tags: [], modified: 1 },
        { id: 'n2', noteTypeId: CLOZE_NOTE_TYPE.id, deckId: 'd', fields: ['{{c1::IAM}} is global', 'not regional'], tags: ['iam'], modified: 1 },
        { id: 'n3', noteTypeId: 'vocab', deckId: 'd', fields: ['猫', 'ねこ', 'cat'], tags: [], modified: 1 },
      ],
    };
    const text = writeCsv(data);
    // The header Anki's own "Notes in Plain Text" export writes with the note type included (export.rs write_column_header).
    expect(text.split('\n').slice(0, 6)).toEqual(['#separator:comma', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:7']);
    const again = readCsv(text, 'out.csv', { now: 1 }).collection;
    const typeName = (id: string) => again.noteTypes.find((type) => type.id === id)?.name;
    expect(again.notes.map((note) => [note.guid, typeName(note.noteTypeId), note.fields, note.tags])).toEqual([
      ['n1', 'Basic', ['MFA', 'multi-factor'], []],
      ['n2', 'Cloze', ['{{c1::IAM}} is global', 'not regional'], ['iam']],
      ['n3', 'Vocab', ['猫', 'ねこ', 'cat'], []],
    ]);
  });

  it('writes semicolon- and tab-separated files on request, saying so in the header', () => {
    const data = readCsv('a,b\n', 'x.csv').collection;
    expect(writeCsv(data, { delimiter: ';' }).split('\n')[0]).toBe('#separator:semicolon');
    const tsv = writeCsv(data, { delimiter: '\t' });
    expect(tsv.split('\n')[0]).toBe('#separator:tab');
    expect(tsv.split('\n').at(-1)).toBe(`"${data.notes[0]!.id}"\t"Basic"\t"x"\t"a"\t"b"\t""`);
  });
});
