import { describe, expect, it } from 'vitest';
import { language, setLanguage, systemLanguage, t } from '../../../src/renderer/src/i18n/locale.svelte';

describe('language', () => {
  it('follows a Japanese system and falls back to English otherwise', () => {
    expect(systemLanguage('ja')).toBe('ja');
    expect(systemLanguage('ja-JP')).toBe('ja');
    expect(systemLanguage('en-GB')).toBe('en');
    expect(systemLanguage('fr')).toBe('en');
    expect(systemLanguage(undefined)).toBe('en');
  });

  it('switches every label at once and fills in the values', () => {
    setLanguage('ja');
    expect(language()).toBe('ja');
    expect(t('study.showAnswer')).toBe('答えを表示');
    expect(t('deckList.studyDeck', { deck: 'AWS & IAM' })).toBe('「AWS & IAM」を学習する');
    setLanguage('en');
    expect(t('study.showAnswer')).toBe('Show answer');
    expect(t('deckList.studyDeck', { deck: 'AWS & IAM' })).toBe('Study AWS & IAM');
  });
});
