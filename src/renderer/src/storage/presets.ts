import { presetIdForDeck } from '../../../core/presets/from-pinned';
import { DEFAULT_PRESET_ID, defaultPreset, examPart, presetPart, type PresetOptions } from '../../../core/presets/presets';
import type { DeckRow } from './db';
import type { KiokuDb } from './db';
import { newId } from './ids';
import { changePreset, getPresets, putPresets } from './settings';

/*
 * Presets as Anki's deck options: each change is one transaction, run by the Collection as one
 * undoable step. Changing a preset changes the options of every deck using it.
 */

function cleanName(name: string): string {
  const text = name.trim();
  if (text === '') throw new Error('A preset needs a name');
  return text;
}

/** The given options replace the preset's; options left out (the fitted FSRS parameters) stay. */
export function savePresetOptions(db: KiokuDb, presetId: string, options: PresetOptions): Promise<void> {
  return changePreset(db, presetId, (preset) => ({ ...preset, options: { ...preset.options, ...options } }));
}

/** A new preset holding a copy of another's options; the deck given (if any) uses it. Returns its id. */
export function addPreset(db: KiokuDb, name: string, copyOf: string, deckId: string | null, now: number): Promise<string> {
  return db.transaction('rw', db.settings, db.decks, async () => {
    const presets = await getPresets(db);
    const source = presets.find((preset) => preset.id === copyOf);
    if (!source) throw new Error(`Options: no preset with id ${copyOf}`);
    const id = `preset-${newId(now)}`;
    await putPresets(db, [...presets, { id, name: cleanName(name), options: structuredClone(source.options) }]);
    if (deckId !== null) await usePreset(db, deckId, id);
    return id;
  });
}

export function renamePreset(db: KiokuDb, presetId: string, name: string): Promise<void> {
  const text = cleanName(name);
  return changePreset(db, presetId, (preset) => ({ ...preset, name: text }));
}

/** The Default preset stays. Decks that named the preset follow their parent's again (at the top: Default). */
export function deletePreset(db: KiokuDb, presetId: string): Promise<void> {
  if (presetId === DEFAULT_PRESET_ID) throw new Error('The Default preset cannot be deleted');
  return db.transaction('rw', db.settings, db.decks, async () => {
    await putPresets(db, (await getPresets(db)).filter((preset) => preset.id !== presetId));
    const users = await db.decks.filter((deck) => deck.presetId === presetId).toArray();
    await db.decks.bulkPut(
      users.map((deck) => {
        const row = { ...deck };
        delete row.presetId;
        return row;
      }),
    );
  });
}

export function usePreset(db: KiokuDb, deckId: string, presetId: string): Promise<void> {
  return db.transaction('rw', db.settings, db.decks, async () => {
    const deck = await db.decks.get(deckId);
    if (!deck) throw new Error(`Options: no deck with id ${deckId}`);
    if (!(await getPresets(db)).some((preset) => preset.id === presetId)) throw new Error(`Options: no preset with id ${presetId}`);
    await db.decks.put({ ...deck, presetId });
  });
}

/**
 * A deck written by an import with options of its own (an Anki preset's FSRS parameters and
 * desired retention) gets a preset of its own holding them over the Default preset's; only its
 * exam stays on the deck. Inside the import's transaction.
 */
export async function presetsForImportedDecks(db: KiokuDb, rows: readonly DeckRow[]): Promise<void> {
  const carrying = rows.filter((row) => Object.keys(presetPart(row.options)).length > 0);
  if (carrying.length === 0) return;
  const presets = await getPresets(db);
  const base = defaultPreset(presets).options;
  const ids = new Set(carrying.map((row) => presetIdForDeck(row.id)));
  const added = carrying.map((row) => ({ id: presetIdForDeck(row.id), name: row.name, options: { ...base, ...presetPart(row.options) } }));
  await putPresets(db, [...presets.filter((preset) => !ids.has(preset.id)), ...added]);
  await db.decks.bulkPut(carrying.map((row) => ({ ...row, options: examPart(row.options), presetId: presetIdForDeck(row.id) })));
}
