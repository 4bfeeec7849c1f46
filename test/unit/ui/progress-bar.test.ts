// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ProgressBar from '../../../src/renderer/src/components/ProgressBar.svelte';

afterEach(cleanup);

function show(done: number, total: number, oncancel = () => {}) {
  return render(ProgressBar, { label: 'Fitting the parameters', done, total, cancelLabel: 'Cancel', oncancel });
}

describe('the progress bar', () => {
  it('tells assistive technology how far the work is, and says nothing false before the total is known', async () => {
    const { rerender } = show(0, 0);
    const bar = screen.getByRole('progressbar', { name: 'Fitting the parameters' });
    expect(bar.getAttribute('aria-valuenow')).toBeNull();

    await rerender({ label: 'Fitting the parameters', done: 37, total: 230, cancelLabel: 'Cancel', oncancel: () => {} });
    expect(bar.getAttribute('aria-valuenow')).toBe('16');
    expect(bar.getAttribute('aria-valuetext')).toBe('16%');

    await rerender({ label: 'Fitting the parameters', done: 300, total: 230, cancelLabel: 'Cancel', oncancel: () => {} });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
  });

  it('advances by moving its fill only: what is drawn besides stays the same, so no step needs a repaint', async () => {
    const { container, rerender } = show(23, 230);
    const drawn = () => container.innerHTML.replace(/aria-value(now|text)="[^"]*"/g, '').replace(/transform: [^;"]*/g, '');
    const fill = () => (container.querySelector('[role="progressbar"] > *') as HTMLElement).style.transform;
    const before = { drawn: drawn(), fill: fill() };

    await rerender({ label: 'Fitting the parameters', done: 138, total: 230, cancelLabel: 'Cancel', oncancel: () => {} });
    expect(fill()).not.toBe(before.fill);
    expect(fill()).toBe('scaleX(0.6)');
    expect(drawn()).toBe(before.drawn);
  });

  it('cancels from its button', async () => {
    const oncancel = vi.fn();
    show(5, 10, oncancel);
    await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(oncancel).toHaveBeenCalledTimes(1);
  });
});
