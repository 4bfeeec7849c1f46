import { sha1Hex } from '../../../../core/formats/sha1';
import { docId, stableJson, type RecordKind } from '../../../../core/sync/records';
import type { Card } from '../../../../core/collection/model';
import { placeOf, scheduleOf } from '../../../../core/sync/replay';
import type { Table } from 'dexie';
import type { KiokuDb } from '../db';

/** Settings that follow the learner to other devices: the collection's exam date and target, and the option presets decks use. */
export const SYNCED_SETTINGS = ['deckDefaults', 'presets'] as const;

/** A record as this device holds it now, ready to compare with what it last exchanged. */
export interface LocalRecord {
  id: string;
  kind: RecordKind;
  data: unknown;
  hash: string;
  /** Media bytes, sent as the document's attachment. */
  bytes?: Uint8Array;
}

/** What a media document holds besides its attachment: the bytes' hash stands for them. */
export interface MediaInfo {
  name: string;
  mime: string;
  sha1: string;
}

/** Which records of a kind to read: every one, or those named (by record id, not document id). */
export type Selection = (kind: RecordKind) => 'all' | readonly string[];

async function rowsOf<T>(table: Table<T, string>, which: 'all' | readonly string[]): Promise<T[]> {
  if (which === 'all') return table.toArray();
  if (which.length === 0) return [];
  return (await table.bulkGet([...which])).filter((row): row is T => row !== undefined);
}

/** The last-writer-wins records (decks, note types, notes, synced settings, media, mock exam attempts) selected, keyed by document id. */
export async function readLocalRecords(db: KiokuDb, which: Selection): Promise<Map<string, LocalRecord>> {
  const settingKeys = which('setting');
  const [decks, noteTypes, notes, settings, media, attempts] = await db.transaction('r', [db.decks, db.noteTypes, db.notes, db.settings, db.media, db.attempts], () =>
    Promise.all([
      rowsOf(db.decks, which('deck')),
      rowsOf(db.noteTypes, which('noteType')),
      rowsOf(db.notes, which('note')),
      rowsOf(db.settings, SYNCED_SETTINGS.filter((key) => settingKeys === 'all' || settingKeys.includes(key))),
      rowsOf(db.media, which('media')),
      rowsOf(db.attempts, which('attempt')),
    ]),
  );
  const records = new Map<string, LocalRecord>();
  const add = (kind: RecordKind, id: string, data: unknown, bytes?: Uint8Array) => {
    const record: LocalRecord = { id: docId(kind, id), kind, data, hash: stableJson(data) };
    if (bytes) record.bytes = bytes;
    records.set(record.id, record);
  };
  for (const deck of decks) add('deck', deck.id, deck);
  for (const noteType of noteTypes) add('noteType', noteType.id, noteType);
  for (const note of notes) add('note', note.id, note);
  for (const row of settings) add('setting', row.key, row);
  for (const attempt of attempts) add('attempt', attempt.id, attempt);
  for (const file of media) add('media', file.name, { name: file.name, mime: file.mime, sha1: sha1Hex(file.data) } satisfies MediaInfo, file.data);
  return records;
}

/**
 * What of a card syncs: its place and its schedule, compared with the shadow to find cards
 * changed here. A bury by an answer on a sibling is left out, as the reviews carry it.
 */
export function cardHash(card: Card): string {
  return stableJson({ ...placeOf(card), ...scheduleOf(card) });
}
