import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  quit: vi.fn(),
  windows: 0,
  whenReady: vi.fn(() => Promise.resolve()),
}));

vi.mock('electron', () => ({
  app: {
    isPackaged: true,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: () => false,
    quit: fake.quit,
    on: vi.fn(),
    whenReady: fake.whenReady,
  },
  BrowserWindow: class {
    constructor() {
      fake.windows++;
    }
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  session: {},
  ipcMain: {},
  Menu: {},
  screen: {},
  dialog: {},
  shell: {},
}));

describe('a second launch of Kioku', () => {
  it('quits at once without opening a window, leaving the first one to be focused', async () => {
    await import('../../../src/main/index');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.quit).toHaveBeenCalled();
    expect(fake.whenReady).not.toHaveBeenCalled();
    expect(fake.windows).toBe(0);
  });
});
