// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import DeckList from '../../../src/renderer/src/screens/DeckList.svelte';
import { Collection } from '../../../src/renderer/src/storage/collection';

let collection: Collection;

beforeEach(() => {
  setLanguage('en');
  collection = new Collection({ name: `deck-list-${Math.random()}` });
});
afterEach(() => {
  cleanup();
  collection.close();
});

describe('DeckList', () => {
  it('tells a learner with no decks what to do, and installs the built-in decks on request', async () => {
    render(DeckList, { collection, onstudy: () => {} });
    await screen.findByRole('heading', { name: 'No decks yet' });
    expect(screen.getByText(/Import a deck/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Install the built-in decks' }));
    const studyButtons = await screen.findAllByRole('button', { name: /^Study / });
    const installed = await collection.db.decks.count();
    expect(installed).toBeGreaterThan(0);
    expect(studyButtons).toHaveLength(installed);
    expect(screen.queryByRole('heading', { name: 'No decks yet' })).toBeNull();
  });
});
