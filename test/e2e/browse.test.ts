import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardTemplatesFor, stripHtml } from '../../src/core/cards';
import { readCsv } from '../../src/core/formats';
import { readStore } from './app-db';
import { parseDeckFile } from '../../src/core/deck-format';
import { openBrowser, openDeckList, serveApp } from './browser';
import { builtInCardCount, expectedBuiltInDecks } from './built-in-counts';
import { browseDoneReading, firstRow, firstRowNow, recordFirstRow } from './first-rows';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

const decksDir = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'decks');

/** Cards of the built-in decks whose fields mention `word`, counted from the files. */
function cardsMentioning(word: string): number {
  const fold = (text: string) => text.normalize('NFKC').toLowerCase();
  return readdirSync(decksDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => parseDeckFile(readFileSync(join(decksDir, name), 'utf8'), name))
    .flatMap((data) =>
      data.notes
        .filter((note) => fold(note.fields.map(stripHtml).join('\u001f')).includes(fold(word)))
        .map((note) => {
          const noteType = data.noteTypes.find((type) => type.id === note.noteTypeId);
          return noteType ? cardTemplatesFor(noteType, note).length : 0;
        }),
    )
    .reduce((sum, n) => sum + n, 0);
}

async function waitForCount(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelector('[data-testid=browse-count]')?.textContent === `Matching cards: ${n}`, count);
}

async function search(page: Page, text: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
}

