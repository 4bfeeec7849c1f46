/**
 * What an import does with an item of the file that claims an item the learner already has: the
 * same note type, note or deck id, the same Anki guid, the same media name — with other content.
 * A shared deck can reuse any id it likes (the built-in decks' ids are public), so such an item
 * is never taken silently: the preview names each one and the learner chooses per kind.
 */

export type CollisionChoice = 'keep-mine' | 'take-theirs' | 'keep-both';

export const COLLISION_KINDS = ['noteTypes', 'notes', 'decks', 'media'] as const;
export type CollisionKind = (typeof COLLISION_KINDS)[number];

export type CollisionChoices = Record<CollisionKind, CollisionChoice>;

/** The safe default: nothing of the learner's changes until they say so. */
export const KEEP_MINE: CollisionChoices = { noteTypes: 'keep-mine', notes: 'keep-mine', decks: 'keep-mine', media: 'keep-mine' };
/** A newer version of a deck the learner imported before, taken as a whole. */
export const TAKE_THEIRS: CollisionChoices = { noteTypes: 'take-theirs', notes: 'take-theirs', decks: 'take-theirs', media: 'take-theirs' };

export interface Collision {
  /** The learner's item, as the learner knows it (a name, a note's first field). */
  mine: string;
  /** The file's item claiming it. */
  theirs: string;
  /** For notes: only the schedule of its cards would change (the note's text is the same). */
  scheduleOnly?: boolean;
}

export type Collisions = Record<CollisionKind, Collision[]>;

export function noCollisions(): Collisions {
  return { noteTypes: [], notes: [], decks: [], media: [] };
}

export function collisionCount(collisions: Collisions): number {
  return COLLISION_KINDS.reduce((sum, kind) => sum + collisions[kind].length, 0);
}

/** Whether importing with these choices would change anything the learner has (so a backup comes first). */
export function changesExisting(collisions: Collisions, choices: CollisionChoices): boolean {
  return COLLISION_KINDS.some((kind) => collisions[kind].length > 0 && choices[kind] === 'take-theirs');
}

/**
 * A name not in `taken` for a copy: Anki-like, the name itself when free, else "name (2)",
 * "name (3)"… For a deck path only the last part changes, so the copy stays where it was.
 */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A media file's name for a copy: the content's hash before the extension, as Anki names a clashing file. */
export function copyMediaName(name: string, hash: string, taken: ReadonlySet<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return freeName(`${stem}-${hash.slice(0, 8)}${extension}`, taken);
}
