import initSqlJs, { type SqlJsStatic } from 'sql.js';

/**
 * Loads sql.js. The browser has to say where the wasm file is served from (pass your own
 * loader, e.g. `() => initSqlJs({ locateFile: () => wasmUrl })`); in Node the default finds it.
 */
export type SqlJsLoader = () => Promise<SqlJsStatic>;

let defaultSqlJs: Promise<SqlJsStatic> | null = null;

export function loadSqlJs(loader?: SqlJsLoader): Promise<SqlJsStatic> {
  if (loader) return loader();
  defaultSqlJs ??= initSqlJs();
  return defaultSqlJs;
}
