import * as v from 'valibot';
import { BACKUP_REASONS } from '../preload/bridge';
import { BACKUP_NAME_PATTERN } from '../preload/backup-name';

const bytes = v.instance(Uint8Array);
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999_999_999));

const fileFilter = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  extensions: v.pipe(v.array(v.pipe(v.string(), v.regex(/^(\*|[a-z0-9]{1,16})$/i))), v.minLength(1), v.maxLength(20)),
});

/** A plain file name for the save dialog; separators would let the page pick the folder. */
const suggestedName = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(200),
  v.regex(/^[^/\\:*?"<>|\0]+$/, 'a file name without folders'),
  v.check((name) => name !== '.' && name !== '..', 'a file name, not . or ..'),
);

/** A server address the page may sync with: http(s) only, so the CSP entry made from it is a plain origin. */
const serverUrl = v.pipe(
  v.string(),
  v.maxLength(500),
  v.check((text) => {
    try {
      const url = new URL(text);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'an http(s) address without credentials in it'),
);

const syncAccount = v.strictObject({
  url: serverUrl,
  database: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_$()+/-]{0,237}$/, 'a CouchDB database name')),
  username: v.pipe(v.string(), v.maxLength(200)),
  password: v.pipe(v.string(), v.maxLength(1000)),
});

export const ipcArgs = {
  none: v.strictTuple([]),
  openFile: v.strictTuple([v.pipe(v.array(fileFilter), v.maxLength(20))]),
  saveFile: v.strictTuple([suggestedName, bytes]),
  saveBackup: v.strictTuple([
    bytes,
    v.strictObject({
      cards: count,
      notes: count,
      reason: v.picklist(BACKUP_REASONS),
      contentHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, '16 hex digits')),
      detail: v.optional(v.pipe(v.string(), v.maxLength(300))),
    }),
  ]),
  saveSyncAccount: v.strictTuple([v.nullable(syncAccount), v.boolean()]),
  readBackup: v.strictTuple([v.pipe(v.string(), v.regex(BACKUP_NAME_PATTERN, 'a Kioku backup file name'))]),
};
