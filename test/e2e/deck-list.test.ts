import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshotDir, serveApp } from './browser';
import { expectedBuiltInDecks } from './built-in-counts';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
  mkdirSync(screenshotDir, { recursive: true });
});
afterAll(() => app.close());

const languages = [
  { locale: 'ja-JP', title: 'デッキ', header: ['デッキ', '新規', '学習中', '復習', 'カード数'], study: (deck: string) => `「${deck}」を学習する` },
  { locale: 'en-US', title: 'Decks', header: ['Deck', 'New', 'Learning', 'Due', 'Cards'], study: (deck: string) => `Study ${deck}` },
];

describe('deck list on first start', () => {
  for (const language of languages) {
    it(`shows the built-in deck hierarchy with its counts (${language.locale})`, async () => {
      const expected = expectedBuiltInDecks();
      expect(expected.length).toBeGreaterThan(0);
      const browser = await openBrowser({ locale: language.locale });
      try {
        const { page } = browser;
        await page.goto(app.url);
        await page.getByRole('heading', { level: 1, name: language.title }).waitFor();
        await page.locator('tr[data-deck-id]').first().waitFor();
        const headers = await page.locator('table.decks thead th').allInnerTexts();
        expect(headers.slice(0, 5).map((h) => h.trim())).toEqual(language.header);

        const rows = await page.locator('tr[data-deck-id]').evaluateAll((trs) =>
          trs.map((tr) => ({
            label: tr.querySelector('[data-testid=deck-name]')?.textContent?.trim() ?? '',
            cards: Number(tr.querySelector('[data-testid=deck-cards]')?.textContent),
            newToday: Number(tr.querySelector('[data-testid=deck-new]')?.textContent),
            learning: Number(tr.querySelector('[data-testid=deck-learning]')?.textContent),
            due: Number(tr.querySelector('[data-testid=deck-due]')?.textContent),
          })),
        );
        const sortedByName = [...expected].sort((a, b) => (a.name < b.name ? -1 : 1));
        expect(rows).toEqual(sortedByName.map((deck) => ({ label: deck.label, cards: deck.cards, newToday: deck.newToday, learning: 0, due: 0 })));

        for (const deck of expected) {
          expect(await page.getByRole('button', { name: language.study(deck.label), exact: true }).count()).toBe(1);
        }
        await page.screenshot({ path: join(screenshotDir, `decks-${language.locale}.png`), fullPage: true });

        const root = sortedByName.find((deck) => !deck.name.includes('::'));
        const hasChildren = sortedByName.some((deck) => root && deck.name.startsWith(`${root.name}::`));
        if (root && hasChildren) {
          const toggle = page.locator(`tr[data-deck-id] button[aria-expanded]`).first();
          await toggle.focus();
          await page.keyboard.press('Enter');
          expect(await page.locator('tr[data-deck-id]').count()).toBe(expected.length - sortedByName.filter((d) => d.name.startsWith(`${root.name}::`)).length);
          expect(await toggle.getAttribute('aria-expanded')).toBe('false');
          await page.keyboard.press('Enter');
          expect(await page.locator('tr[data-deck-id]').count()).toBe(expected.length);
        }
      } finally {
        await browser.close();
      }
    });
  }
});
