import Dexie, { type Transaction, type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';

/** One row as it was before a recorded write and as the write left it; undefined = no such row. */
export interface RowChange {
  table: string;
  key: string;
  before: unknown;
  after: unknown;
}

/**
 * The rows one undoable write changed, in the order it changed them. Every write inside the
 * transaction is recorded whichever function made it, so a new kind of change is undoable
 * without writing its own undo: undo puts back each `before`, redo each `after`.
 */
export class ChangeRecord {
  readonly changes: RowChange[] = [];
  readonly tables = new Set<string>();

  add(change: RowChange): void {
    this.changes.push(change);
    this.tables.add(change.table);
  }
}

const recording = new WeakMap<DBCoreTransaction, ChangeRecord>();

/** Records every write of the current Dexie transaction (and its sub-transactions) into `record`. */
export function recordCurrentTransaction(record: ChangeRecord): void {
  const transaction = Dexie.currentTransaction as (Transaction & { idbtrans?: DBCoreTransaction }) | null;
  if (!transaction?.idbtrans) throw new Error('An undoable write must run inside a read-write transaction');
  recording.set(transaction.idbtrans, record);
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function recordingTable(down: DBCoreTable): DBCoreTable {
  const keyOf = (value: unknown): string => down.schema.primaryKey.extractKey!(value) as string;
  return {
    ...down,
    async mutate(req: DBCoreMutateRequest) {
      const record = recording.get(req.trans);
      if (!record) return down.mutate(req);
      const name = down.name;
      if (req.type === 'add' || req.type === 'put') {
        const keys = req.keys ?? req.values.map(keyOf);
        const before = req.type === 'add' ? keys.map(() => undefined) : await down.getMany({ trans: req.trans, keys });
        const after = req.values.map(clone);
        const result = await down.mutate(req);
        keys.forEach((key, i) => {
          if (result.failures[i] === undefined) record.add({ table: name, key, before: before[i], after: after[i] });
        });
        return result;
      }
      const keys =
        req.type === 'delete'
          ? req.keys
          : ((await down.query({ trans: req.trans, query: { index: down.schema.primaryKey, range: req.range }, values: false })).result as string[]);
      const before = await down.getMany({ trans: req.trans, keys });
      const result = await down.mutate(req);
      keys.forEach((key, i) => {
        if (before[i] !== undefined) record.add({ table: name, key, before: before[i], after: undefined });
      });
      return result;
    },
  };
}

/** The Dexie middleware behind `recordCurrentTransaction`; writes outside a recorded transaction pass untouched. */
export const changeRecorder: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'kioku-change-recorder',
  create(down) {
    return { ...down, table: (name) => recordingTable(down.table(name)) };
  },
};
