import { collectionLevelOptions, type ExamOptions, type Preset } from '../../../core/presets/presets';
import type { DeckOptions } from '../../../core/scheduling/options';
import type { DeckRow, KiokuDb } from './db';
import { getCollectionExam, getPresets, getSettings, type AppSettings } from './settings';

/** The decks, presets and the collection's exam: what resolving any deck's options needs. */
export interface DeckSetup {
  decks: DeckRow[];
  presets: Preset[];
  collectionExam: Partial<ExamOptions>;
  /** The Default preset's options with the collection's exam: what the collection as a whole uses. */
  collectionOptions: Partial<DeckOptions>;
}

export async function readDeckSetup(db: KiokuDb): Promise<DeckSetup> {
  const [decks, presets, collectionExam] = await Promise.all([db.decks.toArray(), getPresets(db), getCollectionExam(db)]);
  return { decks, presets, collectionExam, collectionOptions: collectionLevelOptions({ presets, collectionExam }) };
}

/**
 * Decks, presets and settings are small and change only through a handful of writes,
 * yet every queue, count and answer needs them first: reading them once saves a round trip that
 * every other read would wait for. Whoever writes them calls `forget()` once the write is done.
 */
export class SetupCache {
  private setupRead: Promise<DeckSetup> | null = null;
  private settingsRead: Promise<AppSettings> | null = null;

  constructor(private readonly db: KiokuDb) {}

  deckSetup(): Promise<DeckSetup> {
    if (!this.setupRead) {
      const reading = readDeckSetup(this.db);
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
