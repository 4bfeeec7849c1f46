import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES_AND_THEMES, openBrowser, openDeckList, screenshotDir, serveApp } from './browser';
import { layoutProblems, midWordBreaks, PHONES, type LayoutProblems } from './phone';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());

const NAV = {
  'ja-JP': { more: 'その他', showAnswer: '答えを表示', edit: 'ノートを編集', close: '閉じる', actions: 'カードの操作', moreActions: 'その他の操作', bury: '明日まで延期' },
  'en-US': { more: 'More', showAnswer: 'Show answer', edit: 'Edit note', close: 'Close', actions: 'Card actions', moreActions: 'More actions', bury: 'Bury until tomorrow' },
} as const;

describe('every screen on a phone', () => {
  for (const phone of PHONES) {
    for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
      it(`fits ${phone.width}×${phone.height} with finger-sized controls (${locale}, ${colorScheme})`, async () => {
        const browser = await openBrowser({ locale, colorScheme, phone });
        const found: Record<string, LayoutProblems> = {};
        const { page } = browser;
        const look = async (name: string): Promise<void> => {
          await page.waitForTimeout(300);
          const shot = `phone-${phone.width}-${name}-${locale}-${colorScheme}`;
          await page.screenshot({ path: join(screenshotDir, `${shot}.png`), fullPage: true });
          found[name] = await layoutProblems(page);
        };
        const nav = (page: Page) => page.getByRole('navigation');
        const goTo = async (label: RegExp): Promise<void> => {
          const direct = nav(page).getByRole('button', { name: label });
          if (await direct.isVisible()) return direct.click();
          await nav(page).getByRole('button', { name: NAV[locale].more }).click();
          await page.getByRole('group', { name: NAV[locale].more }).getByRole('button', { name: label }).click();
        };
        try {
          await openDeckList(page, app.url);
          await look('decks');
          // Deck names keep to one or two lines, broken between words (the issue saw 「サ／ー／ビ／ス」).
          const nameLines = await page.getByTestId('deck-name').evaluateAll((names) =>
            names.map((name) => ({ name: name.textContent, lines: Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight)) })),
          );
          expect(nameLines.filter(({ lines }) => lines > 2)).toEqual([]);
          // …and never inside a word: 「非機能要求グレー／ド」 kept to two lines and still split グレード.
          expect(await midWordBreaks(page, '[data-testid="deck-name"]')).toEqual([]);
          await page.locator('tr[data-deck-id] td.action button').first().tap();
          await page.getByRole('button', { name: NAV[locale].showAnswer }).waitFor();
          await look('study-front');
          // Study's toolbar keeps to one line of finger-sized buttons; Bury, Suspend, Flag and Mark sit behind ⋯.
          const toolbar = page.getByRole('toolbar', { name: NAV[locale].actions });
          expect((await toolbar.boundingBox())!.height).toBeLessThan(2 * 44);
          const moreActions = toolbar.getByRole('button', { name: NAV[locale].moreActions });
          const bury = toolbar.getByRole('button', { name: NAV[locale].bury });
          await moreActions.tap();
          await expect.poll(() => bury.isVisible()).toBe(true);
          expect(await moreActions.getAttribute('aria-expanded')).toBe('true');
          await look('study-more');
          await moreActions.tap();
          await expect.poll(() => bury.isVisible()).toBe(false);
          // By keyboard too: Tab reaches ⋯, Enter opens it, Tab goes on into its actions, and Escape
          // closes it without leaving Study.
          await moreActions.focus();
          await page.keyboard.press('Enter');
          await expect.poll(() => bury.isVisible()).toBe(true);
          await page.keyboard.press('Tab');
          expect(await bury.evaluate((button) => button === document.activeElement)).toBe(true);
          await page.keyboard.press('Escape');
          await expect.poll(() => bury.isVisible()).toBe(false);
          expect(await moreActions.evaluate((button) => button === document.activeElement)).toBe(true);
          expect(await moreActions.getAttribute('aria-expanded')).toBe('false');
          await page.getByRole('button', { name: NAV[locale].showAnswer }).tap();
          await page.locator('.answers').waitFor();
          await look('study-back');
          // A dialog is a full-screen sheet on a phone.
          await page.getByRole('button', { name: NAV[locale].edit }).tap();
          const sheet = await page.getByRole('dialog').boundingBox();
          expect(sheet).toEqual({ x: 0, y: 0, width: phone.width, height: phone.height });
          await look('edit-sheet');
          await page.getByRole('dialog').getByRole('button', { name: NAV[locale].close, exact: true }).tap();
          const screens: [string, RegExp][] = [
            ['browse', /^(Browse|ブラウズ)$/],
            ['readiness', /^(Readiness|準備度)$/],
            ['stats', /^(Statistics|統計)$/],
            ['exam', /^(Mock exam|模擬試験)$/],
            ['options', /^(Options|設定)$/],
            ['import', /^(Import|読み込み)$/],
            ['export', /^(Export|書き出し)$/],
            ['backups', /^(Backups|バックアップ)$/],
            ['sync', /^(Sync|同期)$/],
          ];
          await page.keyboard.press('Escape');
          for (const [name, label] of screens) {
            if (await page.locator('.summary').isVisible()) await page.keyboard.press('Escape');
            await goTo(label);
            await page.locator('main h1').first().waitFor();
            await look(name);
            if (name === 'browse') {
              // A list of cards; a tap opens one's note, as a sheet.
              await page.locator('[role="grid"] tbody tr[aria-rowindex]').first().tap();
              await page.getByRole('dialog').waitFor();
              await look('browse-note');
              await page.getByRole('dialog').getByRole('button', { name: NAV[locale].close, exact: true }).tap();
            }
          }
          await nav(page).getByRole('button', { name: NAV[locale].more }).tap();
          await look('more');
        } finally {
          await browser.close();
        }
        for (const [name, problems] of Object.entries(found)) {
          expect.soft(problems.overflow, `${name}: scrolls sideways (${problems.widest.join('; ')})`).toBe(0);
          expect.soft(problems.small, `${name}: controls smaller than 44×44`).toEqual([]);
        }
      });
    }
  }
});
