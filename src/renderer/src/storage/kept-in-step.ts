import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';

/** Makes one write to the source table and brings the summary table up to date with it. */
export type WriteInStep = (source: DBCoreTable, summary: DBCoreTable, request: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>;

/**
 * A Dexie middleware that keeps `summary` in step with `source` inside the very transaction that
 * writes `source`: every read-write transaction on `source` takes `summary` in, and every write to
 * `source` goes through `write`. Right above IndexedDB, below every other middleware: the undo
 * recorder never records the summary (undoing writes the source rows back through here), and
 * nothing below needs Dexie's transaction zone, which an await here would lose.
 */
export function keptInStep(name: string, source: string, summary: string, write: WriteInStep): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name,
    level: -2,
    create(down) {
      return {
        ...down,
        transaction(stores, mode, options) {
          const scope = mode === 'readwrite' && stores.includes(source) && !stores.includes(summary) ? [...stores, summary] : stores;
          return down.transaction(scope, mode, options);
        },
        table(tableName) {
          const table = down.table(tableName);
          if (tableName !== source || !down.schema.tables.some((schema) => schema.name === summary)) return table;
          const kept = down.table(summary);
          return { ...table, mutate: (request) => write(table, kept, request) };
        },
      };
    },
  };
}
