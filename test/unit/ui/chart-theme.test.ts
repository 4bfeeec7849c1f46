// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { chartColors, watchTheme } from '../../../src/renderer/src/components/charts/chart-theme';

afterEach(() => {
  document.documentElement.removeAttribute('style');
  delete document.documentElement.dataset.theme;
});

describe('chart colours', () => {
  it('come from the theme’s custom properties, so charts match light and dark', () => {
    const root = document.documentElement;
    root.style.setProperty('--text', '#24231f');
    root.style.setProperty('--accent', '#2f6f6a');
    expect(chartColors()).toMatchObject({ text: '#24231f', accent: '#2f6f6a' });
    root.style.setProperty('--accent', '#6cc0b8');
    root.dataset.theme = 'dark';
    expect(chartColors().accent).toBe('#6cc0b8');
  });

  it('are read once per theme, not once per chart', () => {
    const root = document.documentElement;
    root.dataset.theme = 'light';
    root.style.setProperty('--accent', '#2f6f6a');
    const first = chartColors();
    expect(chartColors()).toBe(first);
    root.dataset.theme = 'dark';
    expect(chartColors()).not.toBe(first);
  });

  it('are redrawn when the page switches theme, and no longer once the chart is gone', async () => {
    let redraws = 0;
    const stop = watchTheme(() => redraws++);
    document.documentElement.dataset.theme = 'dark';
    await Promise.resolve();
    expect(redraws).toBe(1);
    stop();
    document.documentElement.dataset.theme = 'light';
    await Promise.resolve();
    expect(redraws).toBe(1);
  });
});
