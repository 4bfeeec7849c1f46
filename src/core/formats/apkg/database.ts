import type { Database, SqlValue } from 'sql.js';
import { ImportError } from '../errors';

export type Row = SqlValue[];

/** Runs a query and turns SQLite's terse errors into one naming the package and the table. */
export function selectRows(db: Database, sql: string, table: string, fileName: string): Row[] {
  try {
    const rows: Row[] = [];
    const statement = db.prepare(sql);
    try {
      while (statement.step()) rows.push(statement.get());
    } finally {
      statement.free();
    }
    return rows;
  } catch (error) {
    throw new ImportError(fileName, `table ${table}`, `cannot be read (${(error as Error).message})`);
  }
}

export function tableNames(db: Database, fileName: string): Set<string> {
  const rows = selectRows(db, "select name from sqlite_master where type = 'table'", 'sqlite_master', fileName);
  return new Set(rows.map((row) => String(row[0])));
}

export function requireTables(tables: Set<string>, required: string[], fileName: string): void {
  for (const table of required) {
    if (!tables.has(table)) throw new ImportError(fileName, `table ${table}`, 'is missing; this is not a complete Anki collection');
  }
}

export const num = (value: SqlValue | undefined): number => (typeof value === 'number' ? value : Number(value ?? 0));
export const str = (value: SqlValue | undefined): string => (value === null || value === undefined ? '' : value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value));
