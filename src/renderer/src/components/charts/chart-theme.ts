/** The theme colours a chart draws with, read from the CSS custom properties of `theme/theme.css`. */
export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  surface: string;
  accent: string;
  danger: string;
  new: string;
  learning: string;
  review: string;
  again: string;
  easy: string;
}

export function chartColors(root: HTMLElement = document.documentElement): ChartColors {
  const style = getComputedStyle(root);
  const read = (name: string): string => style.getPropertyValue(`--${name}`).trim();
  return {
    text: read('text'),
    muted: read('text-muted'),
    grid: read('border'),
    surface: read('surface'),
    accent: read('accent'),
    danger: read('danger'),
    new: read('new'),
    learning: read('learning'),
    review: read('review'),
    again: read('again'),
    easy: read('easy'),
  };
}

/** Calls `onchange` whenever the page switches between light and dark; returns the stop function. */
export function watchTheme(onchange: () => void, root: HTMLElement = document.documentElement): () => void {
  const observer = new MutationObserver(onchange);
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
