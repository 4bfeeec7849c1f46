import 'fake-indexeddb/auto';

/**
 * How a full disk shows itself in IndexedDB. Browsers refuse a single write that does not fit
 * (the request throws), or let every request succeed and then fail the commit, aborting the
 * whole transaction with QuotaExceededError (Chromium's usual way).
 */
export type FullDisk = { kind: 'write refused'; afterWrites: number } | { kind: 'commit refused' };

interface FakeTransaction extends IDBTransaction {
  _abort(errorName: string | null): void;
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/**
 * Makes the fake IndexedDB behave as on a full disk until the returned function is called.
 * Also counts the writes seen, so a test can first measure how many writes an action makes.
 */
export function fillDisk(disk: FullDisk | null): { writes: () => number; free: () => void } {
  const store = IDBObjectStore.prototype;
  const transaction = IDBTransaction.prototype as FakeTransaction;
  const { put, add } = store;
  const { dispatchEvent } = transaction;
  const written = new WeakSet<IDBTransaction>();
  let writes = 0;
  const counted = (original: typeof put) =>
    function (this: IDBObjectStore, ...args: Parameters<typeof put>): IDBRequest<IDBValidKey> {
      if (disk?.kind === 'write refused' && writes >= disk.afterWrites) throw quotaError();
      writes++;
      written.add(this.transaction);
      return original.apply(this, args);
    };
  store.put = counted(put);
  store.add = counted(add);
  transaction.dispatchEvent = function (this: FakeTransaction, event: Event): boolean {
    if (disk?.kind === 'commit refused' && event.type === 'complete' && written.has(this)) {
      this._abort(quotaError().name);
      return false;
    }
    return dispatchEvent.call(this, event);
  };
  return {
    writes: () => writes,
    free: () => {
      store.put = put;
      store.add = add;
      transaction.dispatchEvent = dispatchEvent;
    },
  };
}
