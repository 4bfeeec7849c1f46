import type { KiokuDb } from '../db';
import { ChangeRecord, recordCurrentTransaction, type RowChange } from './recorder';
import type { UndoAction } from './actions';

/** Anki keeps this many steps (rslib/src/undo/mod.rs, UNDO_LIMIT). */
export const UNDO_LIMIT = 30;

/** What a step was done to, so a screen can show it again after undo (Study shows the card). */
export interface UndoSubject {
  cardId?: string;
  noteId?: string;
}

/** A step as the UI sees it: what the learner did and to what. */
export interface UndoStepInfo {
  action: UndoAction;
  subject: UndoSubject;
}

interface Step extends UndoStepInfo {
  record: ChangeRecord;
}

/** What the menu names: the step Ctrl+Z takes back and the one Ctrl+Shift+Z does again. */
export interface UndoState {
  undo: UndoAction | null;
  redo: UndoAction | null;
}

/**
 * The collection's one undo/redo stack, as Anki's: every change the learner makes is a step,
 * undo takes back the newest, redo does it again, and a new change forgets what could be redone.
 * A step is recorded from the rows its write changed (see recorder.ts), so any write run through
 * `run` is undoable without code of its own. Writes made outside `run` (a restore) must `clear()`.
 */
export class UndoStack {
  private readonly done: Step[] = [];
  private readonly undone: Step[] = [];
  private readonly listeners = new Set<(state: UndoState) => void>();

  constructor(private readonly db: KiokuDb) {}

  /**
   * Runs `write` in one read-write transaction over every table, recording each row it changes;
   * once committed, the change is the newest step. If `write` throws, nothing is written and the
   * stack is unchanged.
   */
  async run<T>(action: UndoAction, write: () => Promise<T>, subject: UndoSubject = {}): Promise<T> {
    const record = new ChangeRecord();
    // An async scope function: Dexie then keeps the transaction alive across the native awaits inside `write`.
    const result = await this.db.transaction('rw', this.db.tables, async () => {
      recordCurrentTransaction(record);
      return await write();
    });
    if (record.changes.length > 0) {
      this.done.push({ action, subject, record });
      if (this.done.length > UNDO_LIMIT) this.done.shift();
      this.undone.length = 0;
      this.changed();
    }
    return result;
  }

  state(): UndoState {
    return { undo: this.done.at(-1)?.action ?? null, redo: this.undone.at(-1)?.action ?? null };
  }

  /** Takes back the newest step; returns it, or null when there is nothing to undo. */
  async undo(): Promise<UndoStepInfo | null> {
    return this.move(this.done, this.undone, true);
  }

  /** Does the newest undone step again; returns it, or null when there is nothing to redo. */
  async redo(): Promise<UndoStepInfo | null> {
    return this.move(this.undone, this.done, false);
  }

  clear(): void {
    this.done.length = 0;
    this.undone.length = 0;
    this.changed();
  }

  /** Calls `listener` whenever what can be undone or redone changes; returns how to stop. */
  subscribe(listener: (state: UndoState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async move(from: Step[], to: Step[], backwards: boolean): Promise<UndoStepInfo | null> {
    const step = from.at(-1);
    if (!step) return null;
    const rows = netRows(step.record.changes, backwards);
    await this.db.transaction('rw', [...step.record.tables], async () => {
      for (const [name, byKey] of rows) {
        const table = this.db.table(name);
        const entries = [...byKey];
        const gone = entries.filter(([, row]) => row === undefined).map(([key]) => key);
        const kept = entries.filter(([, row]) => row !== undefined).map(([, row]) => structuredClone(row));
        await Promise.all([table.bulkDelete(gone), table.bulkPut(kept)]);
      }
    });
    from.pop();
    to.push(step);
    this.changed();
    return { action: step.action, subject: step.subject };
  }

  private changed(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}

/**
 * Each changed row's final content per table: undo leaves a row as it was before the step's
 * first change to it, redo as the step's last change left it. A row written twice in one step
 * is then written once, and the rows of a table go out in one bulk write.
 */
function netRows(changes: readonly RowChange[], backwards: boolean): Map<string, Map<string, unknown>> {
  const tables = new Map<string, Map<string, unknown>>();
  const ordered = backwards ? [...changes].reverse() : changes;
  for (const change of ordered) {
    let rows = tables.get(change.table);
    if (!rows) tables.set(change.table, (rows = new Map()));
    rows.set(change.key, backwards ? change.before : change.after);
  }
  return tables;
}
