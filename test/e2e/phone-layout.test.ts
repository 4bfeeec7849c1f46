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

/** Each test walks a dozen screens with a screenshot and a layout check on each: on a busy 2-core machine that took up to 54 s of the default 60. */
const WALK_TIMEOUT = 150_000;

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
          const firstAction = toolbar.getByRole('group', { name: NAV[locale].moreActions }).getByRole('button').first();
          expect(await firstAction.evaluate((button) => button === document.activeElement)).toBe(true);
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
      }, WALK_TIMEOUT);
    }
  }
});

const NEWER = {
  'ja-JP': {
    deck: '非機能要求グレード',
    customStudy: 'カスタム学習',
    cram: 'カードの状態やタグで学習する',
    cards: 'カード',
    filteredTitle: 'カスタム学習セッション',
    decks: 'デッキ',
    options: 'オプション',
    addPreset: 'プリセットを追加',
    cancel: 'キャンセル',
    start: '試験を始める',
    examDate: '試験日',
    save: '保存',
  },
  'en-US': {
    deck: '非機能要求グレード',
    customStudy: 'Custom Study',
    cram: 'Study by card state or tag',
    cards: 'Cards',
    filteredTitle: 'Custom Study Session',
    decks: 'Decks',
    options: 'Options',
    addPreset: 'Add preset',
    cancel: 'Cancel',
    start: 'Start the exam',
    examDate: 'Exam date',
    save: 'Save',
  },
} as const;

describe('the newer screens on a 360 px phone', () => {
  const phone = PHONES[0]!;
  for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
    it(`fit with finger-sized controls and no word split across lines (${locale}, ${colorScheme})`, async () => {
      const words = NEWER[locale];
      const browser = await openBrowser({ locale, colorScheme, phone });
      const found: Record<string, LayoutProblems & { midWord: string[] }> = {};
      const { page } = browser;
      const look = async (name: string): Promise<void> => {
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(screenshotDir, `phone-${phone.width}-${name}-${locale}-${colorScheme}.png`), fullPage: true });
        found[name] = { ...(await layoutProblems(page)), midWord: await midWordBreaks(page) };
      };
      const nav = page.getByRole('navigation');
      const topicNameLines = () =>
        page.locator('tr[data-topic] th').evaluateAll((names) =>
          names
            .filter((name) => name.checkVisibility())
            .map((name) => ({ name: name.textContent, lines: Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight)) })),
        );
      const goTo = async (label: RegExp): Promise<void> => {
        const direct = nav.getByRole('button', { name: label });
        if (await direct.isVisible()) return direct.tap();
        await nav.getByRole('button', { name: NAV[locale].more }).tap();
        await page.getByRole('group', { name: NAV[locale].more }).getByRole('button', { name: label }).tap();
      };
      try {
        await openDeckList(page, app.url);
        await page.getByTestId('deck-name').filter({ hasText: words.deck }).tap();
        await page.getByTestId('overview-new').waitFor();
        await look('overview');

        await page.getByRole('button', { name: words.options, exact: true }).tap();
        await page.getByRole('button', { name: words.addPreset }).waitFor();
        await look('deck-options');
        await page.getByRole('button', { name: words.addPreset }).tap();
        await page.getByRole('button', { name: words.cancel, exact: true }).waitFor();
        await look('preset-add');
        await page.getByRole('button', { name: words.cancel, exact: true }).tap();

        await goTo(new RegExp(`^${words.decks}$`));
        await page.getByTestId('deck-name').filter({ hasText: words.deck }).tap();
        await page.getByRole('button', { name: words.customStudy, exact: true }).tap();
        await page.getByRole('dialog').waitFor();
        await page.getByRole('radio', { name: words.cram }).check();
        await page.getByRole('combobox', { name: words.cards, exact: true }).selectOption('new');
        await look('custom-study');
        await page.getByRole('button', { name: 'OK', exact: true }).tap();
        await page.getByRole('heading', { level: 1, name: words.filteredTitle }).waitFor();
        await look('filtered-overview');

        await goTo(/^(Add|追加)$/);
        await page.locator('main h1').first().waitFor();
        await look('add');
        await goTo(/^(Note types|ノートタイプ)$/);
        await page.locator('main h1').first().waitFor();
        await look('note-types');
        await goTo(/^(Backups|バックアップ)$/);
        await page.locator('main h1').first().waitFor();
        await look('backups');
        await goTo(/^(Readiness|準備度)$/);
        await page.locator('main h1').first().waitFor();
        // With an exam date, its topic tables name every topic of the built-in deck, studied or not.
        await page.getByLabel(words.examDate, { exact: true }).fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
        await page.getByRole('button', { name: words.save, exact: true }).tap();
        await page.locator('tr[data-topic]').first().waitFor();
        await look('readiness');
        // Topic names keep to one or two lines, broken between words: before, a column a fifth of the
        // screen wide put 「トラストサービス」 one character to a line.
        expect((await topicNameLines()).filter(({ lines }) => lines > 2)).toEqual([]);
        expect(await midWordBreaks(page, 'tr[data-topic] th')).toEqual([]);
        await goTo(/^(Mock exam|模擬試験)$/);
        await page.locator('tr[data-topic]').first().waitFor();
        await look('exam-setup');
        await page.getByRole('button', { name: words.start }).tap();
        await page.getByTestId('exam-progress').waitFor();
        await look('exam-question');
        // Answered by taps to the end: the result names each topic scored.
        const progress = page.getByTestId('exam-progress');
        while (await progress.isVisible()) {
          const before = await progress.textContent();
          await page.locator('.option').first().tap();
          await page.locator('.controls .primary').tap();
          await expect.poll(async () => (await progress.isVisible()) && (await progress.textContent()) === before).toBe(false);
        }
        await page.getByTestId('exam-score').waitFor();
        await look('exam-result');
        expect((await topicNameLines()).filter(({ lines }) => lines > 2)).toEqual([]);
      } finally {
        await browser.close();
      }
      for (const [name, problems] of Object.entries(found)) {
        expect.soft(problems.overflow, `${name}: scrolls sideways (${problems.widest.join('; ')})`).toBe(0);
        expect.soft(problems.small, `${name}: controls smaller than 44×44`).toEqual([]);
        expect.soft(problems.midWord, `${name}: words split across lines`).toEqual([]);
      }
    }, WALK_TIMEOUT);
  }
});
