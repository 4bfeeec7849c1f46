import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note, NoteType } from '../../src/core/collection/model';
import { readStore } from './app-db';
import { cardText, importThroughUi, openBrowser, openDeckList, serveApp } from './browser';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

/** A real PNG (2×2, red), as a screenshot tool would put on the clipboard. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEUlEQVR4nGP4z8DwnwGMgRQAH+4D/dJQfRoAAAAASUVORK5CYII=', 'base64');

/** Where screenshots for a person to look at go; kept out of the repository. */
const SHOTS = process.env.KIOKU_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A deck of its own with one card, imported as a learner would, so the note added below is studied in it. */
async function deckWithOneCard(page: Page, name: string): Promise<void> {
  await importThroughUi(page, `${name}.csv`, Buffer.from('front,back\nfirst,card\n'), 'text/csv');
  await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('import-result').waitFor();
}

/** Pastes files onto the focused field as the system clipboard would hand them over. */
async function pasteFile(page: Page, field: string, name: string, bytes: Buffer, type: string): Promise<void> {
  await page.getByRole('textbox', { name: field, exact: true }).evaluate(
    (element, file) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { name, bytes: [...bytes], type },
  );
}

describe('the note editor', { timeout: 240_000 }, () => {
  it('adds a Basic note with bold text and a pasted picture from anywhere with A, and the card shows both', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await deckWithOneCard(page, 'e2e-editor');
      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await page.locator('tr[data-deck-id]').first().waitFor();

      await page.keyboard.press('a');
      await page.getByRole('heading', { name: 'Add a note', level: 1 }).waitFor();
      await page.getByRole('combobox', { name: 'Note type' }).selectOption({ label: 'Basic' });
      await page.getByRole('combobox', { name: 'Deck' }).selectOption({ label: 'e2e-editor' });

      const front = page.getByRole('textbox', { name: 'Front', exact: true });
      await front.click();
      await page.keyboard.type('What is ');
      await page.keyboard.press('Control+b');
      await page.keyboard.type('VPC');
      await page.keyboard.press('Control+b');
      await page.keyboard.type('? ');
      await pasteFile(page, 'Front', 'clipboard.png', PNG, 'image/png');
      // The picture shows while editing, from the collection's copy, never fetched by its name.
      await expect.poll(() => front.locator('img[data-media]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
      await pasteFile(page, 'Front', 'page.png', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
      await page.getByRole('alert').filter({ hasText: '“page.png” is not a picture or sound Kioku can show' }).waitFor();

      await page.getByRole('textbox', { name: 'Back', exact: true }).click();
      await page.keyboard.type('Virtual Private Cloud');
      await page.getByRole('combobox', { name: 'Tags' }).fill('aws');
      await shot(page, 'add-en-light');
      await page.keyboard.press('Control+Enter');
      await page.getByRole('status').filter({ hasText: 'Note added. Cards made: 1.' }).waitFor();

      const notes = await readStore<Note>(page, 'notes');
      const added = notes.find((note) => note.fields[1] === 'Virtual Private Cloud');
      expect(added?.fields[0]).toMatch(/^What is\s*<strong>\s*VPC<\/strong>\?(&nbsp;|\s)*<img src="paste-[0-9a-f]{40}\.png">$/);
      const name = /src="([^"]+)"/.exec(added?.fields[0] ?? '')?.[1];
      const media = await readStore<{ name: string }>(page, 'media');
      expect(media.map((file) => file.name)).toEqual([name]);

      // Esc on a changed note asks before anything is dropped.
      await front.click();
      await page.keyboard.type('half-typed');
      await page.keyboard.press('Escape');
      await page.getByRole('alertdialog', { name: 'Discard your changes to this note?' }).waitFor();
      await page.getByRole('button', { name: 'Keep editing' }).click();
      expect(await front.innerText()).toContain('half-typed');

      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await page.getByRole('button', { name: 'Study e2e-editor' }).click();
      for (let card = 0; card < 4 && !(await cardText(page)).includes('VPC'); card++) {
        await page.keyboard.press('Space');
        await page.locator('.answers').waitFor();
        await page.keyboard.press('4');
        await page.getByRole('button', { name: 'Show answer' }).waitFor();
      }
      expect(await cardText(page)).toContain('What is VPC?');
      const face = page.locator('article.card .face');
      expect((await face.locator('strong').innerText()).trim()).toBe('VPC');
      await expect.poll(() => face.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
      await page.keyboard.press('Space');
      await expect.poll(() => cardText(page)).toContain('Virtual Private Cloud');
    } finally {
      await browser.close();
    }
  });

  it('builds a note type with three fields and two card types, previews it, adds a note, and an .apkg export imports back the same', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    let apkg: Buffer;
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await deckWithOneCard(page, 'e2e-vocab');

      await page.getByRole('navigation').getByRole('button', { name: 'Note types', exact: true }).click();
      await page.getByRole('combobox', { name: 'New note type, a copy of' }).selectOption({ label: 'Basic' });
      await page.getByRole('button', { name: 'Add note type' }).click();
      await page.getByRole('heading', { name: 'Note type: Basic copy' }).waitFor();

      await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Vocab');
      const field = (n: number) => page.getByRole('textbox', { name: `Name of field ${n}` });
      await field(1).fill('Word');
      await field(1).press('Tab');
      await field(2).fill('Meaning');
      await field(2).press('Tab');
      await page.getByRole('button', { name: 'Add field' }).click();
      await field(3).fill('Example');
      await field(3).press('Tab');
      // The rename reached the template: it names Word, not Front.
      expect(await page.getByRole('textbox', { name: 'Front template' }).inputValue()).toBe('{{Word}}');

      // An error is shown before saving, and Save stays off: never a blank card.
      await page.getByRole('textbox', { name: 'Back template' }).fill('{{FrontSide}}<hr id="answer">{{Meaning}}{{#Example}}<i>{{Exampel}}</i>');
      await page.getByRole('alert', { name: 'Problems to fix before saving' }).filter({ hasText: 'is never closed with' }).waitFor();
      expect(await page.getByRole('button', { name: 'Save note type' }).isDisabled()).toBe(true);
      await page.getByRole('textbox', { name: 'Back template' }).fill('{{FrontSide}}<hr id="answer">{{Meaning}}{{#Example}}<i>{{Exampel}}</i>{{/Example}}');
      await page.getByRole('alert', { name: 'Problems to fix before saving' }).filter({ hasText: '{{Exampel}} names “Exampel”, but there is no field called that.' }).waitFor();
      await page.getByRole('textbox', { name: 'Back template' }).fill('{{FrontSide}}<hr id="answer">{{Meaning}}{{#Example}}<i>{{Example}}</i>{{/Example}}');

      await page.getByRole('button', { name: 'Add card type' }).click();
      await page.getByRole('textbox', { name: 'Front template' }).fill('{{Meaning}}');
      await page.getByRole('textbox', { name: 'Back template' }).fill('{{FrontSide}}<hr id="answer">{{Word}}');
      await page.getByRole('radio', { name: 'Back template' }).check();
      await expect.poll(() => cardText(page)).toMatch(/^\(Meaning\)\s+\(Word\)$/);
      await shot(page, 'note-type-en-light');
      await page.getByRole('button', { name: 'Save note type' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved “Vocab”' }).waitFor();
      const row = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Vocab', exact: true }) });
      expect((await row(page).locator('td').allInnerTexts()).slice(0, 3)).toEqual(['Standard', 'Word · Meaning · Example', '0']);

      await page.keyboard.press('a');
      await page.getByRole('combobox', { name: 'Note type' }).selectOption({ label: 'Vocab' });
      await page.getByRole('combobox', { name: 'Deck' }).selectOption({ label: 'e2e-vocab' });
      await page.getByRole('textbox', { name: 'Word', exact: true }).click();
      await page.keyboard.type('猫');
      await page.getByRole('textbox', { name: 'Meaning', exact: true }).click();
      await page.keyboard.type('cat');
      await page.getByRole('textbox', { name: 'Example', exact: true }).click();
      await page.keyboard.type('猫がいる');
      await page.keyboard.press('Control+Enter');
      await page.getByRole('status').filter({ hasText: 'Note added. Cards made: 2.' }).waitFor();

      const types = await readStore<NoteType>(page, 'noteTypes');
      const vocab = types.find((type) => type.name === 'Vocab')!;
      expect(vocab.fields).toEqual(['Word', 'Meaning', 'Example']);
      expect(vocab.templates).toEqual([
        { name: 'Card 1', front: '{{Word}}', back: '{{FrontSide}}<hr id="answer">{{Meaning}}{{#Example}}<i>{{Example}}</i>{{/Example}}' },
        { name: 'Card 2', front: '{{Meaning}}', back: '{{FrontSide}}<hr id="answer">{{Word}}' },
      ]);

      await page.getByRole('navigation').getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('combobox', { name: 'Format' }).selectOption('apkg');
      await page.getByRole('checkbox', { name: 'All decks' }).uncheck();
      await page.getByRole('checkbox', { name: 'e2e-vocab', exact: true }).check();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export', exact: true }).and(page.locator('[type=submit]')).click();
      apkg = readFileSync((await (await download).path())!);
    } finally {
      await browser.close();
    }

    const again = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = again;
      await openDeckList(page, app.url);
      await importThroughUi(page, 'e2e-vocab.apkg', apkg, 'application/octet-stream');
      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-result').waitFor();
      const vocab = (await readStore<NoteType>(page, 'noteTypes')).find((type) => type.name === 'Vocab')!;
      expect(vocab.fields).toEqual(['Word', 'Meaning', 'Example']);
      expect(vocab.templates.map(({ name, front, back }) => ({ name, front, back }))).toEqual([
        { name: 'Card 1', front: '{{Word}}', back: '{{FrontSide}}<hr id="answer">{{Meaning}}{{#Example}}<i>{{Example}}</i>{{/Example}}' },
        { name: 'Card 2', front: '{{Meaning}}', back: '{{FrontSide}}<hr id="answer">{{Word}}' },
      ]);
      const notes = (await readStore<Note>(page, 'notes')).filter((note) => note.noteTypeId === vocab.id);
      expect(notes.map((note) => note.fields)).toEqual([['猫', 'cat', '猫がいる']]);
      // The imported note type is one the learner can add notes with and edit.
      await page.getByRole('navigation').getByRole('button', { name: 'Note types', exact: true }).click();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Vocab', exact: true }) });
      expect(await row.locator('td').nth(2).innerText()).toBe('1');
      await row.getByRole('button', { name: 'Edit' }).click();
      await page.getByRole('heading', { name: 'Note type: Vocab' }).waitFor();
      await page.keyboard.press('a');
      await page.getByRole('combobox', { name: 'Note type' }).selectOption({ label: 'Vocab' });
      await page.getByRole('textbox', { name: 'Word', exact: true }).waitFor();
    } finally {
      await again.close();
    }
  });
});
