import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES_AND_THEMES, cardText, openBrowser, openDeckList, serveApp } from './browser';
import { PHONES } from './phone';

let app: { url: string; close: () => Promise<void> };

/** Screens of this test go here for a person to look at; kept out of the repository. */
const shots = process.env.KIOKU_SHOTS ?? join('test-results', 'screenshots', 'decks');

beforeAll(async () => {
  app = await serveApp();
  mkdirSync(shots, { recursive: true });
});
afterAll(() => app.close());

/** Labels of the deck rows top to bottom, each indented by its depth in the tree (two spaces a level). */
async function deckRows(page: Page): Promise<string[]> {
  return page.locator('tr[data-deck-id]').evaluateAll((rows) =>
    rows.map((row) => {
      const cell = row.querySelector<HTMLElement>('.name-cell');
      const depth = Math.round(parseFloat(cell?.style.paddingLeft ?? '0') / 1.5);
      return `${'  '.repeat(depth)}${row.querySelector('[data-testid=deck-name]')?.textContent?.trim() ?? ''}`;
    }),
  );
}

function row(page: Page, label: string) {
  return page.locator('tr[data-deck-id]').filter({ has: page.getByTestId('deck-name').getByText(label, { exact: true }) });
}

async function deckAction(page: Page, label: string, action: string): Promise<void> {
  await row(page, label).locator('summary').click();
  await row(page, label).getByRole('menuitem', { name: action }).click();
}

function countBackups(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('kioku-backups');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('backups')) return resolve(0);
          const asked = db.transaction('backups', 'readonly').objectStore('backups').count();
          asked.onsuccess = () => {
            resolve(asked.result);
            db.close();
          };
        };
      }),
  );
}

/** Deletes every top-level deck through the deck list's menu, leaving an empty collection. */
/** On the Add screen: a Basic note with these two fields, added with the Add button. */
async function addBasicNote(page: Page, front: string, back: string): Promise<void> {
  const add = page.getByRole('region', { name: 'Add a note' });
  await add.getByRole('combobox', { name: 'Note type' }).selectOption({ label: 'Basic' });
  await add.getByRole('textbox', { name: 'Front', exact: true }).fill(front);
  await add.getByRole('textbox', { name: 'Back', exact: true }).fill(back);
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  await add.getByRole('status').filter({ hasText: 'Note added.' }).waitFor();
}

