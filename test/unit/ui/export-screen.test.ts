// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/core/formats';
import { setLanguage } from '../../../src/renderer/src/i18n/locale.svelte';
import Export from '../../../src/renderer/src/screens/Export.svelte';
import { Collection } from '../../../src/renderer/src/storage/collection';

const NOW = Date.UTC(2026, 10, 30, 9);

let collection: Collection;
let saved: { name: string; text: string }[];
let accept: boolean;

const platform = {
  saveFile: async (name: string, bytes: Uint8Array) => {
    if (accept) saved.push({ name, text: new TextDecoder().decode(bytes) });
    return accept;
  },
};

beforeEach(async () => {
  setLanguage('en');
  saved = [];
  accept = true;
  collection = new Collection({ name: `export-screen-${Math.random()}` });
  const { collection: data } = readCsv('front,back,deck\n犬,dog,Animals\n猫,cat,Animals\n赤,red,Colours\n', 'words.csv', { now: NOW });
  await collection.importData(data, { fileName: 'words.csv', now: NOW, withScheduling: false });
});
afterEach(() => {
  cleanup();
  collection.close();
});

describe('Export screen', () => {
  it('exports only the chosen deck, as TSV, under the deck name', async () => {
    render(Export, { collection, platform });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'tsv' } });
    expect(screen.queryByRole('checkbox', { name: 'Include schedules and review history' })).toBeNull();
    await fireEvent.click(screen.getByRole('checkbox', { name: 'All decks' }));
    expect((screen.getByRole('button', { name: 'Export' }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(await screen.findByRole('checkbox', { name: 'Animals' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByText('Saved Animals.tsv.');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('Animals.tsv');
    // Anki's text format: header lines, then guid, deck, the fields and tags, each quoted.
    expect(saved[0]!.text).toMatch(/^#separator:tab\n/);
    expect(saved[0]!.text).toContain('"Animals"\t"犬"\t"dog"');
    expect(saved[0]!.text).not.toContain('赤');
  });

  it('says so when the learner cancels the save dialog', async () => {
    accept = false;
    render(Export, { collection, platform });
    await fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByText('Not saved.');
  });

  it('writes a full backup of every deck, with no deck choice offered', async () => {
    render(Export, { collection, platform });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'kioku-backup' } });
    expect(screen.queryByRole('checkbox', { name: 'All decks' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await screen.findByText(/^Saved kioku-\d{4}-\d{2}-\d{2}\.kioku-backup\.$/);
    expect(saved[0]!.text.startsWith('PK')).toBe(true);
  });
});
