import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../preload/bridge';
import { menuText } from './menu-catalog';

export interface MenuActions {
  /** Forwards a command to the page (one-way `menu:command` message). */
  send(command: MenuCommand): void;
  openBackupsFolder(): void;
}

export interface MenuOptions {
  locale: string;
  platform: NodeJS.Platform;
  /** Only while developing: packaged apps have no developer tools in the menu. */
  devTools: boolean;
}

/** The app menu: File, Edit, View, Study, Help, in the system's language. */
export function menuTemplate({ locale, platform, devTools }: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const t = menuText(locale);
  const send = (command: MenuCommand) => () => actions.send(command);
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    {
      label: t.file,
      submenu: [
        { id: 'import', label: t.import, accelerator: 'CmdOrCtrl+I', click: send('import') },
        { id: 'export', label: t.export, accelerator: 'CmdOrCtrl+E', click: send('export') },
        { type: 'separator' },
        { id: 'backup-now', label: t.backupNow, accelerator: 'CmdOrCtrl+B', click: send('backup-now') },
        { id: 'open-backups', label: t.openBackups, click: () => actions.openBackupsFolder() },
        { id: 'restore-backup', label: t.restore, click: send('restore-backup') },
        ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: t.quit, accelerator: 'Ctrl+Q' }]),
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        { role: 'zoomIn', label: t.zoomIn, accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut', label: t.zoomOut, accelerator: 'CmdOrCtrl+-' },
        { role: 'resetZoom', label: t.resetZoom, accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        { id: 'toggle-theme', label: t.theme, accelerator: 'CmdOrCtrl+Shift+L', click: send('toggle-theme') },
        { role: 'togglefullscreen', label: t.fullScreen, accelerator: mac ? 'Ctrl+Cmd+F' : 'F11' },
        ...(devTools ? [{ role: 'toggleDevTools' as const, label: t.devTools }] : []),
      ],
    },
    {
      label: t.study,
      submenu: [
        { id: 'study-start', label: t.studyStart, accelerator: 'CmdOrCtrl+1', click: send('study-start') },
        { id: 'study-browse', label: t.studyBrowse, accelerator: 'CmdOrCtrl+2', click: send('study-browse') },
        { id: 'study-stats', label: t.studyStats, accelerator: 'CmdOrCtrl+3', click: send('study-stats') },
        { type: 'separator' },
        { id: 'study-undo', label: t.studyUndo, accelerator: 'CmdOrCtrl+Alt+Z', click: send('study-undo') },
      ],
    },
    {
      role: 'help',
      label: t.help,
      submenu: [
        { id: 'keyboard-shortcuts', label: t.shortcuts, accelerator: 'CmdOrCtrl+/', click: send('keyboard-shortcuts') },
        { id: 'about', label: t.about, click: send('about') },
      ],
    },
  ];
  return mac ? [{ role: 'appMenu' }, ...template] : template;
}
