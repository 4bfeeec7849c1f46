import { sortFieldOf } from '../../note-types/sort-field';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { newCardsFor } from '../../cards/new-cards';
import type { Card, CollectionData, Deck, Note, NoteType } from '../../collection/model';
import { DEFAULT_DECK_OPTIONS } from '../../scheduling/options';
import { ImportError, throwIfAborted } from '../errors';
import { checkMediaName } from '../media-name';
import { progressReporter, type ProgressOptions } from '../progress';
import { fieldChecksum, stripHtmlKeepingMedia } from './checksum';
import { ankiIdOf } from './anki-ids';
import { legacyConfigFsrs } from './deck-config';
import { allocateAnkiIds } from './id-allocation';
import { exportModel } from './note-type-extra';
import { DEFAULT_CSS, defaultDeckConfig, LATEX_POST, LATEX_PRE, LEGACY_SCHEMA_SQL, LEGACY_SCHEMA_VERSION } from './legacy-schema';
import { ankiFilteredSchedule, ankiRevlog, ankiSchedule, collectionCreated, UTC_DAYS } from './scheduling-out';
import { FILTERED_ORDERS, filteredTerms, previewDelaysOf, type FilteredDeckConfig } from '../../scheduling/filtered';
import { zoneOffsetMs, type DayRules } from '../../scheduling/day';
import { loadSqlJs, type SqlJsLoader } from './sqlite';

export interface ApkgWriteOptions extends ProgressOptions {
  /** Include card states and the review log; without it every card arrives in Anki as new. */
  withScheduling: boolean;
  sqlJs?: SqlJsLoader;
  /** Export time, used for modification times and fresh ids; defaults to now. */
  now?: number;
  /** The learner's days (zone, hour the day starts), on which Anki's due days are counted; UTC midnights without them. */
  dayRules?: DayRules;
}

const DEFAULT_DECK = 1;
const EXPORT_NAME = 'export.apkg';

