import type { Card, CollectionData, MediaFile, Note, Rating } from '../../../core/collection/model';
import { localZone, type DayRules, type TimeZone } from '../../../core/scheduling/day';
import { preview, type AnswerOutcome } from '../../../core/scheduling/fsrs';
import type { DeckOptions } from '../../../core/scheduling/options';
import { KiokuDb } from './db';
import type { DeckNode } from './deck-tree';
import { installDecks, type InstallReport } from './install';
import { addNote, cardWithNote, deleteNote, restoreNote, updateNote, type CardWithNote, type DeletedNote, type NewNote } from './notes';
import { requestPersistence, type PersistenceState } from './persist';
import { searchCards, type CardRowView, type CardSearch } from './search';
import { resolverFor, setCollectionOptions, setDeckOptions, setSettings, type AppSettings } from './settings';
import { SetupCache } from './setup-cache';
import { readDeckTotals } from './deck-totals';
import { answer, bury, readCard, resetCard, setSuspended, undoAnswer, type Answered, type AnswerUndo } from './study';
import { toCard } from './card-row';
import { reportingStorageFull } from './storage-full';
import { createBackup, restoreBackup, type RestoreOptions, type Restored } from './transfer/backup';
import { exportCollection } from './transfer/export-collection';
import { importCollection, type ImportOptions, type ImportReport } from './transfer/import-collection';
import type { CollectionSelection } from './transfer/read-collection';
import { deckTreeWithCounts, loadTodayPools, loadTodayQueue, readTodayReviews, todayTotals, type DeckCounts, type TodayQueue, type TodayTotals } from './today';
import { StudyQueue } from './study-queue';

type UndoStep = AnswerUndo | DeletedNote;

/** The deck list's whole content. */
export interface DeckList {
  decks: DeckNode<DeckCounts>[];
  /** Every card of each deck itself, suspended and buried ones too. */
  cardsPerDeck: Map<string, number>;
  totals: TodayTotals;
}

export interface CollectionOptions {
  /** Database name; tests give each case its own. */
  name?: string;
  /** The learner's time zone; defaults to the system zone. Tests inject one to control day boundaries. */
  zone?: TimeZone;
}

/**
 * The collection API the UI calls. Every time is passed in (`now`, ms since the epoch) and the
 * time zone is injected, so the day boundaries are testable. Every write is one transaction.
 *
 * - `installDecks(data, now)` → InstallReport: built-in decks, first start or regenerated.
 * - `requestPersistence()` / `persistence`: whether the browser agreed to keep the data.
 * - `hasDecks()` → whether the collection has any deck, without counting cards.
 * - `deckTree(now)` → decks with today's new / learning / review counts.
 * - `deckList(now)` → what the deck list shows: `deckTree`, every card of each deck itself (suspended and buried ones
 *   too), and the answers given and time spent today, from one read of today's log.
 * - `todayQueue(deckId, now)` → today's cards in order, with counts.
 * - `nextCard(deckId, now)` → the card to show next with its note and note type, or null.
 * - `studyQueue(deckId, now)` → today's queue kept in memory for a study session (see StudyQueue).
 * - `withNote(card)` → a card with its note and note type, for showing it.
 * - `preview(cardId, now)` → the four answer outcomes for the buttons.
 * - `answer(cardId, rating, now, durationMs)` → stores the answer, buries siblings.
 * - `undo()` → takes back the last answer or note deletion; several steps, within this session.
 * - `bury(cardId, now)`, `suspend(cardId)`, `unsuspend(cardId)`, `resetCard(cardId, now)`.
 * - `search(query)` → cards with notes for Browse.
 * - `addNote(note, now)`, `updateNote(noteId, change, now)`, `deleteNote(noteId)` (undoable).
 * - `deckOptions(deckId)`, `setDeckOptions(deckId, options)`, `collectionOptions()`,
 *   `setCollectionOptions(options)`: per-deck and collection-wide scheduling options (incl. exam date).
 * - `settings()`, `setSettings(patch)`: language, theme, day start hour.
 * - `importData(data, options)` → ImportReport: validated data from a reader, written in one transaction.
 * - `exportData(selection)` → the chosen decks (with subdecks) as CollectionData for a writer.
 * - `createBackup(now)` → `.kioku-backup` bytes; `restoreBackup(bytes, options)` → Restored (with the pre-restore backup).
 * - `mediaFile(name)` → a stored media file, for showing cards.
 * A full disk during an answer, import or restore throws StorageFullError and changes nothing.
 * Decks, options and settings are cached; every method here that may change them forgets the cache.
 */
