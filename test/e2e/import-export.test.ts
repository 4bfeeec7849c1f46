import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES_AND_THEMES, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { countStore } from './app-db';

const fixtures = resolve(fileURLToPath(import.meta.url), '..', '..', 'fixtures');
const vocabCsv = readFileSync(join(fixtures, 'transfer', 'vocab.csv'));
const brokenCsv = Buffer.from('front,back\n犬,dog\n"猫,cat\n', 'utf8');

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());

const labels = {
  'en-US': { decks: 'Decks', import: 'Import', export: 'Export', backups: 'Backups', choose: 'Choose a file…', confirm: 'Import', now: 'Back up now' },
  'ja-JP': { decks: 'デッキ', import: '読み込み', export: '書き出し', backups: 'バックアップ', choose: 'ファイルを選ぶ…', confirm: '読み込む', now: '今すぐバックアップ' },
} as const;
type Locale = keyof typeof labels;

function nav(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

async function chooseFile(page: Page, locale: Locale, name: string, buffer: Buffer): Promise<void> {
  await nav(page, labels[locale].import).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: labels[locale].choose }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer });
}

async function confirmImport(page: Page, locale: Locale): Promise<string> {
  await page.getByTestId('import-preview').getByRole('button', { name: labels[locale].confirm, exact: true }).click();
  return page.getByTestId('import-result').innerText();
}

describe('import', () => {
  it('previews a CSV with its delimiter, header and columns, imports it, and finds it unchanged the second time', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      const notesBefore = await countStore(page, 'notes');
      await chooseFile(page, 'en-US', 'vocab.csv', vocabCsv);
      const preview = page.getByTestId('import-preview');
      await expect.poll(() => page.getByTestId('import-notes').textContent()).toBe('3');
      expect(await page.getByTestId('import-format').textContent()).toBe('CSV');
      expect(await preview.getByRole('combobox', { name: 'Delimiter' }).inputValue()).toBe(',');
      expect(await preview.getByRole('checkbox', { name: 'First row is a header' }).isChecked()).toBe(true);
      expect(await preview.getByRole('combobox', { name: 'Deck column' }).locator('option:checked').textContent()).toBe('4: deck');

      expect(await confirmImport(page, 'en-US')).toMatch(/Notes added\s+3\s+Notes updated\s+0\s+Notes unchanged\s+0/);
      expect(await countStore(page, 'notes')).toBe(notesBefore + 3);

      await chooseFile(page, 'en-US', 'vocab.csv', vocabCsv);
      await expect.poll(() => page.getByTestId('import-notes').textContent()).toBe('3');
      expect(await confirmImport(page, 'en-US')).toMatch(/Notes added\s+0\s+Notes updated\s+0\s+Notes unchanged\s+3/);
      expect(await countStore(page, 'notes')).toBe(notesBefore + 3);
    } finally {
      await browser.close();
    }
  });

  it('lets the learner remap CSV columns and re-reads the file with them', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await chooseFile(page, 'en-US', 'vocab.csv', vocabCsv);
      const preview = page.getByTestId('import-preview');
      await expect.poll(() => page.getByTestId('import-notes').textContent()).toBe('3');
      // Without the deck column every row goes to one deck named after the file.
      await preview.getByRole('combobox', { name: 'Deck column' }).selectOption('');
      await expect.poll(() => preview.locator('dd').nth(1).textContent()).toBe('1');
      // Tags as the front: "animals" twice in one deck is a duplicate front, left out with its row named.
      await preview.getByRole('combobox', { name: 'Front column' }).selectOption('2');
      await expect.poll(() => page.getByTestId('import-notes').textContent()).toBe('2');
      expect(await page.getByTestId('import-skipped').innerText()).toMatch(/Row 3: the same first field came earlier in the same deck/);
      expect(await preview.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(false);
    } finally {
      await browser.close();
    }
  });

  it('names the file and row of a broken CSV and changes nothing', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      const notesBefore = await countStore(page, 'notes');
      await chooseFile(page, 'en-US', 'broken.csv', brokenCsv);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/broken\.csv, row 3: a quoted field is never closed/);
      expect(await alert.innerText()).toContain('Nothing was changed in your collection.');
      expect(await countStore(page, 'notes')).toBe(notesBefore);
    } finally {
      await browser.close();
    }
  });

  it('previews a file dropped onto the window', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.evaluate((text) => {
        const data = new DataTransfer();
        data.items.add(new File([text], 'dropped.tsv', { type: 'text/tab-separated-values' }));
        for (const type of ['dragenter', 'dragover', 'drop']) {
          document.body.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
        }
      }, 'front\tback\n山\tmountain\n川\triver\n');
      await expect.poll(() => page.getByTestId('import-notes').textContent()).toBe('2');
      expect(await page.getByTestId('import-format').textContent()).toBe('TSV');
      expect(await page.getByRole('heading', { name: 'dropped.tsv' }).count()).toBe(1);
    } finally {
      await browser.close();
    }
  });

  it('cancels a long import and leaves the collection as it was', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      const notesBefore = await countStore(page, 'notes');
      const cardsBefore = await countStore(page, 'cards');
      const rows = Array.from({ length: 30_000 }, (_, i) => `word ${i},meaning ${i}`).join('\n');
      await chooseFile(page, 'en-US', 'long.csv', Buffer.from(`front,back\n${rows}\n`));
      await expect.poll(() => page.getByTestId('import-notes').textContent(), { timeout: 30_000 }).toBe('30000');
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('group', { name: 'Importing long.csv…' }).getByRole('button', { name: 'Cancel' }).click();
      await page.getByText('Import cancelled. Nothing was changed in your collection.').waitFor();
      expect(await countStore(page, 'notes')).toBe(notesBefore);
      expect(await countStore(page, 'cards')).toBe(cardsBefore);
    } finally {
      await browser.close();
    }
  });
});

