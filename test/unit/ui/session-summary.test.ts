// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import SessionSummary from '../../../src/renderer/src/components/SessionSummary.svelte';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';

beforeEach(() => setLanguage('en'));
afterEach(cleanup);

function text(testId: string): string | null {
  return screen.getByTestId(testId).textContent;
}

describe('SessionSummary', () => {
  it('reports cards studied, time, again rate and what comes tomorrow', () => {
    render(SessionSummary, { studied: 8, timeMs: 252_000, againCount: 2, leftToday: 0, dueTomorrow: 5, onback: () => {} });
    expect(text('summary-studied')).toBe('8');
    expect(text('summary-time')).toBe('4 min 12 s');
    expect(text('summary-again-rate')).toBe('25%');
    expect(text('summary-tomorrow')).toBe('5');
  });

  it('says so when nothing is due tomorrow, in Japanese too', () => {
    setLanguage('ja');
    render(SessionSummary, { studied: 3, timeMs: 3_725_000, againCount: 1, leftToday: 0, dueTomorrow: 0, onback: () => {} });
    expect(text('summary-time')).toBe('1時間2分');
    expect(text('summary-again-rate')).toBe('33%');
    expect(text('summary-tomorrow')).toBe('明日の予定はありません');
  });

  it('shows a 0% again rate for an empty session instead of dividing by zero', () => {
    render(SessionSummary, { studied: 0, timeMs: 0, againCount: 0, leftToday: 0, dueTomorrow: 0, onback: () => {} });
    expect(text('summary-again-rate')).toBe('0%');
  });

  it('goes back to the decks from the focused button', async () => {
    const onback = vi.fn();
    render(SessionSummary, { studied: 1, timeMs: 1000, againCount: 0, leftToday: 0, dueTomorrow: 0, onback });
    const back = screen.getByRole('button', { name: 'Back to decks' });
    expect(document.activeElement).toBe(back);
    await fireEvent.click(back);
    expect(onback).toHaveBeenCalledOnce();
  });
});
