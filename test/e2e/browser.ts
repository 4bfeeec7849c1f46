import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { expect } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');

/** Debian's Chromium, or the one named by CHROMIUM_PATH. Without one, e2e tests fail loudly: they never skip. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter((p): p is string => !!p);
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked at ${candidates.join(', ')}). Install it with "apt-get install -y chromium fonts-noto-cjk" or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Serves the built web renderer (`npm run build:web`) on 127.0.0.1 at a free port. `proxy` maps
 * a path of the page's own origin to another server (a CouchDB behind the app's origin, as a
 * learner's reverse proxy would put it), which the page's connect-src 'self' then allows.
 */
export async function serveApp(options: { proxy?: Record<string, string> } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(root, 'out/web/index.html'))) {
    throw new Error('out/web is missing: run "npm run build:web" first (npm run test:e2e does).');
  }
  const server: PreviewServer = await preview({
    configFile: join(root, 'vite.web.config.ts'),
    preview: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      open: false,
      proxy: Object.fromEntries(
        Object.entries(options.proxy ?? {}).map(([path, target]) => [path, { target, changeOrigin: true, rewrite: (url: string) => url.slice(path.length) || '/' }]),
      ),
    },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address');
  return { url, close: () => server.close() };
}

export interface AppBrowser {
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  close: () => Promise<void>;
}

/** A phone's screen in CSS pixels, touched with a finger (Chromium's mobile emulation). */
export interface Phone {
  width: number;
  height: number;
}

/** A fresh Chromium profile (its own IndexedDB) with one page open. */
export async function openBrowser(
  options: { locale?: string; userDataDir?: string; colorScheme?: 'light' | 'dark'; phone?: Phone } = {},
): Promise<AppBrowser> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'kioku-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    args: [...chromiumArgs, `--lang=${options.locale ?? 'ja'}`],
    locale: options.locale ?? 'ja-JP',
    colorScheme: options.colorScheme ?? 'light',
    viewport: options.phone ? { width: options.phone.width, height: options.phone.height } : { width: 1280, height: 720 },
    ...(options.phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    userDataDir,
    close: async () => {
      await context.close();
      if (!options.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

const EVERY_LOCALE_AND_THEME = [
  { locale: 'ja-JP', colorScheme: 'light' },
  { locale: 'ja-JP', colorScheme: 'dark' },
  { locale: 'en-US', colorScheme: 'light' },
  { locale: 'en-US', colorScheme: 'dark' },
] as const;

/**
 * The languages and themes in which a screen is tried. A theme changes colours, never what a
 * screen says, where things sit or what they do, so `npm test` pairs each language with one theme
 * and still meets both themes (half the time of trying all four, which kept CI near its 30
 * minutes). `KIOKU_E2E_EVERY_THEME=1` tries all four, for screenshots of every pair.
 */
export const LOCALES_AND_THEMES: readonly (typeof EVERY_LOCALE_AND_THEME)[number][] = process.env.KIOKU_E2E_EVERY_THEME
  ? EVERY_LOCALE_AND_THEME
  : [EVERY_LOCALE_AND_THEME[0], EVERY_LOCALE_AND_THEME[3]];

/** Opens the app and waits until the deck list shows its rows. */
export async function openDeckList(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('tr[data-deck-id]').first().waitFor();
}

/** Picks a file through the Import screen's own "Choose a file" button, as a learner would. */
export async function importThroughUi(page: Page, name: string, buffer: Buffer, mimeType = 'application/json'): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Import', exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  // A file of several MiB is handed over as a path: sent as a buffer, it crosses the DevTools
  // protocol in base64 and took longer than the timeout on a busy machine.
  if (buffer.length > 1024 * 1024) {
    const path = join(mkdtempSync(join(pickedFilesDir(), 'file-')), name);
    writeFileSync(path, buffer);
    await (await chooser).setFiles(path);
    return;
  }
  await (await chooser).setFiles({ name, mimeType, buffer });
}

let picked: string | null = null;

/** Chromium reads a picked file from disk when the page reads it, so files stay until the run ends. */
function pickedFilesDir(): string {
  if (picked === null) {
    const dir = mkdtempSync(join(tmpdir(), 'kioku-pick-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    picked = dir;
  }
  return picked;
}

/** The text of the card on screen, read inside the shadow root it is shown in. */
export function cardText(page: Page): Promise<string> {
  return page.locator('article.card .face').innerText();
}

/** Where e2e screenshots go, for a person to look at. */
export const screenshotDir = join(root, 'test-results', 'screenshots');

/**
 * Saves a full-page screenshot, checks nothing scrolls sideways, then does both again at 200%
 * zoom, which at 1280×720 leaves a 640×360 CSS-pixel window.
 */
export async function expectFitsAtZoom200(page: Page, shot: string): Promise<void> {
  const overflows = () => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
  await page.screenshot({ path: join(screenshotDir, `${shot}.png`), fullPage: true });
  if (await overflows()) throw new Error(`${shot}: the page scrolls sideways at 1280×720`);
  await page.setViewportSize({ width: 640, height: 360 });
  // Charts follow their box on the next resize observation, not at once.
  await expect.poll(overflows).toBe(false);
  await page.screenshot({ path: join(screenshotDir, `${shot.replace(/^(\w+)-/, '$1-zoom200-')}.png`) });
}
