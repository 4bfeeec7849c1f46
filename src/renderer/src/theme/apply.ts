export type ThemeChoice = 'light' | 'dark' | 'system';

const darkQuery = '(prefers-color-scheme: dark)';
let stopFollowingSystem: (() => void) | null = null;

function paint(dark: boolean): void {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Sets the page colours; with `system` it keeps following the OS as it switches between day and night. */
export function applyTheme(choice: ThemeChoice): void {
  stopFollowingSystem?.();
  stopFollowingSystem = null;
  if (choice !== 'system') {
    paint(choice === 'dark');
    return;
  }
  const query = window.matchMedia(darkQuery);
  paint(query.matches);
  const follow = (event: MediaQueryListEvent): void => paint(event.matches);
  query.addEventListener('change', follow);
  stopFollowingSystem = () => query.removeEventListener('change', follow);
}
