import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardTemplatesFor, stripHtml } from '../../src/core/cards';
import { parseDeckFile } from '../../src/core/deck-format';
import { openBrowser, openDeckList, serveApp } from './browser';
import { expectedBuiltInDecks, topBuiltInDeck } from './built-in-counts';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

const decksDir = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'decks');

/** Cards of the built-in decks whose note mentions `word`, counted from the files. */
function cardsMentioning(word: string): number {
  const fold = (text: string) => text.normalize('NFKC').toLowerCase();
  return readdirSync(decksDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => parseDeckFile(readFileSync(join(decksDir, name), 'utf8'), name))
    .flatMap((data) =>
      data.notes
        .filter((note) => fold([...note.fields.map(stripHtml), ...note.tags].join(' ')).includes(fold(word)))
        .map((note) => {
          const noteType = data.noteTypes.find((type) => type.id === note.noteTypeId);
          return noteType ? cardTemplatesFor(noteType, note).length : 0;
        }),
    )
    .reduce((sum, n) => sum + n, 0);
}

async function resultCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('browse-count').innerText()).replace(/\D/g, ''));
}

async function waitForCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelector('[data-testid=browse-count]')?.textContent === `Matching cards: ${n}`, count);
}

describe('browse', () => {
  it('searches Japanese text, edits, suspends, deletes with undo and adds a note', async () => {
    const total = expectedBuiltInDecks()
      .filter((deck) => !deck.name.includes('::'))
      .reduce((sum, deck) => sum + deck.cards, 0);
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.getByRole('button', { name: 'Browse', exact: true }).click();
      await waitForCount(page, total);

      const word = '脅威';
      const mentioning = cardsMentioning(word);
      expect(mentioning).toBeGreaterThan(0);
      await page.getByRole('searchbox', { name: 'Search' }).fill(word);
      await waitForCount(page, mentioning);

      const firstRow = page.locator('tbody tr').first();
      await firstRow.getByRole('button', { name: 'Suspend', exact: true }).click();
      await firstRow.getByRole('button', { name: 'Unsuspend' }).waitFor();
      await page.getByRole('combobox', { name: 'State' }).selectOption('suspended');
      await waitForCount(page, 1);
      await page.getByRole('combobox', { name: 'State' }).selectOption('');
      await waitForCount(page, mentioning);

      await firstRow.getByRole('button', { name: /^Edit note:/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Edit note' });
      await dialog.getByRole('textbox', { name: 'Tags' }).fill('edited-by-test');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').filter({ hasText: 'Note saved.' }).waitFor();
      await page.getByRole('combobox', { name: 'Tag' }).selectOption('edited-by-test');
      const editedCards = await resultCount(page);
      expect(editedCards).toBeGreaterThan(0);
      await page.getByRole('combobox', { name: 'Tag' }).selectOption('');
      await waitForCount(page, mentioning);

      await firstRow.getByRole('button', { name: 'Delete note' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete note' }).click();
      await page.getByRole('status').filter({ hasText: 'Note deleted.' }).waitFor();
      await page.waitForFunction(
        (n) => Number(document.querySelector('[data-testid=browse-count]')?.textContent?.replace(/\D/g, '')) < n,
        mentioning,
      );
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await waitForCount(page, mentioning);

      await page.getByRole('button', { name: 'Add note' }).click();
      const add = page.getByRole('dialog', { name: 'Add a note' });
      await add.getByRole('textbox', { name: 'Front' }).fill('手書きの表面');
      await add.getByRole('textbox', { name: 'Back' }).fill('裏面');
      await add.getByRole('button', { name: 'Add', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Note added.' }).waitFor();
      await page.getByRole('searchbox', { name: 'Search' }).fill('手書き');
      await waitForCount(page, 1);
      await page.getByRole('searchbox', { name: 'Search' }).fill('');
      await waitForCount(page, total + 1);
    } finally {
      await browser.close();
    }
  });
});

describe('options', () => {
  it('switches language and theme, keeps them after a reload, and applies a deck limit', async () => {
    const root = topBuiltInDeck();
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.getByRole('button', { name: 'Options', exact: true }).click();

      await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('-3');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('New cards per day must be a number from 0 to 9999.').waitFor();
      await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('5');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').filter({ hasText: 'Options saved.' }).first().waitFor();

      await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
      await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
      await page.getByRole('button', { name: 'デッキ', exact: true }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');

      await page.reload();
      await page.locator('tr[data-deck-id]').first().waitFor();
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('デッキ');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      const rootRow = page.locator('tr[data-deck-id]').first();
      expect(Number(await rootRow.getByTestId('deck-new').innerText())).toBe(Math.min(5, root.cards));
    } finally {
      await browser.close();
    }
  });
});
