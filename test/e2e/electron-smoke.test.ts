/**
 * Starts the real desktop app (built with `npm run build`) through Playwright's
 * Electron launcher and checks its security settings from the outside. It needs
 * the Electron binary that `npm install` downloads; where that download was not
 * possible the test says plainly that it did not run, instead of passing quietly.
 * On Linux without a display, run it under xvfb-run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

/**
 * The Electron executable: ELECTRON_PATH, or the one `npm install` put in
 * node_modules/electron/dist. Not `require('electron')`, which would try to download it.
 */
function electronBinary(): string | null {
  const candidates = [process.env.ELECTRON_PATH];
  const pathFile = join(root, 'node_modules/electron/path.txt');
  if (existsSync(pathFile)) candidates.push(join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()));
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

const binary = electronBinary();
if (!binary) console.warn('Electron smoke test did NOT run: no Electron binary on this machine (node_modules/electron has no downloaded dist; set ELECTRON_PATH to an Electron executable to run it).');

describe.skipIf(!binary)('desktop app smoke test', () => {
  let app: ElectronApplication;
  let page: Page;
  let home: string;

  beforeAll(async () => {
    if (!existsSync(join(root, 'out/main/index.js'))) throw new Error('out/main is missing: run "npm run build" first.');
    home = mkdtempSync(join(tmpdir(), 'kioku-electron-'));
    app = await _electron.launch({
      executablePath: binary!,
      args: [root],
      cwd: root,
      // A fresh profile (userData), and never the dev server.
      env: { ...process.env, XDG_CONFIG_HOME: home, HOME: home, ELECTRON_RENDERER_URL: '' } as Record<string, string>,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  afterAll(async () => {
    await app?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('shows the page from app://kioku with a Content-Security-Policy', async () => {
    expect(page.url()).toBe('app://kioku/index.html');
    const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(csp).toContain("default-src 'self'");
  });

  it('gives the page no Node and only the bridge', async () => {
    const seen = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys(window.kioku ?? {}).sort(),
      isolated: crossOriginIsolated,
    }));
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['appInfo', 'backupLocation', 'chooseBackupFolder', 'listBackups', 'onMenuCommand', 'onQuitRequested', 'openFile', 'readBackup', 'revealBackups', 'saveBackup', 'saveFile'],
      isolated: true,
    });
  });

  it('answers the bridge and refuses new windows', async () => {
    const info = await page.evaluate(() => window.kioku!.appInfo());
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it('stays on its own page when the page tries to leave', async () => {
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://kioku/index.html');
    const urls = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((window) => window.webContents.getURL()));
    expect(urls).toEqual(['app://kioku/index.html']);
  });
});
