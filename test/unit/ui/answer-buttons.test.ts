// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import AnswerButtons from '../../../src/renderer/src/components/AnswerButtons.svelte';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const intervals = {
  [Rating.Again]: 10 * MINUTE,
  [Rating.Hard]: 2 * DAY,
  [Rating.Good]: 36 * DAY,
  [Rating.Easy]: 548 * DAY,
};

beforeEach(() => setLanguage('en'));
afterEach(cleanup);

describe('AnswerButtons', () => {
  it('shows each rating with the wait until the card comes back', () => {
    render(AnswerButtons, { intervals, onanswer: () => {} });
    expect(screen.getByRole('button', { name: 'Again, next in 10m' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hard, next in 2d' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Good, next in 1.2mo' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Easy, next in 1.5y' })).toBeTruthy();
  });

  it('labels the buttons in Japanese', () => {
    setLanguage('ja');
    render(AnswerButtons, { intervals, onanswer: () => {} });
    const labels = screen.getAllByRole('button').map((b) => b.querySelector('.label')?.textContent);
    expect(labels).toEqual(['もう一度', '難しい', '正解', '簡単']);
  });

  it('answers with the rating of the clicked button', async () => {
    const onanswer = vi.fn();
    render(AnswerButtons, { intervals, onanswer });
    await fireEvent.click(screen.getByRole('button', { name: /^Hard/ }));
    await fireEvent.click(screen.getByRole('button', { name: /^Easy/ }));
    expect(onanswer.mock.calls).toEqual([[Rating.Hard], [Rating.Easy]]);
  });

  it('answers with keys 1 to 4', async () => {
    const onanswer = vi.fn();
    render(AnswerButtons, { intervals, onanswer });
    for (const key of ['1', '2', '3', '4']) await fireEvent.keyDown(window, { key });
    expect(onanswer.mock.calls).toEqual([[Rating.Again], [Rating.Hard], [Rating.Good], [Rating.Easy]]);
  });

  it('ignores keys while saving, with a modifier, or while typing in a field', async () => {
    const onanswer = vi.fn();
    const { rerender } = render(AnswerButtons, { intervals, onanswer, disabled: true });
    await fireEvent.keyDown(window, { key: '3' });
    await rerender({ intervals, onanswer, disabled: false });
    await fireEvent.keyDown(window, { key: '3', ctrlKey: true });
    const field = document.body.appendChild(document.createElement('input'));
    await fireEvent.keyDown(field, { key: '3' });
    field.remove();
    expect(onanswer).not.toHaveBeenCalled();
    await fireEvent.keyDown(window, { key: '3' });
    expect(onanswer).toHaveBeenCalledWith(Rating.Good);
  });
});
