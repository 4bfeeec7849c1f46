import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepDecksFile } from '../fixtures/hostile/generated';
import { countStore } from './app-db';
import { importThroughUi, openBrowser, openDeckList, serveApp } from './browser';
import { topBuiltInDeck } from './built-in-counts';

const fixtures = resolve(fileURLToPath(import.meta.url), '..', '..', 'fixtures', 'hostile');
const absurdDue = JSON.parse(readFileSync(join(fixtures, 'absurd-due.json'), 'utf8')) as {
  decks: { name: string }[];
  cards: Record<string, unknown>[];
  reviews?: Record<string, unknown>[];
};

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

/** Deck file with the absurd card merged, by name, into the learner's own top deck, as in the report. */
function absurdFile(field: string, value: number): Buffer {
  const file = structuredClone(absurdDue);
  file.decks[0]!.name = topBuiltInDeck().name;
  file.cards[0] = { ...file.cards[0], due: 1764460800000, [field]: value };
  return Buffer.from(JSON.stringify(file));
}

/** The whole tree studies and Browse lists every card: what the absurd card used to break. */
async function collectionStillWorks(page: Page, cards: number): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
  await page.getByRole('button', { name: `Study ${topBuiltInDeck().label}` }).click();
  await page.getByRole('button', { name: 'Show answer' }).waitFor();
  await page.getByRole('navigation').getByRole('button', { name: 'Browse', exact: true }).click();
  await expect.poll(() => page.getByTestId('browse-count').innerText().catch(() => '')).toContain(String(cards));
}

async function refusedSaying(page: Page, text: string | RegExp): Promise<void> {
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toMatch(text);
  expect(await alert.innerText()).toContain('Nothing was changed in your collection.');
  expect(await page.getByTestId('import-preview').count()).toBe(0);
}

describe('absurd numbers and absurdly deep decks, through the real UI', () => {
  it('refuses a card with due -1e300 (or another absurd number) merged into the learner\'s deck, naming it; Study and Browse go on working', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      const cards = await countStore(page, 'cards');
      for (const [field, value, message] of [
        ['due', -1e300, /absurd-due\.json.*card absurd-card: due is -1e\+300; expected a time between the years 1 and 9999/s],
        ['lastReview', 1e300, /card absurd-card: lastReview is 1e\+300/],
        ['stability', 1e300, /card absurd-card: stability is 1e\+300/],
        ['scheduledDays', -1e300, /card absurd-card: scheduledDays is -1e\+300/],
      ] as const) {
        await importThroughUi(page, 'absurd-due.json', absurdFile(field, value));
        await refusedSaying(page, message);
        expect(await countStore(page, 'cards'), field).toBe(cards);
      }
      await collectionStillWorks(page, cards);
    } finally {
      await browser.close();
    }
  });

  it('refuses 3,000 nested decks by the depth limit, and the app opens again after a reload', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    const dir = mkdtempSync(join(tmpdir(), 'kioku-deep-'));
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      const decks = await countStore(page, 'decks');
      // 18 MB of deck names: handed over as a file on disk, as a learner's file picker does.
      const path = join(dir, 'deep.json');
      writeFileSync(path, deepDecksFile(3000));
      await page.getByRole('navigation').getByRole('button', { name: 'Import', exact: true }).click();
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose a file…' }).click();
      await (await chooser).setFiles(path);
      await refusedSaying(page, /deep\.json.*is nested 101 decks deep; the limit is 100/s);
      expect(await countStore(page, 'decks')).toBe(decks);
      await openDeckList(page, app.url);
      expect(await page.getByRole('alert').count()).toBe(0);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes 100 nested decks, the limit: the deck list fits the window, the deepest deck studies, and a reload opens the collection', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await importThroughUi(page, 'deep.json', Buffer.from(deepDecksFile(100)));
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-result').waitFor();

      await openDeckList(page, app.url);
      const deepest = page.locator('tr[data-deck-id="deep-99"]');
      await deepest.waitFor();
      const fits = await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1);
      expect(fits).toBe(true);
      const box = await deepest.locator('[data-testid="deck-name"]').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
      await deepest.getByRole('button', { name: 'Study L99' }).click();
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      await page.keyboard.press('Space');
      await page.locator('.answers').waitFor();
    } finally {
      await browser.close();
    }
  });
});