async function deleteEveryDeck(page: Page, deleteLabel: string): Promise<void> {
  while ((await page.locator('tr[data-deck-id]').count()) > 0) {
    await page.locator('tr[data-deck-id] summary').first().click();
    await page.locator('tr[data-deck-id]').first().getByRole('menuitem', { name: deleteLabel }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('delete-question').filter({ hasText: /\d/ }).waitFor();
    await dialog.getByRole('button', { name: deleteLabel, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}

async function optionsOf(page: Page, deckLabel: string): Promise<{ newPerDay: string; examDate: string; users: string }> {
  await page.getByRole('navigation').getByRole('button', { name: 'Options', exact: true }).click();
  await page.getByRole('combobox', { name: 'Deck', exact: true }).selectOption({ label: deckLabel });
  const newPerDay = page.getByRole('spinbutton', { name: 'New cards per day' });
  await page.getByTestId('preset-users').waitFor();
  // The form is filled once the deck's options are read.
  await expect.poll(() => page.getByRole('combobox', { name: 'Deck', exact: true }).inputValue()).not.toBe('');
  return {
    newPerDay: await newPerDay.inputValue(),
    examDate: await page.getByRole('main').locator('input[type=date]').inputValue(),
    users: await page.getByTestId('preset-users').innerText(),
  };
}

describe('making and shaping decks', () => {
  it('from an empty collection: create, add a note, study, rename, drag, undo, delete and undo; options follow presets', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      const backupsBefore = await countBackups(page);
      await deleteEveryDeck(page, 'Delete');
      await page.getByRole('heading', { name: 'No decks yet' }).waitFor();
      expect(await countBackups(page)).toBeGreaterThan(backupsBefore);
      for (const name of ['Create a deck', 'Add a note', 'Install the built-in decks', 'Import']) {
        expect(await page.locator('.empty').getByRole('button', { name, exact: true }).isEnabled(), name).toBe(true);
      }
      await page.screenshot({ path: join(shots, 'empty-en-light.png'), fullPage: true });

      // Add a note with no deck at all: it goes to a new deck named Default.
      await page.locator('.empty').getByRole('button', { name: 'Add a note', exact: true }).click();
      await addBasicNote(page, 'What is IAM?', 'Who may do what in AWS');
      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      expect(await deckRows(page)).toEqual(['Default']);

      await page.getByRole('button', { name: 'Create deck', exact: true }).click();
      await page.getByRole('dialog').getByLabel('Deck name').fill('Cloud');
      await page.screenshot({ path: join(shots, 'create-en-light.png') });
      await page.getByRole('dialog').getByRole('button', { name: 'Create deck' }).click();
      await page.getByTestId('deck-message').filter({ hasText: 'Created the deck Cloud.' }).waitFor();
      await expect.poll(() => deckRows(page)).toEqual(['Cloud', 'Default']);

      // A Basic note in Cloud, then Cloud is studied from its overview.
      await page.getByRole('button', { name: 'Add a note', exact: true }).click();
      await page.getByRole('combobox', { name: 'Deck' }).selectOption({ label: 'Cloud' });
      await addBasicNote(page, 'What does AWS KMS do?', 'Creates and controls encryption keys');
      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await row(page, 'Cloud').getByTestId('deck-name').click();
      await page.getByRole('heading', { level: 1, name: 'Cloud' }).waitFor();
      expect(await page.getByTestId('overview-new').innerText()).toBe('1');
      await page.getByRole('button', { name: 'Edit description' }).click();
      await page.getByRole('textbox', { name: 'Description' }).fill('Key services for the exam.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByTestId('overview-description').filter({ hasText: 'Key services for the exam.' }).waitFor();
      await page.screenshot({ path: join(shots, 'overview-en-light.png'), fullPage: true });
      await page.getByRole('button', { name: 'Study', exact: true }).click();
      expect(await cardText(page)).toContain('What does AWS KMS do?');
      await page.keyboard.press('Space');
      await page.keyboard.press('3');
      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      expect(Number(await row(page, 'Cloud').getByTestId('deck-learning').innerText())).toBe(1);

      await deckAction(page, 'Cloud', 'Rename');
      await page.getByRole('dialog').getByLabel('Deck name').fill('Cloud Security');
      await page.getByRole('dialog').getByRole('button', { name: 'Rename' }).click();
      await page.getByTestId('deck-message').filter({ hasText: 'Renamed' }).waitFor();
      await page.getByRole('button', { name: 'Create deck', exact: true }).click();
      await page.getByRole('dialog').getByLabel('Deck name').fill('Exams');
      await page.getByRole('dialog').getByRole('button', { name: 'Create deck' }).click();
      await page.getByTestId('deck-message').filter({ hasText: 'Created the deck Exams.' }).waitFor();
      await expect.poll(() => deckRows(page)).toEqual(['Cloud Security', 'Default', 'Exams']);

      await row(page, 'Cloud Security').dragTo(row(page, 'Exams'));
      await page.getByTestId('deck-message').filter({ hasText: 'Moved the deck' }).waitFor();
      await expect.poll(() => deckRows(page)).toEqual(['Default', 'Exams', '  Cloud Security']);
      await page.keyboard.press('Control+z');
      await expect.poll(() => deckRows(page)).toEqual(['Cloud Security', 'Default', 'Exams']);

      await deckAction(page, 'Cloud Security', 'Delete');
      await page.getByRole('dialog').getByTestId('delete-question').filter({ hasText: 'Delete Cloud Security and its 1 card?' }).waitFor();
      await page.screenshot({ path: join(shots, 'delete-en-light.png') });
      const backups = await countBackups(page);
      await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
      await page.getByTestId('deck-message').filter({ hasText: 'Deleted the deck Cloud Security' }).waitFor();
      await expect.poll(() => deckRows(page)).toEqual(['Default', 'Exams']);
      expect(await countBackups(page)).toBe(backups + 1);
      await page.keyboard.press('Control+z');
      await expect.poll(() => deckRows(page)).toEqual(['Cloud Security', 'Default', 'Exams']);
      expect(await row(page, 'Cloud Security').getByTestId('deck-cards').innerText()).toBe('1');

      // Move to… puts it under Exams again; an option changed on the child is the shared preset's.
      await deckAction(page, 'Cloud Security', 'Move to…');
      await page.getByRole('dialog').getByRole('combobox').selectOption({ label: 'Exams' });
      await page.getByRole('dialog').getByRole('button', { name: 'Move', exact: true }).click();
      await expect.poll(() => deckRows(page)).toEqual(['Default', 'Exams', '  Cloud Security']);

      await optionsOf(page, 'Exams › Cloud Security');
      await page.getByRole('spinbutton', { name: 'New cards per day' }).fill('7');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Options saved.' }).first().waitFor();
      await page.screenshot({ path: join(shots, 'options-en-light.png'), fullPage: true });

      await page.getByRole('navigation').getByRole('button', { name: 'Readiness', exact: true }).click();
      const examDate = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Exam date').fill(examDate);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('status').filter({ hasText: /saved/i }).first().waitFor();

      const child = await optionsOf(page, 'Exams › Cloud Security');
      const parent = await optionsOf(page, 'Exams');
      expect([child.newPerDay, child.examDate]).toEqual(['7', examDate]);
      expect([parent.newPerDay, parent.examDate]).toEqual(['7', examDate]);
      expect(parent.users).toContain('Exams › Cloud Security');
    } finally {
      await browser.close();
    }
  }, 300_000);
});

describe('deck screens in every language and theme', () => {
  for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
    it(`deck list with its menu, overview, options and the empty collection (${locale}, ${colorScheme})`, async () => {
      const ja = locale.startsWith('ja');
      const tag = `${ja ? 'ja' : 'en'}-${colorScheme}`;
      const browser = await openBrowser({ locale, colorScheme });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        await page.locator('tr[data-deck-id] summary').first().click();
        await page.screenshot({ path: join(shots, `list-menu-${tag}.png`), fullPage: true });
        await page.keyboard.press('Escape');
        await page.locator('tr[data-deck-id] [data-testid=deck-name]').first().click();
        await page.getByTestId('overview-new').waitFor();
        await page.screenshot({ path: join(shots, `overview-${tag}.png`), fullPage: true });
        await page.getByRole('main').getByRole('button', { name: ja ? 'オプション' : 'Options', exact: true }).click();
        await page.getByTestId('preset-users').waitFor();
        await page.screenshot({ path: join(shots, `options-${tag}.png`), fullPage: true });
        await page.getByRole('navigation').getByRole('button', { name: ja ? 'デッキ' : 'Decks', exact: true }).click();
        // The list is read after the screen opens: deleting must wait for its rows, or it finds none.
        await page.locator('tr[data-deck-id]').first().waitFor();
        await deleteEveryDeck(page, ja ? '削除' : 'Delete');
        await page.getByRole('heading', { name: ja ? 'デッキがありません' : 'No decks yet' }).waitFor();
        await page.screenshot({ path: join(shots, `empty-${tag}.png`), fullPage: true });
      } finally {
        await browser.close();
      }
    });
  }
});

describe('Japanese line breaking', () => {
  it('never leaves a lone kana on a line: 「明日の予定はありません」 breaks between phrases', async () => {
    const browser = await openBrowser({ locale: 'ja-JP' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      /** The lines a sentence is laid out in, in a box one character too narrow for it, with the app's own styles. */
      const lines = (override: string) =>
        page.evaluate(
          ({ text, style }) => {
            const box = document.createElement('p');
            box.textContent = text;
            // Through the CSSOM: the app's content security policy refuses style attributes.
            for (const declaration of `width: max-content; font-size: 16px; margin: 0; ${style}`.split(';')) {
              const [property = '', value = ''] = declaration.split(':').map((part) => part.trim());
              if (property) box.style.setProperty(property, value);
            }
            document.querySelector('main')!.append(box);
            const node = box.firstChild!;
            // Exactly wide enough for all but the last character, whatever the font's widths.
            const first = document.createRange();
            first.setStart(node, 0);
            first.setEnd(node, text.length - 1);
            box.style.width = `${first.getBoundingClientRect().width + 1}px`;
            const rows: string[] = [];
            let top = Number.NaN;
            for (let i = 0; i < text.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const y = Math.round(range.getClientRects()[0]!.top);
              if (y !== top) rows.push('');
              top = y;
              rows.push(`${rows.pop() ?? ''}${text[i] ?? ''}`);
            }
            box.remove();
            return rows;
          },
          { text: '明日の予定はありません', style: override },
        );
      // Without the app's rules Chromium breaks anywhere: the check can see a lone kana.
      expect((await lines('word-break: normal; line-break: auto; text-wrap: wrap')).at(-1)).toBe('ん');
      const laidOut = await lines('');
      expect(laidOut).toEqual(['明日の予定は', 'ありません']);
    } finally {
      await browser.close();
    }
  });
});

describe("the last deck's menu", () => {
  for (const phone of [undefined, PHONES[1]]) {
    it(`shows every action whole, none cut off by the bottom of the list (${phone ? `${phone.width}×${phone.height}` : 'desktop'})`, async () => {
      const browser = await openBrowser({ locale: 'en-US', phone });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        const last = page.locator('tr[data-deck-id]').last();
        const summary = last.locator('summary');
        await (phone ? summary.tap() : summary.click());
        const items = last.getByRole('menuitem');
        await items.first().waitFor();
        // An action is usable when, with the page scrolled to it (as a finger scrolls: the page, not
        // the list's own box), a tap at its middle lands on it rather than on what is shown instead.
        const hidden = await items.evaluateAll((buttons) =>
          buttons.flatMap((button) => {
            const before = button.getBoundingClientRect();
            window.scrollBy(0, before.top + before.height / 2 - window.innerHeight / 2);
            const box = button.getBoundingClientRect();
            const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return hit && button.contains(hit) ? [] : [button.textContent?.trim() ?? ''];
          }),
        );
        await page.screenshot({ path: join(shots, `last-menu-${phone ? phone.width : 'desktop'}.png`) });
        expect(hidden).toEqual([]);
      } finally {
        await browser.close();
      }
    });
  }
});