/** Writes a legacy-schema Anki package (collection.anki2 + media), which every Anki version imports. */
export async function writeApkg(data: CollectionData, options: ApkgWriteOptions): Promise<Uint8Array> {
  throwIfAborted(options.signal, EXPORT_NAME);
  const now = options.now ?? Date.now();
  const seconds = Math.floor(now / 1000);
  const SQL = await loadSqlJs(options.sqlJs);
  const db = new SQL.Database();
  try {
    db.run(LEGACY_SCHEMA_SQL);
    // Anki's Default deck (id 1) that came from Anki goes back as id 1; otherwise id 1 stays Anki's own Default.
    const hasDefault = data.decks.some((deck) => ankiIdOf(deck.id, 'deck') === DEFAULT_DECK);
    const deckIds = allocateAnkiIds(data.decks, 'deck', now, hasDefault ? [] : [DEFAULT_DECK]);
    const typeIds = allocateAnkiIds(data.noteTypes, 'notetype', now);
    const noteIds = allocateAnkiIds(data.notes, 'note', now);
    const types = new Map(data.noteTypes.map((type) => [type.id, type]));
    const cards = exportedCards(data, types, options.withScheduling, now);
    const cardIds = allocateAnkiIds(cards, null, now);
    const rules = options.dayRules ?? UTC_DAYS;
    const createdAt = collectionCreated(options.withScheduling ? cards : [], now, rules);
    const lookup = <T>(map: Map<string, T>, id: string, what: string): T => {
      const value = map.get(id);
      if (value === undefined) throw new ImportError(EXPORT_NAME, what, `refers to ${id}, which is not being exported`);
      return value;
    };

    const total = data.notes.length + cards.length;
    const progress = progressReporter(options, EXPORT_NAME, total);
    let done = 0;
    db.run('begin');
    const insertNote = db.prepare('insert into notes values (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
    for (const note of data.notes) {
      const type = lookup(types, note.noteTypeId, `note ${note.id}`);
      const first = note.fields[0] ?? '';
      const separator = note.fields.findIndex((field) => field.includes('\u001f'));
      if (separator >= 0) {
        // Anki joins fields with U+001F, so one inside a field would split it and break the note in Anki and Kioku alike.
        throw new ImportError(EXPORT_NAME, `note ${note.id}, field "${type.fields[separator] ?? separator + 1}"`, 'contains the invisible character U+001F, which Anki uses between fields; remove it from the field and export again');
      }
      const sortField = note.fields[sortFieldOf(type)] ?? first;
      insertNote.run([
        lookup(noteIds, note.id, 'notes'),
        note.guid ?? note.id,
        lookup(typeIds, type.id, `note ${note.id}`),
        // A note that never carried a clock time (one the deck generator made) counts as changed now,
        // so Anki, which only takes a note whose mod is newer than its own, updates it on re-import.
        Math.floor((note.modified > 0 ? note.modified : now) / 1000),
        note.tags.length > 0 ? ` ${note.tags.join(' ')} ` : '',
        note.fields.join('\u001f'),
        stripHtmlKeepingMedia(sortField),
        fieldChecksum(first),
        '',
      ]);
      progress.tick(++done);
    }
    insertNote.free();

    const insertCard = db.prepare('insert into cards values (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const decksById = new Map(data.decks.map((deck) => [deck.id, deck]));
    cards.forEach((card, position) => {
      const filtered = card.homeDeckId === undefined ? undefined : decksById.get(card.deckId)?.filtered;
      const anki = filtered ? ankiFilteredSchedule(card, filtered.reschedule, position + 1, createdAt, rules, now) : { ...ankiSchedule(card, position + 1, createdAt, rules, now), odue: 0 };
      insertCard.run([
        lookup(cardIds, card.id, 'cards'),
        lookup(noteIds, card.noteId, `card ${card.id}`),
        lookup(deckIds, card.deckId, `card ${card.id}`),
        card.template,
        seconds,
        anki.type,
        anki.queue,
        anki.due,
        anki.ivl,
        anki.factor,
        anki.reps,
        anki.lapses,
        anki.left,
        anki.odue,
        filtered ? lookup(deckIds, card.homeDeckId!, `card ${card.id}`) : 0,
        anki.flags,
        anki.data,
      ]);
      progress.tick(++done);
    });
    insertCard.free();

    if (options.withScheduling) {
      const insertReview = db.prepare('insert into revlog values (?, ?, -1, ?, ?, ?, ?, ?, ?)');
      const usedTimes = new Set<number>();
      // Anki keys the review log by time in milliseconds, so two entries in the same millisecond are nudged apart.
      const unique = (time: number) => {
        let id = time;
        while (usedTimes.has(id)) id++;
        usedTimes.add(id);
        return id;
      };
      const lastInterval = new Map<string, number>();
      for (const review of data.reviews ?? []) {
        const entry = ankiRevlog(review);
        const lastIvl = review.anki?.lastIvl ?? lastInterval.get(review.cardId) ?? 0;
        const factor = review.anki?.factor ?? (entry.ivl > 0 ? 2500 : 0);
        insertReview.run([unique(review.time), lookup(cardIds, review.cardId, `review ${review.id}`), entry.ease, entry.ivl, lastIvl, factor, review.durationMs, entry.type]);
        lastInterval.set(review.cardId, entry.ivl);
      }
      // Entries that are not answers (set due date, reset, reschedule) came along with their card.
      for (const card of cards) {
        for (const row of card.anki?.revlog ?? []) {
          insertReview.run([unique(row.id), lookup(cardIds, card.id, `card ${card.id}`), row.ease, row.ivl, row.lastIvl, row.factor, row.time, row.type]);
        }
      }
      insertReview.free();
    }

    const models = Object.fromEntries(
      data.noteTypes.map((type) => {
        const id = typeIds.get(type.id)!;
        return [String(id), exportModel(type, id, seconds, () => ankiModel(type, id, seconds))];
      }),
    );
    const presets = ankiPresets(data.decks.filter((deck) => !deck.filtered), seconds);
    const decks: Record<string, object> = hasDefault ? {} : { [DEFAULT_DECK]: ankiDeck(DEFAULT_DECK, 'Default', '', seconds, DEFAULT_PRESET) };
    for (const deck of data.decks) {
      const id = deckIds.get(deck.id)!;
      decks[String(id)] = deck.filtered ? ankiFilteredDeck(id, deck.name, deck.filtered, seconds) : ankiDeck(id, deck.name, deck.description ?? '', seconds, presets.idOf(deck));
    }
    const firstDeck = deckIds.get(data.decks[0]?.id ?? '') ?? DEFAULT_DECK;
    // schedVer 2 and sched2021 say the review log and card states are v2/v3 ones: without them Anki
    // takes the file for a v1 collection and upgrades it, raising learning answers by one button.
    // creationOffset/localOffset (minutes west of UTC) and rollover make Anki count days as the learner does.
    const minutesWest = (at: number) => -Math.round(zoneOffsetMs(rules.zone, at) / 60_000);
    const conf = { schedVer: 2, sched2021: true, rollover: rules.dayStartHour, creationOffset: minutesWest(createdAt), localOffset: minutesWest(now), nextPos: cards.length + 1, estTimes: true, activeDecks: [firstDeck], sortType: 'noteFld', timeLim: 0, sortBackwards: false, addToCur: true, curDeck: firstDeck, newSpread: 0, dueCounts: true, curModel: typeIds.get(data.noteTypes[0]?.id ?? '') ?? null, collapseTime: 1200 };
    db.run('insert into col values (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?)', [
      Math.floor(createdAt / 1000),
      now,
      now,
      LEGACY_SCHEMA_VERSION,
      JSON.stringify(conf),
      JSON.stringify(models),
      JSON.stringify(decks),
      JSON.stringify(presets.dconf),
      '{}',
    ]);
    db.run('commit');
    throwIfAborted(options.signal, EXPORT_NAME);

    const files: Zippable = { 'collection.anki2': db.export() };
    const mediaMap: Record<string, string> = {};
    (data.media ?? []).forEach((file, index) => {
      checkMediaName(file.name, EXPORT_NAME, `media file ${index + 1}`);
      mediaMap[String(index)] = file.name;
      files[String(index)] = [file.data, { level: 0 }];
    });
    files.media = strToU8(JSON.stringify(mediaMap));
    return zipSync(files, { level: 6 });
  } finally {
    db.close();
  }
}

/** With scheduling, the learner's cards go as they are; a note with no card would be deleted by Anki, so it gets new ones. */
function exportedCards(data: CollectionData, types: Map<string, NoteType>, withScheduling: boolean, now: number): Card[] {
  if (!withScheduling || !data.cards) return newCards(data.notes, types, now);
  const withCards = new Set(data.cards.map((card) => card.noteId));
  return [...data.cards, ...newCards(data.notes.filter((note) => !withCards.has(note.id)), types, now)];
}

function newCards(notes: Note[], types: Map<string, NoteType>, now: number): Card[] {
  return notes.flatMap((note) => {
    const type = types.get(note.noteTypeId);
    return type ? newCardsFor(type, note, now) : [];
  });
}

function ankiModel(type: NoteType, id: number, modified: number) {
  const fieldIndex = new Map(type.fields.map((name, i) => [name, i]));
  return {
    id,
    name: type.name,
    type: type.kind === 'cloze' ? 1 : 0,
    mod: modified,
    usn: -1,
    sortf: sortFieldOf(type),
    did: DEFAULT_DECK,
    flds: type.fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })),
    tmpls: type.templates.map((template, ord) => ({ name: template.name, ord, qfmt: template.front, afmt: template.back, did: null, bqfmt: '', bafmt: '' })),
    css: type.css ?? DEFAULT_CSS,
    latexPre: LATEX_PRE,
    latexPost: LATEX_POST,
    latexsvg: false,
    // Anki before 2.1.28 needs `req` to know which fields make a card; it lists the fields each front uses.
    req: type.templates.map((template, ord) => [ord, 'any', [...fieldIndex].filter(([name]) => template.front.includes(name)).map(([, i]) => i)]),
    tags: [],
    vers: [],
  };
}

