// @vitest-environment jsdom
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ChartFigure from '../../../src/renderer/src/components/charts/ChartFigure.svelte';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';

afterEach(() => cleanup());

describe('a chart with its numbers as a table', () => {
  it('shows the table of numbers once the learner opens it', async () => {
    setLanguage('en');
    const rows = Array.from({ length: 365 }, (_, i) => [`day ${i}`, i] as const);
    const { container } = render(ChartFigure, {
      props: { title: 'Reviews per day', caption: 'Answers on each day', columns: ['Date', 'Reviews'], rows, children: createRawSnippet(() => ({ render: () => '<div class="chart"></div>' })) },
    });
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    // What a click on the summary does in a browser; jsdom does not open it by itself.
    details.open = true;
    await fireEvent(details, new Event('toggle'));
    expect(container.querySelectorAll('tbody tr')).toHaveLength(365);
    expect(container.querySelector('tbody tr:last-child td')?.textContent).toBe('364');
  });
});
