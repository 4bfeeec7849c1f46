export type ThemeChoice = 'light' | 'dark' | 'system';

const darkQuery = '(prefers-color-scheme: dark)';
let stopFollowingSystem: (() => void) | null = null;

function paint(dark: boolean): void {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  // A phone colours its status bar from theme-color (web build only): follow the learner's choice, not only the system's.
  const bar = getComputedStyle(document.documentElement).getPropertyValue('--surface').trim();
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) meta.content = bar;
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
