import type { Page } from 'playwright-core';

/** Runs one request on a table of the app's IndexedDB in the page: a check independent of the UI. */
function onStore<T>(page: Page, store: string, request: 'getAll' | 'count'): Promise<T> {
  return page.evaluate(
    ({ name, kind }) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('kioku');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const table = open.result.transaction(name, 'readonly').objectStore(name);
          const asked = kind === 'count' ? table.count() : table.getAll();
          asked.onsuccess = () => {
            resolve(asked.result as T);
            open.result.close();
          };
          asked.onerror = () => reject(asked.error);
        };
      }),
    { name: store, kind: request },
  );
}

/** Every row of one of the app's tables. */
export function readStore<T>(page: Page, store: string): Promise<T[]> {
  return onStore<T[]>(page, store, 'getAll');
}

/** How many rows one of the app's tables holds. */
export function countStore(page: Page, store: string): Promise<number> {
  return onStore<number>(page, store, 'count');
}
