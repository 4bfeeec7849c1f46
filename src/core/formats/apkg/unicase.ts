import type { Database } from 'sql.js';
import { ImportError } from '../errors';

const UNICASE = /\s+COLLATE\s+["'`[]?unicase["'`\]]?/gi;

/**
 * Makes a schema-15+ collection readable in sql.js. Anki declares the name columns of `fields`,
 * `templates`, `notetypes`, `decks`, `deck_config` and `tags` `COLLATE unicase`, a collation
 * its Rust code registers; sql.js exports no `sqlite3_create_collation`, so every query on those
 * tables fails with "no query solution". The collation only orders names, which Kioku never
 * sorts or looks up by, so the in-memory copy is read with the collation removed from each table
 * definition. The explicit indexes on those tables were built in unicase order and would lie to
 * the binary comparison, so their schema rows go too; their pages stay in the file unused, which
 * is harmless because this copy is only read and then thrown away.
 */
export function dropUnicaseCollation(db: Database, fileName: string): void {
  const tables = new Map<string, string>();
  const statement = db.prepare("select name, sql from sqlite_master where type = 'table' and sql like '%unicase%'");
  try {
    while (statement.step()) {
      const [name, sql] = statement.get();
      tables.set(String(name), String(sql));
    }
  } finally {
    statement.free();
  }
  if (tables.size === 0) return;
  try {
    db.run('pragma writable_schema = on');
    for (const [name, sql] of tables) {
      db.run("update sqlite_master set sql = ? where type = 'table' and name = ?", [sql.replace(UNICASE, ''), name]);
      db.run("delete from sqlite_master where type = 'index' and tbl_name = ? and sql is not null", [name]);
    }
    db.run('pragma writable_schema = reset');
    db.run('pragma writable_schema = off');
  } catch (error) {
    throw new ImportError(fileName, 'sqlite_master', `the collection's table definitions cannot be read (${(error as Error).message})`);
  }
}
