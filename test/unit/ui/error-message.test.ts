// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import { errorMessage } from '../../../src/renderer/src/screens/error-message';
import { StorageFullError } from '../../../src/renderer/src/storage/storage-full';

afterEach(() => setLanguage('en'));

describe('a full disk is reported in the learner’s language', () => {
  it('says in Japanese that an answer was not saved and nothing changed', () => {
    setLanguage('ja');
    const message = errorMessage(new StorageFullError({ kind: 'answer' }));
    expect(message).toContain('回答を保存できません');
    expect(message).toContain('何も変更されていません');
  });

  it('names the file of a failed import in English', () => {
    setLanguage('en');
    expect(errorMessage(new StorageFullError({ kind: 'import', fileName: 'vocab.csv' }))).toMatch(
      /^Importing vocab\.csv: the disk is full\. Nothing was changed\. Free some disk space \(or export your decks/,
    );
  });

  it('names the backup of a failed restore in Japanese', () => {
    setLanguage('ja');
    expect(errorMessage(new StorageFullError({ kind: 'restore', fileName: 'a.kioku-backup' }))).toMatch(/^a\.kioku-backup から復元できません/);
  });

  it('says a backup before an import did not fit, and that nothing was imported, in both languages', () => {
    const full = new StorageFullError({ kind: 'backup', before: { kind: 'import', fileName: 'deck.apkg' } });
    expect(errorMessage(full)).toMatch(/^Backing up your collection before importing deck\.apkg: the disk is full\. No backup was saved and nothing was imported\./);
    setLanguage('ja');
    expect(errorMessage(full)).toMatch(/^deck\.apkg を読み込む前のバックアップができません: ディスクがいっぱいです。.*何も読み込んでいません。.*書き出して/);
    expect(errorMessage(new StorageFullError({ kind: 'backup' }))).toMatch(/^バックアップできません/);
  });

  it('passes any other error’s own message through', () => {
    expect(errorMessage(new Error('row 3: unbalanced quotes'))).toBe('row 3: unbalanced quotes');
  });
});
