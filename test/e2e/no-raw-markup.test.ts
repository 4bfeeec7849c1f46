import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE } from '../../src/core/cards';
import type { Note } from '../../src/core/collection/model';
import { importThroughUi, openBrowser, openDeckList, serveApp } from './browser';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

const DECK = 'Raw Markup';

/** Card markup that must never reach the learner as text: clozes, sounds, tags, entities. */
const RAW = [/\{\{c\d+::/, /\[sound:/i, /<\/?(?:br|b|i|u|div|span|img|p|hr)\b[^>]*>/i, /&(?:nbsp|amp|lt|gt|quot);/i];

function note(id: string, noteTypeId: string, fields: string[]): Note {
  return { id, noteTypeId, deckId: 'deck-raw', fields, tags: ['nfr::E.8'], modified: 0 };
}

/** A deck as Anki users write them: clozes, sounds, pictures, bold, line breaks, entities. */
function rawDeck(): Buffer {
  const notes = [
    note('raw-cloze', CLOZE_NOTE_TYPE.id, ['<b>AWS Shield</b> protects against {{c1::DDoS}} and {{c2::SYN&nbsp;floods}}<br>[sound:shield.mp3]', 'Extra <i>note</i>&nbsp;here']),
    note('raw-waf', BASIC_NOTE_TYPE.id, ['<div>Which service&nbsp;filters <u>web</u> requests?</div><img src="waf.png">', 'AWS WAF<br>[sound:waf.mp3]']),
    note('raw-guard', BASIC_NOTE_TYPE.id, ['<div>Which service finds <b>threats</b> in logs?</div>', 'Amazon GuardDuty<br/>&amp; Detective']),
    note('raw-kms', BASIC_NOTE_TYPE.id, ['Which service keeps <i>keys</i>?<br>[sound:kms.mp3]', '<span style="color:red">AWS KMS</span>']),
    note('raw-iam', BASIC_NOTE_TYPE.id, ['Who may do what?&nbsp;<br><br>', '<p>AWS IAM</p>']),
  ];
  const deck = { format: 'kioku-deck', version: 1, decks: [{ id: 'deck-raw', name: DECK }], noteTypes: [BASIC_NOTE_TYPE, CLOZE_NOTE_TYPE], notes };
  return Buffer.from(JSON.stringify(deck));
}

/** The text a learner sees: the page's, and that of the card shown in its own shadow root. */
function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const texts = [document.body.innerText];
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) texts.push((element.shadowRoot as unknown as { innerText?: string }).innerText ?? element.shadowRoot.textContent ?? '');
    }
    return texts.join('\n');
  });
}

async function expectNoRawMarkup(page: Page, screen: string, mustShow: string): Promise<void> {
  const text = await visibleText(page);
  // The screen is showing the deck's cards, so a clean scan means something.
  expect(text, `${screen} shows the imported cards`).toContain(mustShow);
  for (const pattern of RAW) {
    const found = pattern.exec(text);
    expect(found?.[0] ?? null, `${screen} shows raw markup: …${found ? text.slice(Math.max(0, found.index - 40), found.index + 40) : ''}…`).toBeNull();
  }
}

function nav(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('button', { name, exact: true });
}