describe('export and backups', () => {
  it('exports the collection as CSV through a download', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await chooseFile(page, 'en-US', 'vocab.csv', vocabCsv);
      await confirmImport(page, 'en-US');
      await nav(page, 'Export').click();
      await page.getByRole('combobox', { name: 'Format' }).selectOption('csv');
      await page.getByRole('checkbox', { name: 'All decks' }).uncheck();
      await page.getByRole('checkbox', { name: '日本語', exact: true }).check();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export', exact: true }).and(page.locator('[type=submit]')).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('日本語.csv');
      const text = readFileSync(await file.path(), 'utf8');
      expect(text).toContain('犬');
      expect(text).toContain('日本語::動物');
      await page.getByText('Saved 日本語.csv.').waitFor();
    } finally {
      await browser.close();
    }
  });

  it('backs up, then restores that backup after saving the current collection first', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      const notesAtBackup = await countStore(page, 'notes');
      await nav(page, 'Backups').click();
      await page.getByRole('button', { name: 'Back up now' }).click();
      await page.getByText('Backup saved.').waitFor();
      await expect.poll(() => page.locator('tr[data-backup]').count()).toBe(1);
      // Columns: made at, why, notes, cards, size.
      expect(Number(await page.locator('tr[data-backup] td:nth-child(4)').innerText())).toBe(await countStore(page, 'cards'));

      await chooseFile(page, 'en-US', 'vocab.csv', vocabCsv);
      await confirmImport(page, 'en-US');
      expect(await countStore(page, 'notes')).toBe(notesAtBackup + 3);

      await nav(page, 'Backups').click();
      await page.getByRole('button', { name: /^Restore the backup from/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
      await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
      await page.getByText(/^Backup restored:/).waitFor();
      expect(await countStore(page, 'notes')).toBe(notesAtBackup);
      // The collection with the import was saved before it was replaced.
      await expect.poll(() => page.locator('tr[data-backup]').count()).toBe(2);
    } finally {
      await browser.close();
    }
  });
});

describe('screenshots of the transfer screens', () => {
  for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
    it(`shows Import (preview and error), Export and Backups (${locale}, ${colorScheme})`, async () => {
      const browser = await openBrowser({ locale, colorScheme });
      const shot = (name: string) => browser.page.screenshot({ path: join(screenshotDir, `${name}-${locale}-${colorScheme}.png`), fullPage: true });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        await chooseFile(page, locale, 'vocab.csv', vocabCsv);
        await expect.poll(() => page.getByTestId('import-notes').textContent()).toBe('3');
        await shot('20-import-preview');
        await chooseFile(page, locale, 'odd.csv', Buffer.from('front,back\n犬,dog\n,no front\n犬,again\n猫,cat\n', 'utf8'));
        await page.getByTestId('import-skipped').waitFor();
        await shot('20-import-skipped');
        await chooseFile(page, locale, 'broken.csv', brokenCsv);
        await page.getByRole('alert').waitFor();
        await shot('21-import-error');
        await nav(page, labels[locale].export).click();
        await page.locator('form [type=submit]').waitFor();
        await shot('22-export');
        await nav(page, labels[locale].backups).click();
        await page.getByRole('button', { name: labels[locale].now }).click();
        await page.locator('tr[data-backup]').first().waitFor();
        await shot('23-backups');
        await page.locator('tr[data-backup] button.danger').first().click();
        await page.getByRole('dialog').waitFor();
        await shot('24-backups-restore');
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1)).toBe(true);
      } finally {
        await browser.close();
      }
    });
  }
});