export class Collection {
  readonly db: KiokuDb;
  private readonly zone: TimeZone;
  private readonly undoSteps: UndoStep[] = [];
  private readonly setup: SetupCache;
  persistence: PersistenceState = 'unavailable';

  constructor(options: CollectionOptions = {}) {
    this.db = new KiokuDb(options.name);
    this.zone = options.zone ?? localZone();
    this.setup = new SetupCache(this.db);
  }

  close(): void {
    this.db.close();
  }

  private async rules(): Promise<DayRules> {
    return { zone: this.zone, dayStartHour: (await this.setup.settings()).dayStartHour };
  }

  /** Runs a write that may change decks, options or settings, then forgets the cached ones, even if it failed halfway. */
  private async changingSetup<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.setup.forget();
    }
  }

  /** Any deck's options, from the cached decks and collection defaults. */
  private async optionsResolver(): Promise<(deckId: string) => DeckOptions> {
    const { decks, collectionOptions } = await this.setup.deckSetup();
    return resolverFor(decks, collectionOptions);
  }

  async requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<PersistenceState> {
    this.persistence = await requestPersistence(storage);
    return this.persistence;
  }

  installDecks(data: CollectionData, now: number): Promise<InstallReport> {
    return this.changingSetup(() => installDecks(this.db, data, now));
  }

  async hasDecks(): Promise<boolean> {
    return (await this.setup.deckSetup()).decks.length > 0;
  }

  async deckTree(now: number): Promise<DeckNode<DeckCounts>[]> {
    return (await this.deckList(now)).decks;
  }

  async deckList(now: number): Promise<DeckList> {
    const [rules, setup] = await Promise.all([this.rules(), this.setup.deckSetup()]);
    const { db } = this;
    // One transaction: every count as of one moment, and one transaction's cost instead of dozens.
    const [decks, cardsPerDeck, reviews] = await db.transaction('r', [db.cards, db.reviews, db.deckTotals], () => {
      const todayReviews = readTodayReviews(db, now, rules);
      return Promise.all([deckTreeWithCounts(db, now, rules, setup, todayReviews), readDeckTotals(db, setup.decks), todayReviews]);
    });
    return { decks, cardsPerDeck, totals: todayTotals(reviews) };
  }

  async todayQueue(deckId: string, now: number): Promise<TodayQueue> {
    const [rules, setup] = await Promise.all([this.rules(), this.setup.deckSetup()]);
    return loadTodayQueue(this.db, deckId, now, rules, setup);
  }

  async studyQueue(deckId: string, now: number): Promise<StudyQueue> {
    const [rules, setup] = await Promise.all([this.rules(), this.setup.deckSetup()]);
    return new StudyQueue(await loadTodayPools(this.db, deckId, now, rules, setup));
  }

  withNote(card: Card): Promise<CardWithNote> {
    return cardWithNote(this.db, card);
  }

  async nextCard(deckId: string, now: number): Promise<CardWithNote | null> {
    const first = (await this.todayQueue(deckId, now)).cards[0];
    return first ? cardWithNote(this.db, first) : null;
  }

  async preview(cardId: string, now: number): Promise<AnswerOutcome[]> {
    const card = toCard(await readCard(this.db, cardId));
    const [optionsOf, rules] = await Promise.all([this.optionsResolver(), this.rules()]);
    return preview(card, now, optionsOf(card.deckId), rules);
  }

  async answer(cardId: string, rating: Rating, now: number, durationMs: number): Promise<Answered> {
    const [rules, optionsOf] = await Promise.all([this.rules(), this.optionsResolver()]);
    const answered = await reportingStorageFull({ kind: 'answer' }, () => answer(this.db, cardId, rating, now, durationMs, rules, optionsOf));
    this.undoSteps.push(answered.undo);
    return answered;
  }

  get canUndo(): boolean {
    return this.undoSteps.length > 0;
  }

  /** Takes back the latest answer or deletion; returns what was undone, or null when nothing is left. */
  async undo(): Promise<UndoStep['kind'] | null> {
    const step = this.undoSteps.at(-1);
    if (!step) return null;
    if (step.kind === 'answer') await undoAnswer(this.db, step);
    else await restoreNote(this.db, step);
    this.undoSteps.pop();
    return step.kind;
  }

  async bury(cardId: string, now: number): Promise<Card> {
    return bury(this.db, cardId, now, await this.rules());
  }

  suspend(cardId: string): Promise<Card> {
    return setSuspended(this.db, cardId, true);
  }

  unsuspend(cardId: string): Promise<Card> {
    return setSuspended(this.db, cardId, false);
  }

  resetCard(cardId: string, now: number): Promise<Card> {
    return resetCard(this.db, cardId, now);
  }

  search(query: CardSearch): Promise<CardRowView[]> {
    return searchCards(this.db, query);
  }

  addNote(note: NewNote, now: number): Promise<{ note: Note; cards: Card[] }> {
    return addNote(this.db, note, now);
  }

  updateNote(noteId: string, change: { fields?: string[]; tags?: string[] }, now: number): Promise<Note> {
    return updateNote(this.db, noteId, change, now);
  }

  async deleteNote(noteId: string): Promise<void> {
    this.undoSteps.push(await deleteNote(this.db, noteId));
  }

  /** A copy: the caller may change it without changing the cached options. */
  async deckOptions(deckId: string): Promise<DeckOptions> {
    return structuredClone((await this.optionsResolver())(deckId));
  }

  setDeckOptions(deckId: string, options: Partial<DeckOptions>): Promise<void> {
    return this.changingSetup(() => setDeckOptions(this.db, deckId, options));
  }

  /** A copy: the caller may change it without changing the cached options. */
  async collectionOptions(): Promise<Partial<DeckOptions>> {
    return structuredClone((await this.setup.deckSetup()).collectionOptions);
  }

  setCollectionOptions(options: Partial<DeckOptions>): Promise<void> {
    return this.changingSetup(() => setCollectionOptions(this.db, options));
  }

  /** A copy: the caller may change it without changing the cached settings. */
  async settings(): Promise<AppSettings> {
    return { ...(await this.setup.settings()) };
  }

  setSettings(patch: Partial<AppSettings>): Promise<AppSettings> {
    return this.changingSetup(() => setSettings(this.db, patch));
  }

  importData(data: CollectionData, options: ImportOptions): Promise<ImportReport> {
    return this.changingSetup(() => importCollection(this.db, data, options));
  }

  exportData(selection: CollectionSelection): Promise<CollectionData> {
    return exportCollection(this.db, selection);
  }

  createBackup(now: number): Promise<Uint8Array> {
    return createBackup(this.db, now);
  }

  /** Restoring replaces everything, so the undo steps of this session no longer apply. */
  async restoreBackup(bytes: Uint8Array, options: RestoreOptions): Promise<Restored> {
    const restored = await this.changingSetup(() => restoreBackup(this.db, bytes, options));
    this.undoSteps.length = 0;
    return restored;
  }

  mediaFile(name: string): Promise<MediaFile | undefined> {
    return this.db.media.get(name);
  }
}
