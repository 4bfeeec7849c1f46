import { renameMediaReferences } from '../../../../core/cards/media-references';
import { copyMediaName, type Collision, type CollisionChoice } from '../../../../core/collection/collisions';
import type { MediaFile, Note, NoteType } from '../../../../core/collection/model';
import { sha1Hex } from '../../../../core/formats/sha1';
import type { KiokuDb } from '../db';

export interface MediaPlan {
  rows: MediaFile[];
  /** The notes and note types to write, pointing at the copies' names where the file's media was copied. */
  notes: Note[];
  noteTypes: NoteType[];
  /** The learner's media files the file has another file under the same name for. */
  collisions: Collision[];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A file's media file named like one of the learner's but with other bytes would change every
 * card of the learner's that shows it. Kept as the learner's (the file's notes show the learner's
 * file), taken, or stored under a name of its own, as Anki does, with the file's notes and note
 * types pointed at it.
 */
export async function planMedia(db: KiokuDb, incoming: readonly MediaFile[], choice: CollisionChoice, notes: Note[], noteTypes: NoteType[]): Promise<MediaPlan> {
  if (incoming.length === 0) return { rows: [], notes, noteTypes, collisions: [] };
  const names = new Set((await db.media.toCollection().primaryKeys()).map(String));
  const present = incoming.filter((file) => names.has(file.name));
  const stored = new Map((await db.media.bulkGet(present.map((file) => file.name))).flatMap((file) => (file ? [[file.name, file] as const] : [])));
  const clashing = present.filter((file) => !sameBytes(file.data, stored.get(file.name)?.data ?? new Uint8Array()));
  const collisions = clashing.map((file) => ({ mine: file.name, theirs: file.name }));
  if (clashing.length === 0 || choice === 'take-theirs') return { rows: [...incoming], notes, noteTypes, collisions };
  const unchanged = new Set(present.map((file) => file.name));
  if (choice === 'keep-mine') return { rows: incoming.filter((file) => !unchanged.has(file.name)), notes, noteTypes, collisions };

  const taken = new Set([...names, ...incoming.map((file) => file.name)]);
  const renames = new Map<string, string>();
  for (const file of clashing) {
    const copy = copyMediaName(file.name, sha1Hex(file.data), taken);
    taken.add(copy);
    renames.set(file.name, copy);
  }
  const rename = (text: string) => renameMediaReferences(text, renames);
  return {
    rows: incoming.filter((file) => !unchanged.has(file.name) || renames.has(file.name)).map((file) => ({ ...file, name: renames.get(file.name) ?? file.name })),
    notes: notes.map((note) => ({ ...note, fields: note.fields.map(rename) })),
    noteTypes: noteTypes.map((type) => ({
      ...type,
      ...(type.css === undefined ? {} : { css: rename(type.css) }),
      templates: type.templates.map((template) => ({ ...template, front: rename(template.front), back: rename(template.back) })),
    })),
    collisions,
  };
}
