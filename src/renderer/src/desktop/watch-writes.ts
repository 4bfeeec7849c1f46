import Dexie from 'dexie';

export interface WriteWatch {
  /** Write transactions committed to the database since watching began, from this page or another. */
  writes(): number;
  stop(): void;
}

/**
 * Counts the write transactions committed to one database, from Dexie's own notice of every
 * commit (the one its live queries use). Reading this costs nothing, unlike counting rows, so
 * quitting can tell at once whether there is anything new to back up.
 */
export function watchWrites(databaseName: string): WriteWatch {
  const prefix = `idb://${databaseName}/`;
  let writes = 0;
  const listener = (parts: Record<string, unknown>): void => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) writes++;
  };
  Dexie.on('storagemutated', listener);
  return {
    writes: () => writes,
    stop: () => Dexie.on('storagemutated').unsubscribe(listener),
  };
}
