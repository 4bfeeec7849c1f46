// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import Options from '../../../src/renderer/src/screens/Options.svelte';
import type { Collection } from '../../../src/renderer/src/storage/collection';
import { T0, builtInDecks, freshName, openCollection } from '../storage/helpers';

let collection: Collection;

beforeEach(async () => {
  setLanguage('en');
  collection = openCollection(freshName());
  await collection.installDecks(builtInDecks(3), T0);
});
afterEach(() => {
  cleanup();
  collection.close();
});

describe('saving one option of a deck in Options', () => {
  it('copies nothing onto the deck: a later exam date set for the collection still reaches it', async () => {
    await collection.setExam('', '2027-01-02', 0.8, Date.now());
    render(Options, { collection });
    const deck = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Deck' });
    await waitFor(() => expect(deck.options.length).toBe(3));
    await fireEvent.change(deck, { target: { value: 'deck-aws-iam' } });
    const newPerDay = await screen.findByRole<HTMLInputElement>('spinbutton', { name: 'New cards per day' });
    await waitFor(() => expect(newPerDay.value).toBe('20'));
    await fireEvent.input(newPerDay, { target: { value: '7' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Options saved.');
    expect((await collection.deckOptions('deck-aws-iam')).newPerDay).toBe(7);

    await collection.setExam('', '2027-01-12', 0.8, Date.now());
    expect((await collection.deckOptions('deck-aws')).examDate).toBe('2027-01-12');
    expect((await collection.deckOptions('deck-aws-iam')).examDate).toBe('2027-01-12');
  });
});
