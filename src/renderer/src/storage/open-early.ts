import { DATABASE_NAME } from './database-name';

/** Long enough for the app's own connection to open; closing sooner would let the files close again. */
const HELD_FOR_MS = 10_000;

/**
 * Opens the collection's database before the app's code has loaded. On a large collection the
 * first open of its files takes about 100 ms; started here, it runs while the code is fetched
 * and compiled, and the app's own connection (Dexie's) opens at once. It never creates or
 * upgrades anything: a database that does not exist yet is left to Dexie, and a newer app that
 * needs to upgrade gets this connection closed at once.
 */
export function openDatabaseEarly(factory: IDBFactory | undefined = globalThis.indexedDB): void {
  if (!factory) return;
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(DATABASE_NAME);
  } catch {
    return;
  }
  request.onupgradeneeded = () => request.transaction?.abort();
  request.onerror = (event) => event.preventDefault();
  request.onsuccess = () => {
    const connection = request.result;
    connection.onversionchange = () => connection.close();
    setTimeout(() => connection.close(), HELD_FOR_MS);
  };
}
