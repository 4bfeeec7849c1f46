import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, openDeckList, screenshotDir, serveApp } from './browser';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());

/** Controls a screen reader could not name: no label, no aria-label, no text. */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]')]
      .filter((el) => {
        const labelled = el.getAttribute('aria-labelledby');
        const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])] : [];
        return !(
          el.getAttribute('aria-label')?.trim() ||
          (labelled && document.getElementById(labelled)?.textContent?.trim()) ||
          labels.some((label) => label.textContent?.trim()) ||
          (el.tagName !== 'INPUT' && el.tagName !== 'SELECT' && el.tagName !== 'TEXTAREA' && el.textContent?.trim())
        );
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}

const combinations = [
  { locale: 'ja-JP', colorScheme: 'light', nav: ['デッキ', 'ブラウズ', '設定'] },
  { locale: 'ja-JP', colorScheme: 'dark', nav: ['デッキ', 'ブラウズ', '設定'] },
  { locale: 'en-US', colorScheme: 'light', nav: ['Decks', 'Browse', 'Options'] },
  { locale: 'en-US', colorScheme: 'dark', nav: ['Decks', 'Browse', 'Options'] },
] as const;

describe('every screen, in both languages and both themes', () => {
  for (const { locale, colorScheme, nav } of combinations) {
    it(`names every control and fits 1280×720 and 200% zoom (${locale}, ${colorScheme})`, async () => {
      const browser = await openBrowser({ locale, colorScheme });
      const shot = (name: string) => browser.page.screenshot({ path: join(screenshotDir, `${name}-${locale}-${colorScheme}.png`) });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
        expect(await unnamedControls(page)).toEqual([]);
        await shot('1-decks');

        await page.locator('tr[data-deck-id] td.action > button').first().click();
        await page.locator('.card').waitFor();
        await shot('2-study-front');
        await page.keyboard.press('Space');
        await page.locator('.answers').waitFor();
        expect(await unnamedControls(page)).toEqual([]);
        await shot('3-study-answer');
        await page.keyboard.press('?');
        await page.getByRole('dialog').waitFor();
        await shot('4-help');
        await page.keyboard.press('Escape');
        await page.keyboard.press('e');
        await page.getByRole('dialog').waitFor();
        expect(await unnamedControls(page)).toEqual([]);
        await shot('5-edit');
        await page.keyboard.press('Escape');
        await page.keyboard.press('3');
        await page.keyboard.press('Escape');
        await page.locator('.summary').waitFor();
        await shot('6-summary');

        await page.getByRole('button', { name: nav[1], exact: true }).click();
        await page.locator('tbody tr').first().waitFor();
        expect(await unnamedControls(page)).toEqual([]);
        await shot('7-browse');

        await page.getByRole('button', { name: nav[2], exact: true }).click();
        await page.locator('form input').first().waitFor();
        expect(await unnamedControls(page)).toEqual([]);
        await shot('8-options');

        // 200% zoom at 1280×720 leaves a 640×360 CSS-pixel window.
        await page.setViewportSize({ width: 640, height: 360 });
        expect(await overflowsSideways(page)).toBe(false);
        await shot('9-options-zoom200');
        await page.getByRole('button', { name: nav[0], exact: true }).click();
        await page.locator('tr[data-deck-id]').first().waitFor();
        expect(await overflowsSideways(page)).toBe(false);
        await shot('9-decks-zoom200');
        await page.getByRole('button', { name: nav[1], exact: true }).click();
        await page.locator('tbody tr').first().waitFor();
        expect(await overflowsSideways(page)).toBe(false);
        await page.getByRole('button', { name: nav[0], exact: true }).click();
        await page.locator('tr[data-deck-id] td.action > button').first().click();
        await page.getByRole('button', { name: nav[0] === 'Decks' ? 'Show answer' : '答えを表示' }).waitFor();
        await page.keyboard.press('Space');
        await page.locator('.answers').waitFor();
        expect(await overflowsSideways(page)).toBe(false);
        await shot('9-study-zoom200');
      } finally {
        await browser.close();
      }
    });
  }
});
