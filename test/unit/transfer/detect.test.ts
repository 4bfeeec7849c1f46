import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { detectFormat, exportFileName } from '../../../src/core/files/formats';
import { bytesOf, fixture } from './helpers';

describe('recognising a picked file', () => {
  it('goes by the extension the learner sees', () => {
    const any = new Uint8Array();
    expect(['a.json', 'b.MD', 'c.csv', 'd.tsv', 'e.apkg', 'f.colpkg', 'g.kioku-backup'].map((name) => detectFormat(name, any))).toEqual([
      'kioku-deck',
      'kioku-notes',
      'csv',
      'tsv',
      'apkg',
      'apkg',
      'kioku-backup',
    ]);
  });

  it('looks at the content when the extension says nothing', () => {
    expect(detectFormat('download', fixture('anki/media.apkg'))).toBe('apkg');
    expect(detectFormat('download', fixture('anki/anki2-alpha.anki2'))).toBe('apkg');
    expect(detectFormat('backup.zip', zipSync({ 'kioku-backup.json': strToU8('{}') }))).toBe('kioku-backup');
    expect(detectFormat('deck.txt', bytesOf('\uFEFF{"format": "kioku-deck"}'))).toBe('kioku-deck');
    expect(detectFormat('notes.txt', bytesOf('##1.分類##\n'))).toBe('kioku-notes');
    expect(detectFormat('words.txt', bytesOf('犬\tdog\n'))).toBe('tsv');
    expect(detectFormat('words.txt', bytesOf('犬;dog\n'))).toBe('csv');
    expect(detectFormat('All Decks.txt', bytesOf('#separator:tab\n#html:true\n猫\tcat\n'))).toBe('csv');
    expect(detectFormat('photo.bin', new Uint8Array([0, 1, 2, 3]))).toBeNull();
  });

  it('names an export after its deck, safe on every file system', () => {
    expect(exportFileName('AWS Security::IAM', 'apkg')).toBe('AWS Security - IAM.apkg');
    expect(exportFileName('a/b:c*?"<>|', 'csv')).toBe('a_b_c______.csv');
    expect(exportFileName('..', 'kioku-deck')).toBe('kioku.json');
  });
});
