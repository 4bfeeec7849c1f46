import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type BackupReason, type BackupResult, type MenuCommand } from '../../../src/preload/bridge';
import { createAutoBackup, PERIODIC_BACKUP_MS, type Clock } from '../../../src/renderer/src/desktop/auto-backup';
import { menuAction, toggledTheme, type DesktopAction } from '../../../src/renderer/src/desktop/menu-actions';
import { wireDesktop } from '../../../src/renderer/src/desktop/wiring';

/** A clock the test moves by hand; `every` timers fire as time passes them. */
function manualClock(start = Date.UTC(2026, 10, 30, 9)) {
  let time = start;
  const timers: { ms: number; next: number; run: () => void }[] = [];
  const clock: Clock = {
    now: () => time,
    every(ms, run) {
      const timer = { ms, next: time + ms, run };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  };
  return {
    clock,
    timers,
    advance(ms: number) {
      time += ms;
      for (const timer of timers) {
        while (timer.next <= time) {
          timer.next += timer.ms;
          timer.run();
        }
      }
    },
  };
}

/**
 * The collection's state is what the test changes: answers change the counts the fingerprint
 * holds, an edit only shows as a write. Saved backups are recorded with their reason.
 */
function fakeCollection(answer: (reason: BackupReason) => BackupResult = () => ({ saved: true, fileName: 'b.kioku-backup' })) {
  const state = { reviews: 0, edits: 0 };
  const saved: { reason: BackupReason; at: number }[] = [];
  return {
    state,
    saved,
    fingerprint: async () => String(state.reviews),
    writes: () => state.reviews + state.edits,
    save: async (reason: BackupReason, now: number) => {
      saved.push({ reason, at: now });
      return answer(reason);
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('periodic backup', () => {
  it('backs up every 30 minutes only while the collection keeps changing', async () => {
    const { clock, advance } = manualClock();
    const collection = fakeCollection();
    const backups = createAutoBackup({ ...collection, clock });
    backups.start();

    advance(PERIODIC_BACKUP_MS - 1);
    await settle();
    expect(collection.saved).toEqual([]);

    advance(1);
    await settle();
    expect(collection.saved.map((b) => b.reason)).toEqual(['periodic']);

    // Nothing studied since: the next half hour passes without a backup.
    advance(PERIODIC_BACKUP_MS);
    await settle();
    expect(collection.saved).toHaveLength(1);

    collection.state.reviews = 5;
    advance(PERIODIC_BACKUP_MS);
    await settle();
    expect(collection.saved.map((b) => b.at - collection.saved[0]!.at)).toEqual([0, 2 * PERIODIC_BACKUP_MS]);
  });

  it('tries again at the next tick when the shell refused a backup as too soon', async () => {
    const { clock } = manualClock();
    let refuse = true;
    const collection = fakeCollection(() => (refuse ? { saved: false, reason: 'too-soon' } : { saved: true, fileName: 'b.kioku-backup' }));
    const backups = createAutoBackup({ ...collection, clock });
    expect(await backups.tick()).toBe(false);
    refuse = false;
    expect(await backups.tick()).toBe(true);
    expect(await backups.tick()).toBe(false);
    expect(collection.saved).toHaveLength(2);
  });

  it('counts a manual backup as saved, so the next periodic tick skips an unchanged collection', async () => {
    const { clock } = manualClock();
    const collection = fakeCollection();
    const backups = createAutoBackup({ ...collection, clock });
    await backups.backup('manual');
    expect(await backups.tick()).toBe(false);
    collection.state.reviews = 1;
    expect(await backups.tick()).toBe(true);
    expect(collection.saved.map((b) => b.reason)).toEqual(['manual', 'periodic']);
  });

  it('stops when the wiring is undone', async () => {
    const { clock, advance, timers } = manualClock();
    const collection = fakeCollection();
    const stop = createAutoBackup({ ...collection, clock }).start();
    stop();
    advance(3 * PERIODIC_BACKUP_MS);
    await settle();
    expect(collection.saved).toEqual([]);
    expect(timers).toEqual([]);
  });
});

describe('backup on quit', () => {
  it('saves nothing when the collection was not written to since the page opened', async () => {
    const collection = fakeCollection();
    const backups = createAutoBackup({ ...collection, clock: manualClock().clock });
    expect(await backups.quit()).toBe(false);
    expect(collection.saved).toEqual([]);
  });

  it('saves what was studied or edited since the page opened, and only once', async () => {
    const collection = fakeCollection();
    const backups = createAutoBackup({ ...collection, clock: manualClock().clock });
    collection.state.edits = 1;
    expect(await backups.quit()).toBe(true);
    expect(await backups.quit()).toBe(false);
    collection.state.reviews = 3;
    expect(await backups.quit()).toBe(true);
    expect(collection.saved.map((b) => b.reason)).toEqual(['quit', 'quit']);
  });

  it('saves nothing when a backup made after the last change already holds it', async () => {
    const collection = fakeCollection();
    const backups = createAutoBackup({ ...collection, clock: manualClock().clock });
    collection.state.reviews = 2;
    await backups.backup('manual');
    expect(await backups.quit()).toBe(false);
    expect(collection.saved.map((b) => b.reason)).toEqual(['manual']);
  });

  it('still saves on quit when the last backup was refused', async () => {
    let refuse = true;
    const collection = fakeCollection(() => (refuse ? { saved: false, reason: 'too-soon' } : { saved: true, fileName: 'b.kioku-backup' }));
    const backups = createAutoBackup({ ...collection, clock: manualClock().clock });
    collection.state.edits = 1;
    await backups.backup('manual');
    refuse = false;
    expect(await backups.quit()).toBe(true);
  });
});

describe('desktop wiring', () => {
  function fakeShell() {
    let menu: ((command: MenuCommand) => void) | null = null;
    let quit: (() => Promise<void> | void) | null = null;
    return {
      bridge: {
        onMenuCommand(callback: (command: MenuCommand) => void) {
          menu = callback;
          return () => (menu = null);
        },
        onQuitRequested(callback: () => Promise<void> | void) {
          quit = callback;
          return () => (quit = null);
        },
      },
      send: (command: MenuCommand) => menu?.(command),
      quit: () => quit?.(),
      listening: () => menu !== null && quit !== null,
    };
  }

  it('turns menu commands into actions and saves a last backup when the app quits', async () => {
    const shell = fakeShell();
    const { clock } = manualClock();
    const collection = fakeCollection();
    const actions: DesktopAction[] = [];
    const unwire = wireDesktop({ bridge: shell.bridge, autoBackup: createAutoBackup({ ...collection, clock }), onaction: (a) => actions.push(a) });

    shell.send('import');
    shell.send('restore-backup');
    shell.send('study-undo');
    expect(actions).toEqual([
      { kind: 'go', screen: 'import' },
      { kind: 'go', screen: 'backups' },
      { kind: 'study-key', key: 'z', ctrlKey: true },
    ]);

    collection.state.reviews = 1;
    await shell.quit();
    expect(collection.saved.map((b) => b.reason)).toEqual(['quit']);

    unwire();
    expect(shell.listening()).toBe(false);
  });

  it('has an action for every command the menu can send', () => {
    const kinds = MENU_COMMANDS.map((command) => menuAction(command).kind);
    expect(kinds.every((kind) => typeof kind === 'string')).toBe(true);
    expect(new Set(MENU_COMMANDS.map((command) => JSON.stringify(menuAction(command)))).size).toBe(MENU_COMMANDS.length);
  });

  it('switches the theme to the opposite of what is showing', () => {
    expect(toggledTheme(true)).toBe('light');
    expect(toggledTheme(false)).toBe('dark');
  });
});
