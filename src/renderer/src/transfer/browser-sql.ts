import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { SqlJsLoader } from '../../../core/formats';

/** sql.js in the renderer: the wasm file is a bundled asset, so its URL comes from Vite. */
export const browserSqlJs: SqlJsLoader = () => initSqlJs({ locateFile: () => wasmUrl });