describe('no raw markup on any screen', () => {
  it('shows cards with clozes, sounds and HTML as plain text on every screen that names a card', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await importThroughUi(page, 'raw.json', rawDeck());
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-result').waitFor();

      // Study: both sides of every card, answered Good so Readiness and card info have history.
      await nav(page, 'Decks').click();
      await page.getByRole('button', { name: `Study ${DECK}` }).click();
      for (let i = 0; i < 6; i++) {
        await page.getByRole('button', { name: 'Show answer' }).waitFor();
        await expectNoRawMarkup(page, `Study, front of card ${i + 1}`, 'Show answer');
        await page.keyboard.press('Space');
        await page.locator('.answers').waitFor();
        await expectNoRawMarkup(page, `Study, back of card ${i + 1}`, 'Good');
        await page.keyboard.press(i === 0 ? '1' : '3');
      }
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.summary').waitFor();
      await expectNoRawMarkup(page, 'session summary', 'Session finished');

      // Browse, every column shown.
      await nav(page, 'Browse').click();
      await page.getByRole('searchbox', { name: 'Search' }).fill(`"deck:${DECK}"`);
      await page.getByTestId('browse-count').filter({ hasText: /^Matching cards: 6$/ }).waitFor();
      await page.locator('details.columns summary').click();
      const unchecked = page.locator('.column-list input[type=checkbox]:not(:checked)');
      while ((await unchecked.count()) > 0) await unchecked.first().check();
      await page.locator('details.columns summary').click();
      await expectNoRawMarkup(page, 'Browse', 'AWS Shield protects against');
      await page.getByRole('radio', { name: 'Notes' }).check();
      await expectNoRawMarkup(page, 'Browse, notes mode', 'AWS Shield');
      await page.getByRole('radio', { name: 'Cards' }).check();

      // Card info of the cloze card.
      await page.getByRole('searchbox', { name: 'Search' }).fill('nid:raw-cloze');
      await page.getByTestId('browse-count').filter({ hasText: /^Matching cards: 2$/ }).waitFor();
      await page.locator('tbody tr[data-card]').first().click();
      await page.keyboard.press('Control+Shift+I');
      await page.getByTestId('card-info-question').waitFor();
      await expectNoRawMarkup(page, 'card info', 'AWS Shield');
      await page.keyboard.press('Escape');

      // Deleting a note: the message and the undo button that name it.
      await page.keyboard.press('Delete');
      await page.getByRole('status').filter({ hasText: 'Deleted' }).waitFor();
      await expectNoRawMarkup(page, 'Browse after a delete', 'Deleted');
      await page.keyboard.press('Control+z');
      await page.getByTestId('browse-count').filter({ hasText: /^Matching cards: 2$/ }).waitFor();

      // Readiness for the deck: the weak-card lists name the cards.
      await nav(page, 'Readiness').click();
      await page.getByLabel('Exam date', { exact: true }).waitFor();
      await page.getByRole('combobox', { name: 'For', exact: true }).selectOption('deck-raw');
      await page.getByLabel('Exam date', { exact: true }).fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('ul.weak li').first().waitFor({ state: 'attached' });
      await page.locator('details').evaluateAll((all) => all.forEach((details) => ((details as HTMLDetailsElement).open = true)));
      await expectNoRawMarkup(page, 'Readiness', 'Which service');

      // A mock exam on the deck: questions, then the result with the right answers.
      await nav(page, 'Mock exam').click();
      await page.getByRole('combobox', { name: 'Scope', exact: true }).selectOption('deck-raw');
      await page.locator('tr[data-topic]').first().waitFor();
      await page.getByRole('button', { name: 'Start the exam' }).click();
      await page.getByTestId('exam-progress').waitFor();
      await expectNoRawMarkup(page, 'mock exam question', 'Question 1 of');
      const total = Number(/of (\d+)/.exec(await page.getByTestId('exam-progress').innerText())?.[1]);
      for (let n = 1; n <= total; n++) {
        await page.getByTestId('exam-progress').filter({ hasText: `Question ${n} of` }).waitFor();
        await expectNoRawMarkup(page, `mock exam question ${n}`, `Question ${n} of`);
        await page.keyboard.press('a');
        await page.keyboard.press('Enter');
      }
      await page.getByTestId('exam-score').waitFor();
      await expectNoRawMarkup(page, 'mock exam result', 'By topic');

      await nav(page, 'Decks').click();
      // The deck list says Loading… until its rows are read.
      await page.locator('tr[data-deck-id]', { hasText: DECK }).first().waitFor();
      await expectNoRawMarkup(page, 'deck list', DECK);
    } finally {
      await browser.close();
    }
  });
});
