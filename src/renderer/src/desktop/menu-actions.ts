import type { MenuCommand } from '../../../preload/bridge';

/** What a menu command asks the page to do; App carries it out. */
export type DesktopAction =
  | { kind: 'go'; screen: 'import' | 'export' | 'backups' | 'browse' | 'stats' }
  | { kind: 'backup-now' }
  | { kind: 'toggle-theme' }
  | { kind: 'study-start' }
  /** Undo and the shortcut list are reached through their keys, which Study and the app bar handle. */
  | { kind: 'study-key'; key: string; ctrlKey: boolean }
  | { kind: 'keyboard-shortcuts' }
  | { kind: 'about' };

const ACTIONS: Readonly<Record<MenuCommand, DesktopAction>> = {
  import: { kind: 'go', screen: 'import' },
  export: { kind: 'go', screen: 'export' },
  'backup-now': { kind: 'backup-now' },
  // Restoring means choosing one of the backups, which the Backups screen lists.
  'restore-backup': { kind: 'go', screen: 'backups' },
  'toggle-theme': { kind: 'toggle-theme' },
  'study-start': { kind: 'study-start' },
  'study-undo': { kind: 'study-key', key: 'z', ctrlKey: true },
  'study-browse': { kind: 'go', screen: 'browse' },
  'study-stats': { kind: 'go', screen: 'stats' },
  'keyboard-shortcuts': { kind: 'keyboard-shortcuts' },
  about: { kind: 'about' },
};

export function menuAction(command: MenuCommand): DesktopAction {
  return ACTIONS[command];
}

/** Light ↔ dark; from "same as the system" it switches to the opposite of what is showing now. */
export function toggledTheme(showingDark: boolean): 'light' | 'dark' {
  return showingDark ? 'light' : 'dark';
}
