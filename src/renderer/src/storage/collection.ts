import { Rating, type Card, type CollectionData, type MediaFile, type Note, type NoteType } from '../../../core/collection/model';
import type { ExamAttempt } from '../../../core/questions/attempt';
import { listAttempts, markAttemptAgain, saveAttempt } from './attempts';
import { localZone, type DayRules, type TimeZone } from '../../../core/scheduling/day';
import { preview, type AnswerOutcome } from '../../../core/scheduling/fsrs';
import type { DeckOptions } from '../../../core/scheduling/options';
import { KiokuDb } from './db';
import { subtreeIds, type DeckNode } from './deck-tree';
import { installDecks, type InstallReport } from './install';
import { addNote, cardWithNote, deleteNote, updateNote, type CardWithNote, type NewNote } from './notes';
import { addNoteType, deleteNoteType, noteTypeUse, saveNoteType, usableNoteTypes, type NoteTypeSaved } from './note-types';
import { storeMedia } from './media';
import type { FieldEdit } from '../../../core/note-types/edit';
import { referencedMedia } from './transfer/media-refs';
import { requestPersistence, type PersistenceState } from './persist';
import { firstRowsByDue, type FirstRows } from './browse-first-rows';
import { BrowseCache, searchBrowse } from './browse-search';
import type { BrowseRow } from '../../../core/browse/columns';
import * as bulk from './bulk';
import { resolverFor, setCollectionOptions, setDeckOptions, setSettings, type AppSettings } from './settings';
import { SetupCache } from './setup-cache';
import { applyFsrsParameters, type ParametersChange } from './fsrs-parameters';
import { readDeckTotals } from './deck-totals';
import { answer, bury, readCard, resetCard, setSuspended, type Answered } from './study';
import { toCard } from './card-row';
import { reportingStorageFull } from './storage-full';
import { createBackup, packBackup, restoreBackup, type PackedBackup, type RestoreOptions, type Restored } from './transfer/backup';
import { exportCollection } from './transfer/export-collection';
import { importCollection, importCollisions, type ImportOptions, type ImportReport } from './transfer/import-collection';
import type { Collisions } from '../../../core/collection/collisions';
import type { CollectionSelection } from './transfer/read-collection';
import { countDueTomorrow, deckTreeWithCounts, loadTodayPools, loadTodayQueue, readTodayReviews, todayTotals, type DeckCounts, type TodayQueue, type TodayTotals } from './today';
import { StudyQueue } from './study-queue';
import type { UndoAction } from './undo/actions';
import { UndoStack, type UndoState, type UndoStepInfo, type UndoSubject } from './undo/undo-stack';
import { ReviewLoad } from './review-load';
import { followParentExam, setExamDate, type ExamReplan, type ExamScope } from './exam-date';
import { examHomeOf, presetOf, presetUsers, type Preset, type PresetOptions } from '../../../core/presets/presets';
import { addPreset, deletePreset, renamePreset, savePresetOptions, usePreset } from './presets';
import { createDeck, deleteDeck, deletionOf, moveDeck, renameDeck, setDeckDescription, type DeckDeletion } from './decks';
import type { DayLoad } from '../../../core/scheduling/load-balance';
import type { SyncRun } from './sync/run';
import type { LastSync } from './sync/sync-meta';
import { toggledFlag, toggledMark, type Flag } from '../../../core/cards/flags';
import { inPreviewDeck, previewDeckOutcomes, previewDelaysOf, type FilteredDeckConfig } from '../../../core/scheduling/filtered';
import type { CustomStudy } from '../../../core/scheduling/custom-study';
import { buildFilteredDeck, createFilteredDeck, customStudy, deleteFilteredDeck, emptyFilteredDeck, updateFilteredDeck, type CustomStudyResult } from './filtered-decks';

/**
 * Imports up to this many notes and media files are one undo step. A bigger one is not: every
 * row it changes would be held in memory twice, and reading what it overwrites would slow it down.
 */
export const UNDOABLE_IMPORT_ITEMS = 5000;

