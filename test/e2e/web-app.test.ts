import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, openDeckList, serveApp } from './browser';
import { PHONES } from './phone';

const root = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const phone = PHONES[0]!;

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

/** The theme-color metas' colours and the app bar's, all as the browser computes them (rgb()). */
function barColours(page: Page): Promise<{ metas: { media: string | null; colour: string }[]; bar: string }> {
  return page.evaluate(() => {
    const computed = (colour: string): string => {
      const probe = document.createElement('span');
      probe.style.color = colour;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    const metas = [...document.querySelectorAll('meta[name="theme-color"]')].map((meta) => ({
      media: meta.getAttribute('media'),
      colour: computed(meta.getAttribute('content') ?? ''),
    }));
    return { metas, bar: getComputedStyle(document.querySelector('header.bar')!).backgroundColor };
  });
}

/** Waits until the service worker has cached the app and looks after this page. */
async function offlineReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

interface Manifest {
  name?: string;
  short_name?: string;
  start_url?: string;
  scope?: string;
  display?: string;
  theme_color?: string;
  background_color?: string;
  icons?: { src: string; sizes: string; type: string; purpose?: string }[];
}

describe('the web app, installed on a phone', () => {
  it('has what browsers ask of an installable app: a manifest with icons that exist, theme colours and a service worker', async () => {
    const browser = await openBrowser({ locale: 'en-US', phone });
    try {
      const { page, context } = browser;
      await openDeckList(page, app.url);
      const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
      expect(manifestHref).toBeTruthy();
      const manifestUrl = new URL(manifestHref!, page.url()).href;
      const manifest = (await (await context.request.get(manifestUrl)).json()) as Manifest;
      expect(manifest.name).toBe('Kioku');
      expect(manifest.short_name).toBe('Kioku');
      expect(manifest.display).toBe('standalone');
      expect(new URL(manifest.start_url!, manifestUrl).href).toBe(app.url);
      expect(new URL(manifest.scope!, manifestUrl).href).toBe(app.url);
      expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

      // Chromium installs an app only with a 192 px and a 512 px icon; Android crops the maskable one.
      const icons = manifest.icons ?? [];
      for (const wanted of [
        { sizes: '192x192', purpose: 'any' },
        { sizes: '512x512', purpose: 'any' },
        { sizes: '512x512', purpose: 'maskable' },
      ]) {
        const icon = icons.find((i) => i.sizes === wanted.sizes && (i.purpose ?? 'any').split(' ').includes(wanted.purpose));
        expect(icon, `${wanted.sizes} ${wanted.purpose}`).toBeDefined();
        const response = await context.request.get(new URL(icon!.src, manifestUrl).href);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toBe('image/png');
        const png = await response.body();
        const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        expect(`${width}x${height}`).toBe(wanted.sizes);
      }

      // The phone's bar takes the app's own bar colour, one for each theme.
      const light = await barColours(page);
      expect(light.metas.map((meta) => meta.media)).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)']);
      for (const meta of light.metas) expect(meta.colour).toBe(light.bar);

      await offlineReady(page);
      const worker = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { script: registration?.active?.scriptURL, scope: registration?.scope };
      });
      expect(worker).toEqual({ script: new URL('sw.js', app.url).href, scope: app.url });
    } finally {
      await browser.close();
    }
  });

  it('follows the learner’s theme on the phone’s bar, not only the system’s', async () => {
    const browser = await openBrowser({ locale: 'en-US', colorScheme: 'light', phone });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.getByRole('navigation').getByRole('button', { name: 'More' }).tap();
      await page.getByRole('group', { name: 'More' }).getByRole('button', { name: 'Options' }).tap();
      await page.getByLabel('Theme').selectOption('dark');
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      const dark = await barColours(page);
      expect(dark.metas.map((meta) => meta.colour)).toEqual([dark.bar, dark.bar]);
      expect(dark.bar).not.toBe('rgb(255, 255, 255)');
    } finally {
      await browser.close();
    }
  });

  it('opens and studies with no network; the answer is still there once back online', async () => {
    const browser = await openBrowser({ locale: 'en-US', phone });
    try {
      const { page, context } = browser;
      await openDeckList(page, app.url);
      await offlineReady(page);
      const newBefore = Number(await page.locator('tr[data-deck-id] [data-testid="deck-new"]').first().textContent());

      await context.setOffline(true);
      // Truly offline: anything the service worker did not keep cannot be fetched.
      expect(await page.evaluate(() => fetch(`not-cached-${Date.now()}.json`).then(() => 'fetched', () => 'failed'))).toBe('failed');
      await page.reload();
      await page.locator('tr[data-deck-id]').first().waitFor();
      // Still isolated from other origins, so the optimiser's threads keep working offline.
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

      await page.locator('tr[data-deck-id] td.action button').first().tap();
      await page.getByRole('button', { name: 'Show answer' }).tap();
      await page.getByRole('group', { name: 'Grade your answer' }).getByRole('button', { name: /^Good/ }).tap();
      await page.getByRole('button', { name: 'Show answer' }).waitFor();

      await context.setOffline(false);
      await page.reload();
      await page.locator('tr[data-deck-id]').first().waitFor();
      await expect.poll(async () => Number(await page.locator('tr[data-deck-id] [data-testid="deck-new"]').first().textContent())).toBe(newBefore - 1);
      await expect.poll(() => page.getByTestId('today-totals').textContent()).toMatch(/Cards studied: 1 /);
    } finally {
      await browser.close();
    }
  });

  it('offers a new version without forcing it on a study session, and takes it when asked', async () => {
    // A copy of the built site, so the test can publish a "new version" of it.
    const site = mkdtempSync(join(tmpdir(), 'kioku-site-'));
    cpSync(join(root, 'out/web'), site, { recursive: true });
    const server = await preview({
      configFile: join(root, 'vite.web.config.ts'),
      build: { outDir: site },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
      logLevel: 'warn',
    });
    const url = server.resolvedUrls?.local[0];
    const browser = await openBrowser({ locale: 'en-US', phone });
    try {
      if (!url) throw new Error('The preview server did not report its address');
      const { page } = browser;
      await openDeckList(page, url);
      await offlineReady(page);
      await page.locator('tr[data-deck-id] td.action button').first().tap();
      await page.getByRole('button', { name: 'Show answer' }).tap();
      const card = await page.locator('article.card').innerText();

      appendFileSync(join(site, 'sw.js'), '\n// the next version\n');
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      await page.getByTestId('update-offer').waitFor();
      // Offered, not forced: the session and the revealed card are still on screen.
      await page.waitForTimeout(1000);
      expect(await page.locator('article.card').innerText()).toBe(card);
      expect(await page.getByRole('group', { name: 'Grade your answer' }).isVisible()).toBe(true);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload now' }).tap()]);
      await page.locator('tr[data-deck-id]').first().waitFor();
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
      expect(await page.getByTestId('update-offer').count()).toBe(0);
    } finally {
      await browser.close();
      await server.close();
      rmSync(site, { recursive: true, force: true });
    }
  });
});
