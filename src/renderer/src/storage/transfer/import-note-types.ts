import type { NoteType } from '../../../../core/collection/model';
import { ImportError } from '../../../../core/formats';

export interface NoteTypePlan {
  /** Note type id in the file → note type id in the collection. */
  idOf: Map<string, string>;
  /** Note types to write: new ones and updates of ones with the same id. */
  rows: NoteType[];
  /** Every note type the imported notes may use, by collection id. */
  byId: Map<string, NoteType>;
}

const shape = (type: NoteType) => JSON.stringify([type.name, type.kind, type.fields, type.templates, type.css ?? '']);

/**
 * Matches note types by id, then by identical content: Anki gives an exported note type a new
 * id each time, and importing the same "Basic" twice should not leave two of them.
 */
export function planNoteTypes(incoming: readonly NoteType[], stored: readonly NoteType[], fileName: string): NoteTypePlan {
  const byId = new Map(stored.map((type) => [type.id, type]));
  const byShape = new Map(stored.map((type) => [shape(type), type]));
  const plan: NoteTypePlan = { idOf: new Map(), rows: [], byId: new Map(byId) };
  for (const type of incoming) {
    const sameId = byId.get(type.id);
    if (sameId && sameId.fields.length !== type.fields.length) {
      throw new ImportError(
        fileName,
        `note type "${type.name}"`,
        `has ${type.fields.length} fields, but the note type with the same id in your collection has ${sameId.fields.length}`,
      );
    }
    const sameShape = sameId ? undefined : byShape.get(shape(type));
    const id = sameShape?.id ?? type.id;
    plan.idOf.set(type.id, id);
    if (!sameShape) {
      plan.rows.push(type);
      plan.byId.set(id, type);
    }
  }
  return plan;
}
