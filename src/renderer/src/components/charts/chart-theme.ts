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

/**
 * The colours last read, with the theme they were read in. Reading them makes the browser work out
 * the page's styles there and then, and Statistics asked for them once per chart, between charts
 * that had each changed the page.
 */
let lastRead: { root: HTMLElement; theme: string | undefined; colors: ChartColors } | null = null;

export function chartColors(root: HTMLElement = document.documentElement): ChartColors {
  const theme = root.dataset.theme;
  if (lastRead?.root !== root || lastRead.theme !== theme) lastRead = { root, theme, colors: readColors(root) };
  return lastRead.colors;
}

function readColors(root: HTMLElement): ChartColors {
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
