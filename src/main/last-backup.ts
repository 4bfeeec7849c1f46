/** Long enough to write a backup of a large collection, short enough that closing never feels stuck. */
export const LAST_BACKUP_TIMEOUT = 5000;

export interface LastBackup {
  /** Asks the page (through `ask`) for a last backup; resolves when it answers or the time is up. */
  request(ask: () => void): Promise<void>;
  /** The page's answer. */
  ready(): void;
}

export function lastBackup(timeoutMs = LAST_BACKUP_TIMEOUT): LastBackup {
  let finish: (() => void) | null = null;
  return {
    request(ask) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done(): void {
          clearTimeout(timer);
          finish = null;
          resolve();
        }
        finish = done;
        try {
          ask();
        } catch {
          done();
        }
      });
    },
    ready() {
      finish?.();
    },
  };
}
