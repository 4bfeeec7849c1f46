import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as unknown[]);
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      created.push(options);
    }
  },
}));

const { createMainWindow } = await import('../../../src/main/main-window');

describe('main window', () => {
  createMainWindow('/app/out/preload/index.cjs', { x: 10, y: 20, width: 1000, height: 700 });
  const options = created[0] as { webPreferences: Record<string, unknown> } & Record<string, unknown>;

  it('isolates the page: context isolation, sandbox, no Node, web security on, no <webview>', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('uses the given preload script and place, and waits until the page is ready to show', () => {
    expect(options.webPreferences.preload).toBe('/app/out/preload/index.cjs');
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false });
  });
});
