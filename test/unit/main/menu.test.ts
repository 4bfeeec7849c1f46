import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate } from '../../../src/main/menu';
import { MENU_COMMANDS } from '../../../src/preload/bridge';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function build(locale: string, platform: NodeJS.Platform = 'linux', devTools = false) {
  const actions = { send: vi.fn(), openBackupsFolder: vi.fn() };
  return { template: menuTemplate({ locale, platform, devTools }, actions), actions };
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (!item?.click) throw new Error(`menu item ${item?.id} has no click`);
  (item.click as () => void)();
}

describe('app menu', () => {
  it('has File, Edit, View, Study and Help in English on an English system', () => {
    expect(build('en-US').template.map((menu) => menu.label)).toEqual(['File', 'Edit', 'View', 'Study', 'Help']);
  });

  it('is in Japanese on a Japanese system', () => {
    const { template } = build('ja');
    expect(template.map((menu) => menu.label)).toEqual(['ファイル', '編集', '表示', '学習', 'ヘルプ']);
    expect(items(template).find((item) => item.id === 'backup-now')?.label).toBe('今すぐバックアップ');
  });

  it('offers the backup and import items in the File menu with accelerators', () => {
    const file = build('en').template[0]!.submenu as MenuItemConstructorOptions[];
    const labelled = file.filter((item) => item.label).map((item) => [item.label, item.accelerator]);
    expect(labelled).toEqual([
      ['Import…', 'CmdOrCtrl+I'],
      ['Export…', 'CmdOrCtrl+E'],
      ['Back Up Now', 'CmdOrCtrl+B'],
      ['Open Backups Folder', undefined],
      ['Restore from Backup…', undefined],
      ['Quit', 'Ctrl+Q'],
    ]);
  });

  it('forwards page commands and opens the backups folder itself', () => {
    const { template, actions } = build('en');
    const all = items(template);
    click(all.find((item) => item.id === 'import'));
    click(all.find((item) => item.id === 'study-start'));
    click(all.find((item) => item.id === 'open-backups'));
    expect(actions.send.mock.calls).toEqual([['import'], ['study-start']]);
    expect(actions.openBackupsFolder).toHaveBeenCalledOnce();
  });

  it('sends only commands the bridge accepts, and every such command has a menu item', () => {
    const { template, actions } = build('en');
    for (const item of items(template)) if (item.click && item.id !== 'open-backups') click(item);
    expect(actions.send.mock.calls.map(([command]) => command).sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('gives no two items the same accelerator', () => {
    const accelerators = items(build('en').template).flatMap((item) => (item.accelerator ? [item.accelerator] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('puts the app menu first on macOS and shows developer tools only while developing', () => {
    expect(build('en', 'darwin').template[0]).toEqual({ role: 'appMenu' });
    expect(items(build('en').template).some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(items(build('en', 'linux', true).template).some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
