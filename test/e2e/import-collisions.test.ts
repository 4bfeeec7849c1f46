import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, Deck, Note, NoteType } from '../../src/core/collection/model';
import { takeoverFile } from '../fixtures/hostile/generated';
import { readStore } from './app-db';
import { cardText, importThroughUi, LOCALES_AND_THEMES, openBrowser, openDeckList, serveApp } from './browser';
import { studyFirstDeck } from './study-first-deck';

let app: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  app = await serveApp();
});
afterAll(() => app.close());

/** Screenshots for a person to look at, outside the repository. */
const shots = join(tmpdir(), 'kioku-shots', 'import-collisions');

describe('a shared deck reusing the ids of the learner\'s built-in note type, note and deck', () => {
  it('the preview names what would change; imported as it suggests, the learner\'s note, note type, deck and studied card stay', async () => {
    const browser = await openBrowser({ locale: 'en-US' });
    try {
      const { page } = browser;
      await openDeckList(page, app.url);
      await studyFirstDeck(page, ['3'], 'Show answer');
      const [studied] = (await readStore<Card>(page, 'cards')).filter((card) => card.reps > 0);
      const notes = await readStore<Note>(page, 'notes');
      const note = notes.find((row) => row.id === studied!.noteId)!;
      const noteType = (await readStore<NoteType>(page, 'noteTypes')).find((type) => type.id === note.noteTypeId)!;
      const deck = (await readStore<Deck>(page, 'decks')).find((row) => row.id === note.deckId)!;
      const before = { note, noteType, deck, card: studied };

      const file = Buffer.from(takeoverFile({ deck, noteType, note }, Date.now() + 60_000));
      await importThroughUi(page, 'free-jlpt-n5.json', file);
      const clashes = page.getByTestId('import-collisions');
      await clashes.waitFor();
      expect(await clashes.getByRole('radiogroup', { name: 'Note types (1)' }).isVisible()).toBe(true);
      expect(await clashes.getByRole('radiogroup', { name: 'Notes (1)' }).isVisible()).toBe(true);
      expect(await clashes.getByRole('radiogroup', { name: 'Decks (1)' }).isVisible()).toBe(true);
      expect(await clashes.innerText()).toContain(`Yours: ${deck.name} — in the file: Free JLPT N5`);
      for (const group of await clashes.getByRole('radiogroup').all()) expect(await group.getByRole('radio', { name: 'Keep mine' }).isChecked()).toBe(true);

      await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-result').waitFor();
      expect((await readStore<NoteType>(page, 'noteTypes')).find((type) => type.id === noteType.id)).toStrictEqual(before.noteType);
      expect((await readStore<Note>(page, 'notes')).find((row) => row.id === note.id)).toStrictEqual(before.note);
      expect((await readStore<Deck>(page, 'decks')).find((row) => row.id === deck.id)?.name).toBe(deck.name);
      expect((await readStore<Card>(page, 'cards')).find((card) => card.id === studied!.id)).toStrictEqual(before.card);
      expect((await readStore<Note>(page, 'notes')).some((row) => row.fields[0] === '猫')).toBe(true);

      // No card of the learner's shows the file's banner.
      await page.getByRole('navigation').getByRole('button', { name: 'Decks', exact: true }).click();
      await page.locator('tr[data-deck-id] td.action > button').first().click();
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      expect(await cardText(page)).not.toContain('licence expired');
    } finally {
      await browser.close();
    }
  });

  it('take theirs on notes replaces the learner\'s note once chosen; the collisions panel looks right in ja/en, light/dark', async () => {
    mkdirSync(shots, { recursive: true });
    for (const { locale, colorScheme } of LOCALES_AND_THEMES) {
      const browser = await openBrowser({ locale, colorScheme });
      try {
        const { page } = browser;
        await openDeckList(page, app.url);
        const note = (await readStore<Note>(page, 'notes'))[0]!;
        const noteType = (await readStore<NoteType>(page, 'noteTypes')).find((type) => type.id === note.noteTypeId)!;
        const deck = (await readStore<Deck>(page, 'decks')).find((row) => row.id === note.deckId)!;
        const file = Buffer.from(takeoverFile({ deck, noteType, note }, Date.now() + 60_000));
        const ja = locale === 'ja-JP';
        await page.getByRole('navigation').getByRole('button', { name: ja ? '読み込み' : 'Import', exact: true }).click();
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: ja ? 'ファイルを選ぶ…' : 'Choose a file…' }).click();
        await (await chooser).setFiles({ name: 'free-jlpt-n5.json', mimeType: 'application/json', buffer: file });
        const clashes = page.getByTestId('import-collisions');
        await clashes.waitFor();
        await page.screenshot({ path: join(shots, `${locale}-${colorScheme}.png`), fullPage: true });
        if (ja) continue;
        await clashes.getByRole('radiogroup', { name: 'Notes (1)' }).getByRole('radio', { name: 'Take theirs' }).check();
        await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
        await page.getByTestId('import-result').waitFor();
        expect((await readStore<Note>(page, 'notes')).find((row) => row.id === note.id)?.fields[0]).toBe('PWNED: overwritten');
        // Only notes were taken: the note type and the deck stay the learner's.
        expect((await readStore<NoteType>(page, 'noteTypes')).find((type) => type.id === noteType.id)).toStrictEqual(noteType);
        expect((await readStore<Deck>(page, 'decks')).find((row) => row.id === deck.id)?.name).toBe(deck.name);
      } finally {
        await browser.close();
      }
    }
  });
});
