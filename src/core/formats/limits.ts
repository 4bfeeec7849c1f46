/**
 * Hard limits that keep a hostile or broken file from exhausting memory.
 * They are far above anything a real deck needs.
 */

/** Longest field accepted, in characters (UTF-16 code units): 1 MiB. */
export const MAX_FIELD_CHARS = 1024 * 1024;

/** Total uncompressed size of all entries read from one archive: 512 MiB. */
export const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;

/** Most entries accepted in one archive. */
export const MAX_ZIP_ENTRIES = 200_000;
