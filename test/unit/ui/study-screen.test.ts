// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import Study from '../../../src/renderer/src/screens/study/Study.svelte';
import { Collection } from '../../../src/renderer/src/storage/collection';
import { builtInDecks } from '../storage/helpers';

let collection: Collection;

beforeEach(async () => {
  setLanguage('en');
  // jsdom has no matchMedia; the toolbar asks whether the window is a phone's (it is not here).
  window.matchMedia = (query: string) => ({ matches: false, media: query, addEventListener: () => {}, removeEventListener: () => {} }) as unknown as MediaQueryList;
  collection = new Collection({ name: `study-screen-${Math.random()}` });
  await collection.installDecks(builtInDecks(3), Date.now());
});
afterEach(() => {
  cleanup();
  collection.close();
});

function remaining(): { newCount: number; learningCount: number; reviewCount: number } {
  const count = (id: string) => Number(screen.getByTestId(id).textContent);
  return { newCount: count('remaining-new'), learningCount: count('remaining-learning'), reviewCount: count('remaining-review') };
}

function front(): string {
  return document.querySelector('article.card')?.shadowRoot?.textContent ?? '';
}

/** The next card is on screen and the screen is ready for the learner (no write in flight). */
async function cardShown(): Promise<HTMLButtonElement> {
  // The first render of a run also compiles the screen, which takes over a second on a busy machine.
  const button = await screen.findByRole<HTMLButtonElement>('button', { name: 'Show answer' }, { timeout: 5000 });
  await waitFor(() => expect(button.disabled).toBe(false));
  return button;
}

async function answer(rating: RegExp): Promise<void> {
  await fireEvent.click(await cardShown());
  await fireEvent.click(await screen.findByRole('button', { name: rating }));
  await cardShown();
}

describe('Study', () => {
  it('keeps an answered learning card and the counts right, and undo brings the card back', async () => {
    render(Study, { collection, deckId: 'deck-aws', deckName: 'AWS Security', onleave: () => {} });
    await cardShown();
    expect(remaining()).toEqual({ newCount: 3, learningCount: 0, reviewCount: 0 });
    const first = front();

    await answer(/^Again, /);
    expect(await collection.db.reviews.count()).toBe(1);
    await waitFor(() => expect(remaining()).toEqual({ newCount: 2, learningCount: 1, reviewCount: 0 }));
    expect(front()).not.toBe(first);

    await fireEvent.click(screen.getByRole('button', { name: 'Undo Answer' }));
    await screen.findByText('Undone: Answer.');
    expect(remaining()).toEqual({ newCount: 3, learningCount: 0, reviewCount: 0 });
    expect(front()).toBe(first);
    expect(await collection.db.reviews.count()).toBe(0);
  });

  it('counts a learning card due in minutes as left today, not as due tomorrow', async () => {
    render(Study, { collection, deckId: 'deck-aws', deckName: 'AWS Security', onleave: () => {} });
    await answer(/^Again, /);
    await fireEvent.keyDown(window, { key: 'Escape' });
    await screen.findByRole('heading', { name: 'Session finished' });
    // Two new cards and the one in its learning steps, due again in a minute.
    expect(screen.getByTestId('summary-left-today').textContent).toBe('3');
    expect(screen.getByTestId('summary-tomorrow').textContent).toBe('Nothing due tomorrow');
  });

  it('never shows the sibling of a card just answered', async () => {
    render(Study, { collection, deckId: 'deck-jp', deckName: '日本語', onleave: () => {} });
    await cardShown();
    expect(remaining()).toEqual({ newCount: 2, learningCount: 0, reviewCount: 0 });
    const first = front();

    await answer(/^Good, /);
    await waitFor(() => expect(remaining()).toEqual({ newCount: 0, learningCount: 1, reviewCount: 0 }));
    // The only card left today is the one in its learning steps, shown early rather than making the learner wait.
    expect(front()).toBe(first);
  });

  it('shows a note edited during study as edited when its card comes again', async () => {
    render(Study, { collection, deckId: 'deck-jp', deckName: '日本語', onleave: () => {} });
    await cardShown();
    expect(['犬', 'dog']).toContain(front());
    // Let the notes of the coming cards be read ahead before the edit.
    await new Promise((resolve) => setTimeout(resolve, 50));

    await fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
    // The fields are rich text; their HTML view is a plain box a test can type into.
    await fireEvent.click(await screen.findByRole('button', { name: 'Front as HTML' }));
    await fireEvent.input(screen.getByLabelText('Front, HTML source'), { target: { value: '犬 (edited)' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Back as HTML' }));
    await fireEvent.input(screen.getByLabelText('Back, HTML source'), { target: { value: 'dog (edited)' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Note saved.');
    expect(front()).toMatch(/\(edited\)$/);

    // The sibling is buried, so the card just answered, in its learning steps, comes straight back.
    await answer(/^Again, /);
    expect(await collection.db.reviews.count()).toBe(1);
    expect(front()).toMatch(/\(edited\)$/);
  });

  it('records every answer of a weakest-cards session, which has no deck queue', async () => {
    render(Study, { collection, deckId: '', deckName: 'Weakest cards', cardIds: ['aws-1/0', 'aws-2/0'], onleave: () => {} });
    await cardShown();
    expect(remaining().reviewCount).toBe(2);
    await answer(/^Good, /);
    expect(await collection.db.reviews.count()).toBe(1);
    expect(remaining().reviewCount).toBe(1);
  });

  it("flags with Ctrl+N, marks with *, buries the note with = and undoes each, with Anki's keys", async () => {
    render(Study, { collection, deckId: 'deck-jp', deckName: '日本語', onleave: () => {} });
    await cardShown();
    const first = front();
    const cardId = first === '犬' ? 'jp-inu/0' : 'jp-inu/1';

    await fireEvent.keyDown(window, { key: '3', code: 'Digit3', ctrlKey: true });
    await screen.findByText('Flag set: Green.');
    expect(screen.getByTestId('card-marks').textContent).toContain('Green');
    expect((await collection.db.cards.get(cardId))?.flag).toBe(3);
    await fireEvent.keyDown(window, { key: '3', code: 'Digit3', ctrlKey: true });
    await screen.findByText('Flag taken off.');
    expect((await collection.db.cards.get(cardId))?.flag ?? 0).toBe(0);

    await fireEvent.keyDown(window, { key: '*' });
    await screen.findByText('Note marked.');
    expect((await collection.db.notes.get('jp-inu'))?.tags).toEqual(['animals', 'marked']);
    expect(screen.getByTestId('card-marks').textContent).toContain('Marked');
    expect(front()).toBe(first);

    await fireEvent.keyDown(window, { key: '=' });
    await screen.findByRole('heading', { name: 'Session finished' });
    expect((await collection.db.cards.where('noteId').equals('jp-inu').toArray()).every((card) => card.buriedUntil !== null)).toBe(true);
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    await screen.findByText('Undone: Bury Note.');
    await cardShown();
    expect(front()).toBe(first);
  });
});
