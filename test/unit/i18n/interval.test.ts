import { afterEach, describe, expect, it } from 'vitest';
import { daysText, intervalText } from '../../../src/renderer/src/i18n/interval';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

afterEach(() => setLanguage('en'));

describe('waits in the UI language', () => {
  it('label the answer buttons in Japanese units: 分, 時間, 日, か月, 年', () => {
    setLanguage('ja');
    expect([30_000, 10 * MINUTE, 5 * HOUR, 2 * DAY, 36 * DAY, 548 * DAY].map(intervalText)).toEqual(['1分未満', '10分', '5時間', '2日', '1.2か月', '1.5年']);
  });

  it('keep Anki’s compact units in English', () => {
    setLanguage('en');
    expect([30_000, 10 * MINUTE, 5 * HOUR, 2 * DAY, 36 * DAY, 548 * DAY].map(intervalText)).toEqual(['<1m', '10m', '5h', '2d', '1.2mo', '1.5y']);
  });

  it('write Browse’s intervals with plural rules in English and one form in Japanese', () => {
    setLanguage('en');
    expect([1, 12, 45, 365].map(daysText)).toEqual(['1 day', '12 days', '1.5 months', '1 year']);
    setLanguage('ja');
    expect([1, 12, 45, 365].map(daysText)).toEqual(['1日', '12日', '1.5か月', '1年']);
  });
});
