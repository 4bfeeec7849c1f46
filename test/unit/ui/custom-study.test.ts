// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rating } from '../../../src/core/collection/model';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import Overview from '../../../src/renderer/src/screens/decks/Overview.svelte';
import { Collection } from '../../../src/renderer/src/storage/collection';
import { CUSTOM_STUDY_DECK_ID } from '../../../src/renderer/src/storage/filtered-decks';
import { builtInDecks } from '../storage/helpers';

let collection: Collection;

beforeEach(async () => {
  setLanguage('en');
  collection = new Collection({ name: `custom-study-${Math.random()}` });
  await collection.installDecks(builtInDecks(4), Date.now());
});
afterEach(() => {
  cleanup();
  collection.close();
});

const platform = { saveBackup: async () => null } as never;

describe('Custom Study and filtered deck actions on the overview', () => {
  it('C opens Custom Study; "Review forgotten cards" builds the session and opens its overview, where Empty sends the cards home', async () => {
    await collection.answer('aws-1/0', Rating.Again, Date.now(), 3000);
    const opened: { deckId: string; message: string }[] = [];
    render(Overview, { collection, platform, deckId: 'deck-aws', onstudy: () => {}, onoptions: () => {}, onleave: () => {}, onopen: (deckId: string, message: string) => opened.push({ deckId, message }) });
    await screen.findByRole('heading', { name: 'AWS Security' }, { timeout: 5000 });
    await fireEvent.keyDown(document.body, { key: 'c' });
    await fireEvent.click(await screen.findByLabelText('Review forgotten cards'));
    const days = screen.getByLabelText('Review cards forgotten in the last x days');
    await fireEvent.input(days, { target: { value: '0' } });
    await fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await screen.findByText('Enter a whole number of days from 1 to 365.');
    await fireEvent.input(days, { target: { value: '1' } });
    await fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(opened).toEqual([{ deckId: CUSTOM_STUDY_DECK_ID, message: 'Custom Study Session holds 1 card.' }]));
    expect((await collection.db.cards.get('aws-1/0'))?.deckId).toBe(CUSTOM_STUDY_DECK_ID);

    cleanup();
    render(Overview, { collection, platform, deckId: CUSTOM_STUDY_DECK_ID, onstudy: () => {}, onoptions: () => {}, onleave: () => {}, onopen: () => {}, opened: opened[0]!.message });
    await screen.findByText('Search: rated:1:1 deck:"AWS Security"', {}, { timeout: 5000 });
    expect(screen.getByText('Custom Study Session holds 1 card.')).toBeTruthy();
    await fireEvent.keyDown(document.body, { key: 'e' });
    await screen.findByText('1 card went back to its deck.');
    expect((await collection.db.cards.get('aws-1/0'))?.deckId).toBe('deck-aws');
    await fireEvent.click(screen.getByRole('button', { name: 'Rebuild' }));
    await screen.findByText('Rebuilt: 1 card.');
  });

  it("raises today's new card limit, said on the overview", async () => {
    await collection.setDeckOptions('deck-aws', { newPerDay: 1 });
    render(Overview, { collection, platform, deckId: 'deck-aws', onstudy: () => {}, onoptions: () => {}, onleave: () => {}, onopen: () => {} });
    await waitFor(() => expect(screen.getByTestId('overview-new').textContent).toBe('1'), { timeout: 5000 });
    await fireEvent.click(screen.getByRole('button', { name: 'Custom Study' }));
    await fireEvent.input(screen.getByLabelText('Increase today’s new card limit by'), { target: { value: '2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await screen.findByText('Today’s limit raised.');
    await waitFor(() => expect(screen.getByTestId('overview-new').textContent).toBe('3'));
  });
});
