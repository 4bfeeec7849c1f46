import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStore } from './app-db';
import { importThroughUi, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';

const fixtures = resolve(fileURLToPath(import.meta.url), '..', '..', 'fixtures');
const ankiPackage = readFileSync(join(fixtures, 'anki', 'update1.apkg'));

let app: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());


function openBackups(page: Page) {
  return page.getByRole('navigation').getByRole('button', { name: 'Backups', exact: true }).click();
}

async function backUpNow(page: Page, expected: RegExp): Promise<void> {
  await openBackups(page);
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(expected);
}

async function importCsv(page: Page, words: string): Promise<void> {
  await importThroughUi(page, `words-${words}.csv`, Buffer.from(`front,back\n${words},${words}\n`), 'text/csv');
  await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('import-result').waitFor();
}

const rows = (page: Page) => page.locator('tr[data-backup]');

describe('backups', { timeout: 240_000 }, () => {
  it('keep the backup made before the first of many imports, save an unchanged collection once, and say why each was made', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      // The app may have made its own backup of the fresh collection already; either way the
      // collection is now backed up, and a second press finds nothing new.
      await backUpNow(page, /Backup saved|Nothing changed since the newest backup/);
      await backUpNow(page, /Nothing changed since the newest backup/);
      const first = await rows(page).count();
      expect(first).toBeGreaterThanOrEqual(1);

      // The collection changes first: a backup before the import of an unchanged one would hold
      // the same content as the one just made, and is rightly not saved twice.
      await importCsv(page, 'before-the-package');
      await importThroughUi(page, 'update1.apkg', ankiPackage, 'application/octet-stream');
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-result').waitFor();
      // Every import changes the collection, so every press saves: a backup made before an
      // import in the same second as the press no longer takes its place.
      for (let i = 0; i < 14; i++) {
        await importCsv(page, `word${i}`);
        await backUpNow(page, /Backup saved/);
      }
      // Fifteen new backups, each saved once: the one made before the package (whose schedules
      // replace progress; a CSV brings none, so it needs none) and one after each word list.
      const reasonsNow = () => rows(page).locator('td:nth-child(2)').allInnerTexts();
      await expect.poll(async () => (await reasonsNow()).slice(0, 15)).toEqual([...Array.from({ length: 14 }, () => 'Backed up by you'), 'Before importing update1.apkg']);
      expect(await rows(page).count()).toBe(first + 15);
      const names = await rows(page).evaluateAll((all) => all.map((row) => row.getAttribute('data-backup') ?? ''));
      expect(new Set(names.map((name) => name.match(/-([0-9a-f]{16})\.kioku-backup$/)?.[1])).size).toBe(names.length);
      const reasons = await rows(page).locator('td:nth-child(2)').allInnerTexts();
      expect(reasons).toContain('Before importing update1.apkg');
      expect(await rows(page).first().locator('td').first().innerText()).toMatch(/\d{1,2}:\d{2}:\d{2}/);
      await page.screenshot({ path: join(screenshotDir, 'backups-en-light.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('download a backup and restore it in a fresh profile', async () => {
    const first = await openBrowser({ locale: 'en-US' });
    let saved: { name: string; buffer: Buffer; notes: number };
    try {
      const { page } = first;
      await openDeckList(page, app.url);
      await importCsv(page, 'only-in-the-first-profile');
      await backUpNow(page, /Backup saved/);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /^Download the backup from/ }).click();
      const file = await download;
      const path = await file.path();
      saved = { name: file.suggestedFilename(), buffer: readFileSync(path), notes: await countStore(page, 'notes') };
      expect(saved.name).toMatch(/^kioku-.*-manual-\d+notes-\d+cards-[0-9a-f]{16}\.kioku-backup$/);
    } finally {
      await first.close();
    }

    const second = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = second;
      await openDeckList(page, app.url);
      await openBackups(page);
      expect(await page.getByTestId('backup-location').innerText()).toMatch(/clearing this site’s data deletes both/);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Restore from a file…' }).click();
      await (await chooser).setFiles({ name: saved.name, mimeType: 'application/zip', buffer: saved.buffer });
      const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
      await dialog.getByRole('button', { name: 'Restore' }).click();
      await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/Backup restored/);
      expect(await countStore(page, 'notes')).toBe(saved.notes);
    } finally {
      await second.close();
    }
  });

  it('keep backups in a folder the learner chose, outside the browser’s storage, across a reload', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page, context } = browser;
      // Headless Chromium cannot click through the browser's own folder picker, so the picker
      // hands back a real folder handle from the origin private file system: the same
      // FileSystemDirectoryHandle a picked folder is, written to through the same calls.
      await context.addInitScript(() => {
        Object.defineProperty(window, 'showDirectoryPicker', {
          value: async () => (await navigator.storage.getDirectory()).getDirectoryHandle('Kioku backups', { create: true }),
        });
      });
      await openDeckList(page, app.url);
      await importCsv(page, 'kept-in-a-folder');
      await openBackups(page);
      await page.getByRole('button', { name: 'Keep backups in a folder…' }).click();
      await expect.poll(() => page.getByRole('status').first().innerText()).toMatch(/New backups are kept in the chosen folder/);
      expect(await page.getByTestId('backup-location').innerText()).toMatch(/in the folder “Kioku backups” you chose/);
      await importCsv(page, 'after-choosing');
      await backUpNow(page, /Backup saved/);

      const filesInFolder = () =>
        page.evaluate(async () => {
          const folder = await (await navigator.storage.getDirectory()).getDirectoryHandle('Kioku backups');
          const names: string[] = [];
          for await (const name of (folder as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
          return names.sort();
        });
      const listed = async () => (await rows(page).evaluateAll((all) => all.map((row) => row.getAttribute('data-backup') ?? ''))).sort();
      const backupFiles = (await filesInFolder()).filter((name) => name.endsWith('.kioku-backup'));
      expect(backupFiles.length).toBeGreaterThanOrEqual(1);
      expect(await listed()).toEqual(backupFiles);
      expect(backupFiles.some((name) => /-manual-/.test(name))).toBe(true);

      await page.reload();
      await page.locator('tr[data-deck-id]').first().waitFor();
      await openBackups(page);
      expect(await page.getByTestId('backup-location').innerText()).toMatch(/Kioku backups/);
      await expect.poll(listed).toEqual(backupFiles);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /^Download the backup from/ }).first().click();
      expect((await download).suggestedFilename()).toBe([...backupFiles].sort().at(-1));
      await page.screenshot({ path: join(screenshotDir, 'backups-folder-en-light.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });
});
