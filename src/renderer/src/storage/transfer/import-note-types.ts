import type { Collision, CollisionChoice } from '../../../../core/collection/collisions';
import { freeName } from '../../../../core/collection/collisions';
import type { NoteType } from '../../../../core/collection/model';

export interface NoteTypePlan {
  /** Note type id in the file → note type id in the collection. */
  idOf: Map<string, string>;
  /** Note types to write: new ones, copies, and (when the learner takes theirs) updates. */
  rows: NoteType[];
  /** Every note type the imported notes may use, by collection id. */
  byId: Map<string, NoteType>;
  /** The learner's note types whose id the file reuses with other content. */
  collisions: Collision[];
}

const shape = (type: NoteType) => JSON.stringify([type.name, type.kind, type.fields, type.templates, type.css ?? '']);

/**
 * Matches note types by id, then by identical content: Anki gives an exported note type a new
 * id each time, and importing the same "Basic" twice should not leave two of them. A file's note
 * type with the id of one of the learner's but other content is a collision: kept as the
 * learner's, taken, or imported as a copy. When its fields or kind differ, the learner's notes
 * could not be shown with it nor the file's notes with the learner's, so it always arrives as a copy.
 */
export function planNoteTypes(incoming: readonly NoteType[], stored: readonly NoteType[], choice: CollisionChoice, newId: () => string): NoteTypePlan {
  const byId = new Map(stored.map((type) => [type.id, type]));
  const byShape = new Map(stored.map((type) => [shape(type), type]));
  const names = new Set(stored.map((type) => type.name));
  const others = (type: NoteType) => new Set([...names, ...incoming.filter((other) => other !== type).map((other) => other.name)]);
  const plan: NoteTypePlan = { idOf: new Map(), rows: [], byId: new Map(byId), collisions: [] };
  for (const type of incoming) {
    const sameId = byId.get(type.id);
    if (sameId && shape(sameId) !== shape(type)) {
      plan.collisions.push({ mine: sameId.name, theirs: type.name });
      const fits = sameId.kind === type.kind && sameId.fields.length === type.fields.length;
      const how = fits ? choice : 'keep-both';
      if (how === 'keep-mine') {
        plan.idOf.set(type.id, sameId.id);
      } else if (how === 'take-theirs') {
        plan.idOf.set(type.id, type.id);
        plan.rows.push(type);
        plan.byId.set(type.id, type);
      } else {
        const copy: NoteType = { ...type, id: newId(), name: freeName(type.name, others(type)) };
        names.add(copy.name);
        plan.idOf.set(type.id, copy.id);
        plan.rows.push(copy);
        plan.byId.set(copy.id, copy);
      }
      continue;
    }
    const sameShape = sameId ? undefined : byShape.get(shape(type));
    const id = sameShape?.id ?? type.id;
    plan.idOf.set(type.id, id);
    if (!sameShape && !sameId) {
      plan.rows.push(type);
      plan.byId.set(id, type);
    }
  }
  return plan;
}
