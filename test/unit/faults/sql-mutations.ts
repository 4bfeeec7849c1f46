import { unzipSync, zipSync, type Zippable } from 'fflate';
import initSqlJs from 'sql.js';
import { MAX_FIELD_CHARS } from '../../../src/core/formats';
import type { Random } from './random';

/**
 * Changes an Anki collection could carry after a crash, a buggy add-on or a hand edit: broken
 * JSON in `col`, references to missing note types and decks, impossible scheduling numbers.
 */
const STATEMENTS: readonly ((random: Random) => string)[] = [
  () => `UPDATE col SET models = '{'`,
  () => `UPDATE col SET models = '[]'`,
  () => `UPDATE col SET models = 'null'`,
  () => `UPDATE col SET decks = '{"1": {"name": 5}}'`,
  () => `UPDATE col SET decks = ''`,
  () => `UPDATE col SET dconf = '{"1": {"new": {"perDay": "many"}}}'`,
  () => `UPDATE col SET conf = 'not json'`,
  () => `UPDATE col SET ver = 99`,
  () => `DELETE FROM col`,
  () => `DROP TABLE notes`,
  () => `DROP TABLE cards`,
  () => `DROP TABLE revlog`,
  () => `UPDATE notes SET mid = 4242`,
  () => `UPDATE notes SET flds = ''`,
  () => `UPDATE notes SET flds = x'fffe00d8'`,
  () => `UPDATE notes SET flds = 12345`,
  () => `UPDATE notes SET flds = flds || char(31) || char(31) || char(31)`,
  () => `UPDATE notes SET flds = '${'x'.repeat(MAX_FIELD_CHARS + 1)}'`,
  () => `UPDATE notes SET tags = x'00ff'`,
  () => `UPDATE notes SET guid = ''`,
  () => `UPDATE notes SET guid = (SELECT guid FROM notes LIMIT 1)`,
  () => `UPDATE notes SET id = -id`,
  () => `UPDATE cards SET nid = 777`,
  () => `UPDATE cards SET did = 888`,
  () => `UPDATE cards SET ord = 57`,
  (random) => `UPDATE cards SET type = ${random.pick([-5, 4, 9, 300])}, queue = ${random.pick([-4, 5, 11])}`,
  (random) => `UPDATE cards SET ivl = ${random.pick([-99999999, 2 ** 53, 1e300])}, due = ${random.pick([-1, 2 ** 62, 9e18])}`,
  () => `UPDATE cards SET factor = -1, reps = -3, lapses = 1e12`,
  () => `UPDATE cards SET data = '{"s": "x", "d": []}'`,
  () => `UPDATE cards SET type = 2, queue = 2, ivl = 10, due = 5, data = '{"s": -1, "d": 99}'`,
  (random) => `UPDATE revlog SET ease = ${random.pick([0, 5, 99, -1])}`,
  () => `UPDATE revlog SET cid = 999`,
  () => `UPDATE revlog SET id = 9223372036854775807 WHERE id = (SELECT max(id) FROM revlog)`,
  () => `UPDATE revlog SET time = -5000, ivl = 'x'`,
  () => `INSERT INTO revlog SELECT id + 1, cid, usn, ease, ivl, lastIvl, factor, time, type FROM revlog`,
];

let sqlJs: ReturnType<typeof initSqlJs> | null = null;

/** The package with `statement` run on its collection. */
export async function withSql(zip: Uint8Array, statement: string): Promise<Uint8Array> {
  sqlJs ??= initSqlJs();
  const SQL = await sqlJs;
  const files: Zippable = { ...unzipSync(zip) };
  const entry = ['collection.anki21', 'collection.anki2'].find((name) => name in files);
  if (!entry) throw new Error('the seed package has no collection');
  const db = new SQL.Database(files[entry] as Uint8Array);
  db.run(statement);
  files[entry] = db.export();
  db.close();
  return zipSync(files);
}

/** The package once for each hostile statement. */
export async function everyAnkiCollectionMutation(zip: Uint8Array, random: Random): Promise<{ how: string; bytes: Uint8Array }[]> {
  const damaged: { how: string; bytes: Uint8Array }[] = [];
  for (const statementFor of STATEMENTS) {
    const statement = statementFor(random);
    damaged.push({ how: `SQL: ${statement.slice(0, 80)}`, bytes: await withSql(zip, statement) });
  }
  return damaged;
}
