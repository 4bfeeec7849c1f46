import { describe, expect, it } from 'vitest';
import { deckFromNotesFile } from '../../../src/core/decks';
import { REAL_NOTES, generate, noteAsking } from './helpers';

const idsOf = (text: string): string[] => generate(text).notes.map((n) => n.id).sort();

describe('note identity survives editing the notes', () => {
  const original = generate();

  it('changing a description keeps the note id and updates its text', () => {
    const edited = generate(REAL_NOTES.replace('S3に保存されているデータから機微情報が含まれたファイルを検出するサービスです。', 'S3の機微データを見つけるサービスです。'));
    const before = noteAsking(original, 'Macie とは？');
    const after = noteAsking(edited, 'Macie とは？');
    expect(after.id).toBe(before.id);
    expect(after.fields[1]).toBe('S3の機微データを見つけるサービスです。');
    expect(idsOf(REAL_NOTES)).toEqual(edited.notes.map((n) => n.id).sort());
  });

  it('changing a threat’s countermeasure keeps the note id', () => {
    const edited = generate(REAL_NOTES.replace('| DDoS製品 |', '| DDoS対策製品 |'));
    const after = noteAsking(edited, '脅威「DDoS」の対策は？');
    expect(after.id).toBe(noteAsking(original, '脅威「DDoS」の対策は？').id);
    expect(after.fields[1]).toBe('DDoS対策製品');
  });

  it('reordering table rows and sections keeps every id', () => {
    const lines = REAL_NOTES.split('\n');
    const swapped = [...lines];
    [swapped[4], swapped[9]] = [lines[9] ?? '', lines[4] ?? ''];
    [swapped[14], swapped[23]] = [lines[23] ?? '', lines[14] ?? ''];
    expect(idsOf(swapped.join('\n'))).toEqual(idsOf(REAL_NOTES));

    const sections = REAL_NOTES.split(/(?=^##)/m);
    expect(idsOf([...sections].reverse().join('\n'))).toEqual(idsOf(REAL_NOTES));
  });

  it('ids differ between notes files, and deck ids are stable', () => {
    const other = deckFromNotesFile(REAL_NOTES, 'decks/notes/aws-security-copy.md').data;
    expect(other.notes[0]?.id).not.toBe(original.notes[0]?.id);
    expect(generate().decks.map((d) => d.id)).toEqual(original.decks.map((d) => d.id));
    expect(new Set(original.notes.map((n) => n.id)).size).toBe(original.notes.length);
  });
});
