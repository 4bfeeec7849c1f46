import type { DeckOptions } from '../../../core/scheduling/options';
import type { DeckRow, KiokuDb } from './db';
import { getCollectionOptions, getSettings, type AppSettings } from './settings';

/** The decks and the collection-wide options: what resolving any deck's options needs. */
export interface DeckSetup {
  decks: DeckRow[];
  collectionOptions: Partial<DeckOptions>;
}

/**
 * Decks, collection options and settings are small and change only through a handful of writes,
 * yet every queue, count and answer needs them first: reading them once saves a round trip that
 * every other read would wait for. Whoever writes them calls `forget()` once the write is done.
 */
export class SetupCache {
  private setupRead: Promise<DeckSetup> | null = null;
  private settingsRead: Promise<AppSettings> | null = null;

  constructor(private readonly db: KiokuDb) {}

  deckSetup(): Promise<DeckSetup> {
    if (!this.setupRead) {
      const reading = Promise.all([this.db.decks.toArray(), getCollectionOptions(this.db)]).then(([decks, collectionOptions]) => ({
        decks,
        collectionOptions,
      }));
      // A failed read is not kept: the next call tries again instead of repeating the old error.
      reading.catch(() => {
        if (this.setupRead === reading) this.setupRead = null;
      });
      this.setupRead = reading;
    }
    return this.setupRead;
  }

  settings(): Promise<AppSettings> {
    if (!this.settingsRead) {
      const reading = getSettings(this.db);
      reading.catch(() => {
        if (this.settingsRead === reading) this.settingsRead = null;
      });
      this.settingsRead = reading;
    }
    return this.settingsRead;
  }

  forget(): void {
    this.setupRead = null;
    this.settingsRead = null;
  }
}