const DEFAULT_PRESET = 1;

/**
 * Anki's deck options presets (`col.dconf`) for the decks: one per distinct set of FSRS parameters
 * and desired retention, the first being Anki's Default (id 1) unless some deck has none; each is Anki's default preset with
 * the FSRS keys Anki reads (rslib/src/deckconfig/schema11.rs: fsrsParams6, desiredRetention).
 */
function ankiPresets(decks: CollectionData['decks'], modified: number) {
  const base = defaultDeckConfig(modified)[DEFAULT_PRESET];
  const dconf: Record<string, object> = { [DEFAULT_PRESET]: base };
  const idOfKey = new Map<string, number>();
  const everyDeckHasOptions = decks.every((deck) => deck.options !== undefined);
  const keyOf = (deck: Deck) => JSON.stringify([deck.options?.fsrsParameters ?? null, deck.options?.desiredRetention ?? null]);
  for (const deck of decks) {
    const key = keyOf(deck);
    if (!deck.options || idOfKey.has(key)) continue;
    // Decks without options of their own stay on Anki's plain Default preset.
    const id = idOfKey.size + (everyDeckHasOptions ? 1 : 2);
    idOfKey.set(key, id);
    const fsrs = legacyConfigFsrs({ desiredRetention: deck.options.desiredRetention ?? DEFAULT_DECK_OPTIONS.desiredRetention, fsrsParameters: deck.options.fsrsParameters });
    dconf[String(id)] = { ...base, id, name: id === DEFAULT_PRESET ? base.name : deck.name, ...fsrs };
  }
  return { dconf, idOf: (deck: Deck) => idOfKey.get(keyOf(deck)) ?? DEFAULT_PRESET };
}

/**
 * A filtered deck as Anki's schema 11 JSON (rslib/src/decks/schema11.rs FilteredDeckSchema11): its
 * search terms [search, limit, order], the order numbered as Anki's (decks.proto SearchTerm.Order).
 */
function ankiFilteredDeck(id: number, name: string, filtered: FilteredDeckConfig, modified: number) {
  const delays = previewDelaysOf(filtered);
  return {
    id,
    name,
    desc: '',
    mod: modified,
    usn: -1,
    collapsed: false,
    browserCollapsed: false,
    dyn: 1,
    resched: filtered.reschedule,
    terms: filteredTerms(filtered).map((term) => [term.search, term.limit, FILTERED_ORDERS.indexOf(term.order)]),
    separate: true,
    delays: null,
    previewDelay: Math.round(delays.hard / 60),
    previewAgainSecs: delays.again,
    previewHardSecs: delays.hard,
    previewGoodSecs: delays.good,
    newToday: [0, 0],
    revToday: [0, 0],
    lrnToday: [0, 0],
    timeToday: [0, 0],
  };
}

function ankiDeck(id: number, name: string, description: string, modified: number, preset: number) {
  return { id, name, desc: description, mod: modified, usn: -1, collapsed: false, browserCollapsed: false, dyn: 0, conf: preset, extendNew: 0, extendRev: 0, newToday: [0, 0], revToday: [0, 0], lrnToday: [0, 0], timeToday: [0, 0] };
}