describe('browse', () => {
  it('searches with Anki’s syntax, moves a selected range to another deck, undoes and redoes it', async () => {
    const decks = expectedBuiltInDecks();
    const total = builtInCardCount();
    const leaves = decks.filter((deck) => deck.name.includes('::') && deck.cards >= 3);
    const [from, to] = leaves;
    if (!from || !to) throw new Error('the built-in decks need two subdecks with cards');
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.getByRole('button', { name: 'Browse', exact: true }).click();
      await waitForCount(page, total);

      // Every match is reachable: the last row is drawn once scrolled to.
      await page.getByTestId('browse-table').evaluate((element) => (element.scrollTop = element.scrollHeight));
      await page.locator(`tbody tr[aria-rowindex="${total + 1}"]`).waitFor();

      const word = '脅威';
      await search(page, word);
      await waitForCount(page, cardsMentioning(word));
      await search(page, `${word} -${word}`);
      await waitForCount(page, 0);

      await search(page, 'deck:(');
      await page.getByTestId('search-problem').filter({ hasText: 'A bracket ( that is never closed.' }).waitFor();
      expect(await page.getByTestId('search-problem').locator('mark').innerText()).toBe('(');

      await search(page, `"deck:${from.name}" -"deck:${from.name}::*"`);
      await waitForCount(page, from.cards);
      const rows = page.locator('tbody tr[data-card]');
      await rows.nth(0).click();
      await rows.nth(2).click({ modifiers: ['Shift'] });
      expect(await page.getByTestId('browse-selected').innerText()).toBe('Selected: 3');

      await page.getByRole('button', { name: 'Change deck…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Move 3 cards to deck' });
      await dialog.getByRole('combobox', { name: 'Deck' }).selectOption({ label: to.name.replaceAll('::', ' › ') });
      await dialog.getByRole('button', { name: 'Apply' }).click();
      await page.getByRole('status').filter({ hasText: 'Moved 3 cards to another deck.' }).waitFor();
      await waitForCount(page, from.cards - 3);

      await page.keyboard.press('Control+z');
      await page.getByRole('status').filter({ hasText: 'Undone: Change Deck.' }).waitFor();
      await waitForCount(page, from.cards);

      await page.getByRole('button', { name: 'Redo Change Deck' }).click();
      await page.getByRole('status').filter({ hasText: 'Redone: Change Deck.' }).waitFor();
      await waitForCount(page, from.cards - 3);
      await search(page, `"deck:${to.name}"`);
      await waitForCount(page, to.cards + 3);

      // Sorting by a column is kept for the next visit.
      await page.getByRole('button', { name: 'Sort by Lapses' }).click();
      await page.locator('th[aria-sort="ascending"]').filter({ hasText: 'Lapses' }).waitFor();
      await page.reload();
      await page.locator('tr[data-deck-id]').first().waitFor();
      await page.getByRole('button', { name: 'Browse', exact: true }).click();
      await page.locator('th[aria-sort="ascending"]').filter({ hasText: 'Lapses' }).waitFor();

      // Keyboard: / to search, arrows to move, Enter to edit.
      await page.keyboard.press('/');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog', { name: 'Edit note' }).waitFor();
    } finally {
      await browser.close();
    }
  });

  it('Ctrl+A pressed while only the first rows are drawn chooses every card, and a bulk action changes them all', async () => {
    const total = builtInCardCount();
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      // Keys pressed the moment the first row is in the page: Browse has drawn only the first rows
      // read off the index and has not started reading the whole list, however fast this machine is.
      await page.addInitScript(() => {
        const observer = new MutationObserver(() => {
          const drawn = document.querySelectorAll('[data-testid="browse-table"] tbody tr[data-card]').length;
          if (drawn === 0) return;
          observer.disconnect();
          const press = (key: string, shiftKey = false) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key, ctrlKey: true, shiftKey, bubbles: true }));
          press('a');
          press('j');
          // Read once the screen has caught up with the keys, before the next frame lets the whole list be read.
          setTimeout(() => {
            (window as unknown as { chosenAtFirstRows: string }).chosenAtFirstRows = document.querySelector('[data-testid="browse-selected"]')?.textContent ?? '';
          });
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      await openDeckList(page, app.url);
      await page.getByRole('button', { name: 'Browse', exact: true }).click();
      const done = page.getByRole('status').filter({ hasText: /Suspended \d+ cards?\./ });
      await done.waitFor();
      expect(await done.innerText()).toBe(`Suspended ${total} cards.`);
      await waitForCount(page, total);
      expect(await page.evaluate(() => (window as unknown as { chosenAtFirstRows: string }).chosenAtFirstRows)).toBe(`Selected: ${total}`);
      const cards = await readStore<{ suspended: boolean }>(page, 'cards');
      expect(cards.filter((card) => card.suspended)).toHaveLength(total);
      expect(await page.getByTestId('browse-selected').innerText()).toBe(`Selected: ${total}`);
    } finally {
      await browser.close();
    }
  });

  it('keeps the first rows where they were drawn while the rest is read, so a click there chooses the card seen', async () => {
    const total = builtInCardCount();
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await recordFirstRow(page);
      await openDeckList(page, app.url);
      await page.getByRole('button', { name: 'Browse', exact: true }).click();
      const first = await firstRow(page);
      await browseDoneReading(page, total);
      expect(await firstRowNow(page)).toEqual({ ...first, inPage: true });
      await page.mouse.click(first.x + first.width / 2, first.y + first.height / 2);
      const chosen = page.locator('[role="grid"] tbody tr.selected');
      await chosen.waitFor({ timeout: 10_000 });
      expect(await chosen.getAttribute('data-card')).toBe(first.card);
    } finally {
      await browser.close();
    }
  });

  it('never says no cards match while the cards are still being read', async () => {
    const total = builtInCardCount();
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      // Every text Browse shows before its first row, caught on each change of the page.
      await page.addInitScript(() => {
        const seen = new Set<string>();
        (window as unknown as { seenBeforeRows: Set<string> }).seenBeforeRows = seen;
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[aria-labelledby="browse-title"]')) return;
          if (document.querySelector('[data-testid="browse-table"] tbody tr[data-card]')) return observer.disconnect();
          const main = document.querySelector('main');
          for (const element of main ? main.querySelectorAll('p, span') : []) seen.add(element.textContent?.trim() ?? '');
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      });
      await openDeckList(page, app.url);
      await page.getByRole('button', { name: 'Browse', exact: true }).click();
      await waitForCount(page, total);
      const seen = await page.evaluate(() => [...(window as unknown as { seenBeforeRows: Set<string> }).seenBeforeRows]);
      expect(seen).not.toContain('No cards match.');
      expect(seen).not.toContain('Matching cards: 0');
      expect(seen).toContain('Loading…');
    } finally {
      await browser.close();
    }
  });

  it('exports the notes of a selection as CSV', async () => {
    const leaf = expectedBuiltInDecks().find((deck) => deck.name.includes('::') && deck.cards >= 3)!;
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await page.getByRole('button', { name: 'Browse', exact: true }).click();
      await search(page, `"deck:${leaf.name}" -"deck:${leaf.name}::*"`);
      await waitForCount(page, leaf.cards);
      const rows = page.locator('tbody tr[data-card]');
      await rows.nth(0).click();
      await rows.nth(1).click({ modifiers: ['Control'] });
      const cardIds = await page.locator('tbody tr[data-card][aria-selected="true"]').evaluateAll((all) => all.map((row) => row.getAttribute('data-card')!));
      expect(cardIds).toHaveLength(2);

      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export the notes of 2 cards' });
      await dialog.getByRole('combobox', { name: 'Format' }).selectOption('csv');
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      const file = await download;
      await page.getByRole('status').filter({ hasText: /^Saved .*\.csv \(the notes of 2 cards\)\.$/ }).waitFor();

      const cards = await readStore<{ id: string; noteId: string }>(page, 'cards');
      const notes = await readStore<{ id: string; fields: string[] }>(page, 'notes');
      const noteIds = new Set(cardIds.map((id) => cards.find((card) => card.id === id)!.noteId));
      const expected = notes.filter((note) => noteIds.has(note.id)).map((note) => note.fields[0]);
      const { collection } = readCsv(new Uint8Array(readFileSync(await file.path())), file.suggestedFilename());
      expect(collection.notes.map((note) => note.fields[0]).sort()).toEqual(expected.sort());
    } finally {
      await browser.close();
    }
  });
});