/** The deck list's whole content. */
export interface DeckList {
  decks: DeckNode<DeckCounts>[];
  /** Every card of each deck itself, suspended and buried ones too. */
  cardsPerDeck: Map<string, number>;
  totals: TodayTotals;
}

/** A preset with the decks that use it. */
export interface PresetWithUsers extends Preset {
  deckIds: string[];
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
 * - `todayQueue(deckId, now)` → today's cards in order, with counts; `dueTomorrow(deckId, now)` → cards due tomorrow only.
 * - `nextCard(deckId, now)` → the card to show next with its note and note type, or null.
 * - `studyQueue(deckId, now)` → today's queue kept in memory for a study session (see StudyQueue).
 * - `withNote(card)` → a card with its note and note type, for showing it; `cardWithNote(cardId)` the same by id.
 * - `preview(cardId, now)` → the four answer outcomes for the buttons.
 * - `answer(cardId, rating, now, durationMs)` → stores the answer, buries siblings.
 * - Undo and redo, one stack for the whole collection (see undo/undo-stack.ts): every method here
 *   that changes what the learner made (answers, cards, notes, decks, options, imports) is one step.
 *   `undo()` / `redo()` → the step taken back or done again (its action and card or note), or null;
 *   `undoState()` → the actions the menu names ("Undo Suspend"); `onUndoChange(listener)`.
 *   A new kind of change is made undoable by running its writes through
 *   `undoable(action, write, subject)`: every row `write` changes, through any table, is recorded
 *   (add the action's name to undo/actions.ts and its label to the i18n catalogs).
 * - `bury(cardId, now)`, `suspend(cardId)`, `unsuspend(cardId)`, `resetCard(cardId, now)`; `buryNote(cardId, now)`,
 *   `suspendNote(cardId)` (the card's whole note), `toggleFlag(cardId, flag)`, `toggleMark(noteId, now)` (Anki's keys).
 * - `browse(search, now)` → the cards a search in Anki's language finds, with notes, note types and deck names;
 *   throws SearchSyntaxError for a malformed search. `browseFirstRows(descending, limit)` → the first
 *   rows of every card by due and how many cards there are, read off an index before `browse('')`'s whole list.
 * - Bulk actions on cards, each one undoable step returning how many cards changed: `moveCards`,
 *   `changeTags`, `setSuspended`, `setBuried`, `setFlag`, `resetCards`, `setDueDate`, `repositionNew`,
 *   `deleteNotes`.
 * - `addNote(note, now, media)`, `updateNote(noteId, change, now, media)`, `deleteNote(noteId)` (undoable); pasted media
 *   files the fields name are stored in the same step.
 * - `noteTypes()`, `noteTypeUse()`, `addNoteType(type)`, `saveNoteType(type, edits, now)`, `deleteNoteType(id)` (undoable).
 * - `deckOptions(deckId)` → the options a deck is studied with: Default preset, its preset, its exam (core/presets).
 * - Presets: `presets()`, `deckSetupOf(deckId)`, `savePresetOptions`, `addPreset`, `renamePreset`, `deletePreset`,
 *   `usePreset`; each one undoable step. `setDeckOptions(deckId, options)` gives one deck a preset of its own,
 *   `collectionOptions()` / `setCollectionOptions(options)` are the Default preset with the collection's exam.
 * - Decks: `createDeck`, `renameDeck`, `moveDeck`, `setDeckDescription`, `deckDeletion`, `deleteDeck`; each undoable.
 * - Filtered decks: `createFilteredDeck`, `updateFilteredDeck`, `rebuildFilteredDeck`, `emptyFilteredDeck`, `deleteFilteredDeck`, and
 *   `customStudy(deckId, choice, sessionName, now)` (Anki's Custom Study); each one undoable step.
 * - `applyFsrsParameters(deckId, change, now)` → how many cards were rescheduled: fitted FSRS parameters on a deck,
 *   cards rescheduled on request; one undoable step.
 * - `setExam(scope, examDate, target, now)` → ExamReplan: the exam date set and the cards it concerns re-planned.
 * - `settings()`, `setSettings(patch)`: language, theme, day start hour.
 * - `importCollisions(data, options)` → Collisions: what an import would change of the learner's, for the preview.
 * - `importData(data, options)` → ImportReport: validated data from a reader, written in one transaction.
 * - `exportData(selection)` → the chosen decks (with subdecks) as CollectionData for a writer.
 * - `createBackup(now)` → `.kioku-backup` bytes; `restoreBackup(bytes, options)` → Restored (with the pre-restore backup).
 * - `mediaFile(name)` → a stored media file, for showing cards.
 * - `saveAttempt(attempt)`, `attempts()`: mock exam attempts, oldest first (their own table, not reviews).
 * - `markAgain(attemptId, cardIds, now)`: the learner's choice to answer the cards of wrong answers Again (each undoable).
 * - `sync(run)` → LastSync: exchanges changes with a CouchDB server and merges what came in (see storage/sync).
 * A full disk during an answer, import or restore throws StorageFullError and changes nothing.
 * Decks, options and settings are cached; every method here that may change them forgets the cache.
 */
export class Collection {
  readonly db: KiokuDb;
  private readonly zone: TimeZone;
  private readonly undoStack: UndoStack;
  private readonly browseCache: BrowseCache;
  private readonly setup: SetupCache;
  private readonly load: ReviewLoad;
  persistence: PersistenceState = 'unavailable';

  constructor(options: CollectionOptions = {}) {
    this.db = new KiokuDb(options.name);
    this.zone = options.zone ?? localZone();
    this.setup = new SetupCache(this.db);
    this.undoStack = new UndoStack(this.db);
    this.load = new ReviewLoad(this.db);
    this.browseCache = new BrowseCache(this.db);
  }

  close(): void {
    this.db.close();
  }

  private async rules(): Promise<DayRules> {
    return { zone: this.zone, dayStartHour: (await this.setup.settings()).dayStartHour };
  }

  /**
   * Runs a write that may change decks, options, settings or when cards are due, then forgets the
   * cached ones, even if it failed halfway. `keepLoad`: the caller updates the review load itself.
   */
  private async changingSetup<T>(write: () => Promise<T>, keepLoad = false): Promise<T> {
    try {
      return await write();
    } finally {
      this.setup.forget();
      if (!keepLoad) this.load.forget();
    }
  }

  /** Reviews due on each coming day, for the load balancer; the same numbers for a preview and the answer after it. */
  private async reviewLoad(now: number, rules: DayRules): Promise<DayLoad> {
    const { decks } = await this.setup.deckSetup();
    return this.load.ready(now, rules, decks.map((deck) => deck.id));
  }

  /** Any deck's options, from the cached decks and collection defaults. */
  private async optionsResolver(): Promise<(deckId: string) => DeckOptions> {
    return resolverFor(await this.setup.deckSetup());
  }

  async requestPersistence(storage: StorageManager | undefined = globalThis.navigator?.storage): Promise<PersistenceState> {
    this.persistence = await requestPersistence(storage);
    return this.persistence;
  }

  /** Installing the built-in decks happens at start, before the learner changed anything: nothing to undo across it. */
  async installDecks(data: CollectionData, now: number): Promise<InstallReport> {
    const report = await this.changingSetup(() => installDecks(this.db, data, now));
    this.undoStack.clear();
    return report;
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
    const [pools, load] = await Promise.all([loadTodayPools(this.db, deckId, now, rules, setup), this.reviewLoad(now, rules)]);
    return new StudyQueue(pools, load);
  }

  /** Cards of a deck (with subdecks; '' for every deck) due tomorrow and not before, new cards not counted. */
  async dueTomorrow(deckId: string, now: number): Promise<number> {
    const [rules, setup] = await Promise.all([this.rules(), this.setup.deckSetup()]);
    const deckIds = deckId === '' ? setup.decks.map((deck) => deck.id) : subtreeIds(setup.decks, deckId);
    return countDueTomorrow(this.db, deckIds, now, rules);
  }

  withNote(card: Card): Promise<CardWithNote> {
    return cardWithNote(this.db, card);
  }

  /** A card by id with its note and note type, or null when there is no such card. */
  async cardWithNote(cardId: string): Promise<CardWithNote | null> {
    const row = await this.db.cards.get(cardId);
    return row ? cardWithNote(this.db, toCard(row)) : null;
  }

  async nextCard(deckId: string, now: number): Promise<CardWithNote | null> {
    const first = (await this.todayQueue(deckId, now)).cards[0];
    return first ? cardWithNote(this.db, first) : null;
  }

  async preview(cardId: string, now: number): Promise<AnswerOutcome[]> {
    const card = toCard(await readCard(this.db, cardId));
    const deck = card.homeDeckId === undefined ? undefined : await this.db.decks.get(card.deckId);
    if (deck?.filtered && inPreviewDeck(card, deck)) return previewDeckOutcomes(card, now, previewDelaysOf(deck.filtered));
    const [optionsOf, rules] = await Promise.all([this.optionsResolver(), this.rules()]);
    return preview(card, now, optionsOf(card.homeDeckId ?? card.deckId), rules, await this.reviewLoad(now, rules));
  }

  async answer(cardId: string, rating: Rating, now: number, durationMs: number): Promise<Answered> {
    const [rules, optionsOf] = await Promise.all([this.rules(), this.optionsResolver()]);
    const load = await this.reviewLoad(now, rules);
    const answered = await reportingStorageFull({ kind: 'answer' }, () =>
      this.undoable('answer', () => answer(this.db, cardId, rating, now, durationMs, rules, optionsOf, load), { cardId }),
    );
    this.load.moved({ state: answered.review.stateBefore, suspended: false, due: answered.review.dueBefore }, answered.card, rules);
    return answered;
  }

  /**
   * Runs `write` as one undoable step named `action`, in one transaction over every table: it
   * commits whole or not at all, and once committed undo puts back every row it changed. `subject`
   * is what the step was done to, handed back by `undo()` / `redo()` so a screen can show it.
   */
  undoable<T>(action: UndoAction, write: () => Promise<T>, subject?: UndoSubject): Promise<T> {
    // An answer moves one card, which the review load follows itself instead of reading again.
    return this.changingSetup(() => this.undoStack.run(action, write, subject), action === 'answer');
  }

  get canUndo(): boolean {
    return this.undoStack.state().undo !== null;
  }

  undoState(): UndoState {
    return this.undoStack.state();
  }

  /** Calls `listener` whenever what can be undone or redone changes; returns how to stop listening. */
  onUndoChange(listener: (state: UndoState) => void): () => void {
    return this.undoStack.subscribe(listener);
  }

  /** Takes back the newest step; returns it, or null when there is nothing to undo. */
  undo(): Promise<UndoStepInfo | null> {
    return this.changingSetup(() => this.undoStack.undo());
  }

  /** Does the newest undone step again; returns it, or null when there is nothing to redo. */
  redo(): Promise<UndoStepInfo | null> {
    return this.changingSetup(() => this.undoStack.redo());
  }

  async bury(cardId: string, now: number): Promise<Card> {
    const rules = await this.rules();
    return this.undoable('bury', () => bury(this.db, cardId, now, rules), { cardId });
  }

  suspend(cardId: string): Promise<Card> {
    return this.undoable('suspend', () => setSuspended(this.db, cardId, true), { cardId });
  }

  unsuspend(cardId: string): Promise<Card> {
    return this.undoable('unsuspend', () => setSuspended(this.db, cardId, false), { cardId });
  }

  /** Anki's `=`: every card of the card's note hidden until tomorrow, as one step. */
  async buryNote(cardId: string, now: number): Promise<number> {
    const rules = await this.rules();
    return this.undoable('buryNote', async () => bulk.setBuried(this.db, await this.siblingIds(cardId), true, now, rules), { cardId });
  }

  /** Anki's `!`: every card of the card's note suspended, as one step. */
  suspendNote(cardId: string): Promise<number> {
    return this.undoable('suspendNote', async () => bulk.setSuspended(this.db, await this.siblingIds(cardId), true), { cardId });
  }

  /** Ctrl+1–7 in Study: the flag set, or taken off when the card already has it (as Anki does); returns the card's flag. */
  toggleFlag(cardId: string, flag: Flag): Promise<Flag> {
    return this.undoable(
      'flag',
      async () => {
        const next = toggledFlag((await readCard(this.db, cardId)).flag, flag);
        await bulk.setFlag(this.db, [cardId], next);
        return next;
      },
      { cardId },
    );
  }

  /** Anki's `*`: the note gets the `marked` tag, or loses it; returns the note as it now is. */
  toggleMark(noteId: string, now: number): Promise<Note> {
    return this.undoable(
      'mark',
      async () => {
        const note = await this.db.notes.get(noteId);
        if (!note) throw new Error(`Marking a note: no note with id ${noteId}`);
        return updateNote(this.db, noteId, { tags: toggledMark(note.tags) }, now);
      },
      { noteId },
    );
  }

  private async siblingIds(cardId: string): Promise<string[]> {
    const card = await readCard(this.db, cardId);
    return this.db.cards.where('noteId').equals(card.noteId).primaryKeys();
  }

  resetCard(cardId: string, now: number): Promise<Card> {
    return this.undoable('resetCard', () => resetCard(this.db, cardId, now), { cardId });
  }

  async browse(search: string, now: number): Promise<BrowseRow[]> {
    return searchBrowse(this.browseCache, search, now, await this.rules());
  }

  browseFirstRows(descending: boolean, limit: number): Promise<FirstRows> {
    return firstRowsByDue(this.db, descending, limit);
  }

  moveCards(cardIds: readonly string[], deckId: string): Promise<number> {
    return this.undoable('moveCards', () => bulk.moveCards(this.db, cardIds, deckId));
  }

  changeTags(cardIds: readonly string[], tags: readonly string[], add: boolean, now: number): Promise<number> {
    return this.undoable(add ? 'addTags' : 'removeTags', () => bulk.changeTags(this.db, cardIds, tags, add, now));
  }

  setSuspended(cardIds: readonly string[], suspended: boolean): Promise<number> {
    return this.undoable(suspended ? 'suspend' : 'unsuspend', () => bulk.setSuspended(this.db, cardIds, suspended));
  }

  async setBuried(cardIds: readonly string[], buried: boolean, now: number): Promise<number> {
    const rules = await this.rules();
    return this.undoable(buried ? 'bury' : 'unbury', () => bulk.setBuried(this.db, cardIds, buried, now, rules));
  }

  setFlag(cardIds: readonly string[], flag: number): Promise<number> {
    return this.undoable('flag', () => bulk.setFlag(this.db, cardIds, flag));
  }

  resetCards(cardIds: readonly string[], now: number): Promise<number> {
    return this.undoable('resetCard', () => bulk.resetCards(this.db, cardIds, now));
  }

  async setDueDate(cardIds: readonly string[], days: string, now: number): Promise<number> {
    const rules = await this.rules();
    return this.undoable('setDueDate', () => bulk.setDueDate(this.db, cardIds, days, now, rules));
  }

  repositionNew(cardIds: readonly string[], where: 'start' | 'end'): Promise<number> {
    return this.undoable('reposition', () => bulk.repositionNew(this.db, cardIds, where));
  }

  deleteNotes(cardIds: readonly string[]): Promise<number> {
    return this.undoable('deleteNote', () => bulk.deleteNotes(this.db, cardIds));
  }

  /** `media`: files pasted into the editor; those the fields still name are stored with the note, in the same step. */
  addNote(note: NewNote, now: number, media: readonly MediaFile[] = []): Promise<{ note: Note; cards: Card[] }> {
    return this.undoable('addNote', async () => {
      await this.storeNamedMedia(note.fields, media);
      return addNote(this.db, note, now);
    });
  }

  updateNote(noteId: string, change: { fields?: string[]; tags?: string[] }, now: number, media: readonly MediaFile[] = []): Promise<Note> {
    return this.undoable(
      'editNote',
      async () => {
        await this.storeNamedMedia(change.fields ?? [], media);
        return updateNote(this.db, noteId, change, now);
      },
      { noteId },
    );
  }

  private async storeNamedMedia(fields: readonly string[], media: readonly MediaFile[]): Promise<void> {
    if (media.length === 0) return;
    const named = referencedMedia([{ id: '', noteTypeId: '', deckId: '', fields: [...fields], tags: [], modified: 0 }], []);
    for (const file of media) if (named.has(file.name)) await storeMedia(this.db, file);
  }

  /** Every note type a new note can use, built-in ones included even before a note uses them. */
  noteTypes(): Promise<NoteType[]> {
    return usableNoteTypes(this.db);
  }

  /** How many notes use each note type (by id). */
  noteTypeUse(): Promise<Map<string, number>> {
    return noteTypeUse(this.db);
  }

  addNoteType(type: NoteType): Promise<void> {
    return this.undoable('addNoteType', () => addNoteType(this.db, type));
  }

  /** Saves a changed note type; its notes' values follow `edits`, cards follow the templates (see storage/note-types.ts). */
  saveNoteType(type: NoteType, edits: readonly FieldEdit[], now: number): Promise<NoteTypeSaved> {
    return this.undoable('editNoteType', () => saveNoteType(this.db, type, edits, now));
  }

  deleteNoteType(id: string): Promise<void> {
    return this.undoable('deleteNoteType', () => deleteNoteType(this.db, id));
  }

  deleteNote(noteId: string): Promise<void> {
    return this.undoable('deleteNote', () => deleteNote(this.db, noteId), { noteId });
  }

  /** A copy: the caller may change it without changing the cached options. */
  async deckOptions(deckId: string): Promise<DeckOptions> {
    return structuredClone((await this.optionsResolver())(deckId));
  }

  setDeckOptions(deckId: string, options: Partial<DeckOptions>): Promise<void> {
    return this.undoable('deckOptions', () => setDeckOptions(this.db, deckId, options));
  }

  /** A copy: the caller may change it without changing the cached options. */
  async collectionOptions(): Promise<Partial<DeckOptions>> {
    return structuredClone((await this.setup.deckSetup()).collectionOptions);
  }

  /**
   * Sets, moves or removes (null) the exam date and target of the whole collection ('') or a deck,
   * and re-plans the review cards whose exam that changes, in one undoable step.
   */
  async setExam(scope: ExamScope, examDate: string | null, examTarget: number, now: number): Promise<ExamReplan> {
    const rules = await this.rules();
    return this.undoable(scope === '' ? 'collectionOptions' : 'deckOptions', () => setExamDate(this.db, scope, examDate, examTarget, now, rules));
  }

  setCollectionOptions(options: Partial<DeckOptions>): Promise<void> {
    return this.undoable('collectionOptions', () => setCollectionOptions(this.db, options));
  }

  /** Every preset with the decks using it (by their own choice or a parent's); a copy. */
  async presets(): Promise<PresetWithUsers[]> {
    const setup = await this.setup.deckSetup();
    const users = presetUsers(setup);
    return structuredClone(setup.presets).map((preset) => ({ ...preset, deckIds: users.get(preset.id) ?? [] }));
  }

  /** The preset a deck uses, and where its exam lives ('' for the collection, or a deck id). */
  async deckSetupOf(deckId: string): Promise<{ presetId: string; ownPreset: boolean; examHome: string }> {
    const setup = await this.setup.deckSetup();
    const deck = setup.decks.find((row) => row.id === deckId);
    const presetId = presetOf(setup, deckId).id;
    return { presetId, ownPreset: deck?.presetId === presetId, examHome: examHomeOf(setup.decks, deckId) };
  }

  savePresetOptions(presetId: string, options: PresetOptions): Promise<void> {
    return this.undoable('presetOptions', () => savePresetOptions(this.db, presetId, options));
  }

  addPreset(name: string, copyOf: string, deckId: string | null, now: number): Promise<string> {
    return this.undoable('addPreset', () => addPreset(this.db, name, copyOf, deckId, now));
  }

  renamePreset(presetId: string, name: string): Promise<void> {
    return this.undoable('renamePreset', () => renamePreset(this.db, presetId, name));
  }

  deletePreset(presetId: string): Promise<void> {
    return this.undoable('deletePreset', () => deletePreset(this.db, presetId));
  }

  usePreset(deckId: string, presetId: string): Promise<void> {
    return this.undoable('usePreset', () => usePreset(this.db, deckId, presetId));
  }

  /** The deck stops having an exam of its own and follows its parent's (or the collection's), cards re-planned. */
  async followParentExam(deckId: string, now: number): Promise<ExamReplan> {
    const rules = await this.rules();
    return this.undoable('deckOptions', () => followParentExam(this.db, deckId, now, rules));
  }

  /** Creates a deck (and missing parents of a `::` path); an existing name gives that deck. Returns its id. */
  createDeck(name: string, now: number): Promise<string> {
    return this.undoable('addDeck', () => createDeck(this.db, name, now));
  }

  renameDeck(deckId: string, name: string, now: number): Promise<void> {
    return this.undoable('renameDeck', () => renameDeck(this.db, deckId, name, now));
  }

  /** Under another deck, or to the top level with ''. */
  moveDeck(deckId: string, parentId: string, now: number): Promise<void> {
    return this.undoable('moveDeck', () => moveDeck(this.db, deckId, parentId, now));
  }

  setDeckDescription(deckId: string, description: string): Promise<void> {
    return this.undoable('deckDescription', () => setDeckDescription(this.db, deckId, description));
  }

  /** How many decks and cards deleting the deck would take, for the question before it. */
  deckDeletion(deckId: string): Promise<DeckDeletion> {
    return deletionOf(this.db, deckId);
  }

  /** Deletes the deck, its subdecks and their cards as one undoable step (the caller saves a backup first). */
  deleteDeck(deckId: string): Promise<DeckDeletion> {
    return this.undoable('deleteDeck', () => deleteDeck(this.db, deckId));
  }

  async applyFsrsParameters(deckId: string, change: ParametersChange, now: number): Promise<number> {
    const rules = await this.rules();
    return this.undoable('fsrsParameters', () => applyFsrsParameters(this.db, deckId, change, rules, now));
  }

  /** The rules that decide where the learner's days begin, for work done away from this object (the optimiser's worker, Anki packages' due days). */
  dayRules(): Promise<DayRules> {
    return this.rules();
  }

  /** A copy: the caller may change it without changing the cached settings. */
  async settings(): Promise<AppSettings> {
    return { ...(await this.setup.settings()) };
  }

  setSettings(patch: Partial<AppSettings>): Promise<AppSettings> {
    return this.changingSetup(() => setSettings(this.db, patch));
  }

  /** What importing `data` would change of the learner's notes, note types, decks and media; nothing is written. */
  importCollisions(data: CollectionData, options: Pick<ImportOptions, 'fileName' | 'now' | 'withScheduling'>): Promise<Collisions> {
    return importCollisions(this.db, data, options);
  }

  /** One undo step when it holds up to UNDOABLE_IMPORT_ITEMS notes and media files; a bigger one clears the stack. */
  async importData(data: CollectionData, options: ImportOptions): Promise<ImportReport> {
    if (data.notes.length + (data.media?.length ?? 0) <= UNDOABLE_IMPORT_ITEMS) {
      // The step's own transaction commits last, so a full disk at commit is reported here too.
      return reportingStorageFull({ kind: 'import', fileName: options.fileName }, () =>
        this.undoable('import', () => importCollection(this.db, data, options)),
      );
    }
    const report = await this.changingSetup(() => importCollection(this.db, data, options));
    this.undoStack.clear();
    return report;
  }

  exportData(selection: CollectionSelection): Promise<CollectionData> {
    return exportCollection(this.db, selection);
  }

  createBackup(now: number): Promise<Uint8Array> {
    return createBackup(this.db, now);
  }

  packBackup(now: number): Promise<PackedBackup> {
    return packBackup(this.db, now);
  }

  /** Restoring replaces everything, so the undo steps of this session no longer apply. */
  async restoreBackup(bytes: Uint8Array, options: RestoreOptions): Promise<Restored> {
    const restored = await this.changingSetup(() => restoreBackup(this.db, bytes, options));
    this.undoStack.clear();
    return restored;
  }

  mediaFile(name: string): Promise<MediaFile | undefined> {
    return this.db.media.get(name);
  }

  saveAttempt(attempt: ExamAttempt): Promise<void> {
    return reportingStorageFull({ kind: 'answer' }, () => saveAttempt(this.db, attempt));
  }

  attempts(): Promise<ExamAttempt[]> {
    return listAttempts(this.db);
  }

  /**
   * Answers each card Again, as reviews the learner chose to give, and notes it on the attempt:
   * one undoable step. Cards deleted since the attempt are passed over; returns how many were marked.
   */
  async markAgain(attemptId: string, cardIds: readonly string[], now: number): Promise<number> {
    const [rules, optionsOf] = await Promise.all([this.rules(), this.optionsResolver()]);
    return reportingStorageFull({ kind: 'answer' }, () =>
      this.undoable('markAgain', async () => {
        const present = (await this.db.cards.bulkGet([...cardIds])).filter((row) => row !== undefined);
        for (const row of present) await answer(this.db, row.id, Rating.Again, now, 0, rules, optionsOf);
        await markAttemptAgain(this.db, attemptId);
        return present.length;
      }),
    );
  }

  /** A filtered deck built from `config.search` at once; returns its id and how many cards it took. */
  async createFilteredDeck(name: string, config: FilteredDeckConfig, now: number): Promise<{ deckId: string; cards: number }> {
    const [rules, optionsOf] = await Promise.all([this.rules(), this.optionsResolver()]);
    return this.undoable('filteredDeck', () => createFilteredDeck(this.db, this.browseCache, name, config, now, rules, optionsOf));
  }

  /** Anki's Rebuild: the filtered deck's cards go home and its search fills it again; returns how many it holds. */
  async rebuildFilteredDeck(deckId: string, now: number): Promise<number> {
    const [rules, optionsOf] = await Promise.all([this.rules(), this.optionsResolver()]);
    return this.undoable('filteredDeck', () => buildFilteredDeck(this.db, this.browseCache, deckId, now, rules, optionsOf));
  }

  /** The filtered deck's Options changed and the deck rebuilt with them, as one undoable step; returns how many cards it holds. */
  async updateFilteredDeck(deckId: string, name: string, config: FilteredDeckConfig, now: number): Promise<number> {
    const [rules, optionsOf] = await Promise.all([this.rules(), this.optionsResolver()]);
    return this.undoable('filteredDeck', () => updateFilteredDeck(this.db, this.browseCache, deckId, name, config, now, rules, optionsOf));
  }

  /** Anki's Empty: every card of the filtered deck goes back to its home deck; returns how many went. */
  emptyFilteredDeck(deckId: string): Promise<number> {
    return this.undoable('filteredDeck', () => emptyFilteredDeck(this.db, deckId));
  }

  deleteFilteredDeck(deckId: string): Promise<number> {
    return this.undoable('filteredDeck', () => deleteFilteredDeck(this.db, deckId));
  }

  /** Anki's Custom Study on a deck; `sessionName` names the custom study deck in the learner's language. */
  async customStudy(deckId: string, choice: CustomStudy, sessionName: string, now: number): Promise<CustomStudyResult> {
    const [rules, optionsOf] = await Promise.all([this.rules(), this.optionsResolver()]);
    return this.undoable('customStudy', () => customStudy(this.db, this.browseCache, deckId, choice, sessionName, now, rules, optionsOf));
  }

  /** Decks and options may arrive, so the cached ones are forgotten afterwards; an answer undone after a sync stays undone. */
  sync(run: Omit<SyncRun, 'db' | 'zone'>): Promise<LastSync> {
    // Loaded with the first sync: PouchDB and the merge would otherwise be parsed on every start.
    return this.changingSetup(async () => (await import('./sync/run')).syncOnce({ ...run, db: this.db, zone: this.zone }));
  }
}
