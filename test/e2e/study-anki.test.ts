import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES_AND_THEMES, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { readStore } from './app-db';

const typeInDeck = readFileSync(resolve(fileURLToPath(import.meta.url), '..', '..', 'fixtures', 'study', 'type-in.json'));

let app: { url: string; close: () => Promise<void> };
beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());

const text = {
  'en-US': { import: 'Import', choose: 'Choose a file…', confirm: 'Import', study: 'Study 入力練習', show: 'Show answer' },
  'ja-JP': { import: '読み込み', choose: 'ファイルを選ぶ…', confirm: '読み込む', study: '「入力練習」を学習する', show: '答えを表示' },
} as const;

async function importTypeInDeck(page: Page, locale: keyof typeof text): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: text[locale].import, exact: true }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: text[locale].choose }).click();
  await (await chooser).setFiles({ name: 'type-in.json', mimeType: 'application/json', buffer: typeInDeck });
  await page.getByTestId('import-preview').getByRole('button', { name: text[locale].confirm, exact: true }).click();
  await page.getByTestId('import-result').waitFor();
}

/** Types Japanese as an input method does: keys while composing (Enter picks a conversion), then the text. */
async function typeThroughInputMethod(page: Page, reading: string, result: string): Promise<void> {
  await page.evaluate(
    ({ reading, result }) => {
      const input = document.activeElement as HTMLInputElement;
      input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      for (const key of [...reading, ' ', 'Enter']) {
        input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, isComposing: true, keyCode: 229 }));
      }
      input.value += result;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, data: result, inputType: 'insertCompositionText' }));
      input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: result }));
    },
    { reading, result },
  );
}

async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '');
    if (focused.trim() === name) return;
  }
  throw new Error(`Tab never reached "${name}"`);
}

describe("a study session with Anki's keys only", () => {
  it('answers a type-in card in Japanese through an input method, then Good, bury, undo, help, decks', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await importTypeInDeck(page, 'en-US');
      await page.keyboard.press('d');
      await page.getByRole('heading', { name: 'Decks', level: 1 }).waitFor();
      await tabTo(page, text['en-US'].study);
      await page.keyboard.press('Enter');

      const card = page.locator('article.card');
      await page.getByRole('textbox', { name: 'Type the answer, then press Enter' }).waitFor();
      expect(await card.locator('ruby').count()).toBe(3);
      expect(await card.locator('rt').first().innerText()).toBe('ほぞん');
      // Keys pressed while the input method composes are neither shortcuts nor an answer.
      await typeThroughInputMethod(page, 'angouka', '暗号化');
      expect(await page.getByRole('button', { name: 'Show answer' }).count()).toBe(1);
      await page.keyboard.press('Enter');
      await card.locator('.typeGood').waitFor();
      expect(await card.locator('code').innerText()).toBe('暗号化');

      // Space on the answer side means Good, as in Anki.
      await page.keyboard.press('Space');
      await expect.poll(async () => (await readStore<{ rating: number }>(page, 'reviews')).map((review) => review.rating)).toEqual([3]);

      await page.getByRole('textbox', { name: 'Type the answer, then press Enter' }).waitFor();
      const second = await card.innerText();
      // Tab leaves the type-in box, so the next key is a shortcut again.
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+1');
      await page.getByRole('status').filter({ hasText: 'Flag set: Red.' }).waitFor();
      await page.getByTestId('card-marks').filter({ hasText: 'Red' }).waitFor();
      await page.keyboard.press('*');
      await page.getByRole('status').filter({ hasText: 'Note marked.' }).waitFor();
      expect((await readStore<{ flag?: number }>(page, 'cards')).filter((row) => row.flag === 1)).toHaveLength(1);
      expect((await readStore<{ tags: string[] }>(page, 'notes')).filter((row) => row.tags.includes('marked'))).toHaveLength(1);
      expect(await card.innerText()).toBe(second);
      await page.keyboard.press('-');
      await page.getByRole('status').filter({ hasText: 'Card buried until tomorrow.' }).waitFor();
      await page.keyboard.press('Control+z');
      await page.getByRole('status').filter({ hasText: 'Undone: Bury.' }).waitFor();
      expect(await card.innerText()).toBe(second);

      // The card brought back has its type-in box focused again, where ? is text: Tab out first.
      await page.keyboard.press('Tab');
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await page.keyboard.press('?');
      await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

      await page.keyboard.press('d');
      await page.getByRole('heading', { name: 'Decks', level: 1 }).waitFor();
    } finally {
      await browser.close();
    }
  });

  it.each(LOCALES_AND_THEMES)('shows ruby and a type-in comparison ($locale, $colorScheme)', async ({ locale, colorScheme }) => {
    const browser = await openBrowser({ locale, colorScheme });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await importTypeInDeck(page, locale);
      await page.getByRole('navigation').getByRole('button').first().click();
      await page.getByRole('button', { name: text[locale].study }).click();
      const box = page.getByRole('textbox');
      await box.waitFor();
      await box.fill('暗合化');
      await page.screenshot({ path: join(screenshotDir, `study-type-in-front-${locale}-${colorScheme}.png`) });
      await page.keyboard.press('Enter');
      await page.locator('article.card .typeBad').waitFor();
      expect(await page.locator('article.card .typeBad').innerText()).toBe('合');
      expect(await page.locator('article.card .typeMissed').innerText()).toBe('号');
      await page.screenshot({ path: join(screenshotDir, `study-type-in-back-${locale}-${colorScheme}.png`) });
    } finally {
      await browser.close();
    }
  });
});
