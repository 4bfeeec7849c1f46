import { rowText } from '../../src/core/browse/columns';
import { renderCard } from '../../src/core/cards';
import type { Card, Note, NoteType } from '../../src/core/collection/model';
import type { Collection } from '../../src/renderer/src/storage/collection';
import { cardFace, showCardHtml } from '../../src/renderer/src/card-html/card-root';
import { withoutMedia } from '../../src/renderer/src/card-html/media';
import { safeCardHtml } from '../../src/renderer/src/card-html/safe-card';
import { importFile } from '../../src/renderer/src/transfer';
import { emptied } from './import';
import { hostileFields, hostileTextDeck } from '../../test/fixtures/hostile/generated';
import type { PageSamples } from '../page-api';

interface Split {
  importMs: number;
  showMs: number;
  rowMs: number;
}

interface CardToShow {
  card: Card;
  note: Note;
  type: NoteType;
}

/** Every card of the scratch collection with its note and note type, read once. */
async function cardsOf(collection: Collection): Promise<CardToShow[]> {
  const [cards, notes, noteTypes] = await Promise.all([collection.db.cards.toArray(), collection.db.notes.toArray(), collection.db.noteTypes.toArray()]);
  const noteById = new Map(notes.map((note) => [note.id, note]));
  const typeById = new Map(noteTypes.map((type) => [type.id, type]));
  return cards.map((card) => {
    const note = noteById.get(card.noteId)!;
    return { card, note, type: typeById.get(note.noteTypeId)! };
  });
}

/** Both sides of every card, shown as Study shows them and laid out. */
function showAll(cards: readonly CardToShow[], host: HTMLElement): void {
  const face = cardFace(host);
  for (const { card, note, type } of cards) {
    const rendered = renderCard(type, note, card.template);
    for (const side of [rendered.front, rendered.back]) {
      showCardHtml(face, withoutMedia(safeCardHtml(side)));
      host.getBoundingClientRect();
    }
  }
}

/**
 * Every card as Browse reads it (with the folded text its searches look in) and both lines it
 * shows of each (question and answer as plain text). Reading the cards of the rows straight from
 * the tables missed the search text, whose Unicode normalisation froze Browse on 1 MiB of marks.
 */
async function rowsOf(collection: Collection): Promise<number> {
  let length = 0;
  for (const row of await collection.browse('', Date.now())) length += rowText(row, 'question').length + rowText(row, 'answer').length;
  return length;
}

/**
 * #12 item 7: each 1 MiB hostile field, alone in a deck of one Basic and one Cloze note, is
 * imported through the Import screen's call into an emptied scratch collection, both sides of
 * both cards are shown as Study shows them (sanitised, in the card's shadow root, laid out) and
 * read as Browse's rows. One sample per field and repetition; the note names the slowest field.
 */
export async function measureHostileText(scratch: Collection, times: number): Promise<PageSamples> {
  const host = document.createElement('article');
  host.style.width = '800px';
  document.body.append(host);
  const figure: number[] = [];
  let slowest = { name: '', ms: 0, split: { importMs: 0, showMs: 0, rowMs: 0 } as Split };
  try {
    for (let round = 0; round < times; round++) {
      for (const field of hostileFields()) {
        await emptied(scratch);
        const bytes = new TextEncoder().encode(hostileTextDeck([field]));
        const started = performance.now();
        await importFile(scratch, { name: 'hostile.json', bytes }, { now: Date.now() });
        const imported = performance.now();
        const cards = await cardsOf(scratch);
        showAll(cards, host);
        const shown = performance.now();
        await rowsOf(scratch);
        const done = performance.now();
        figure.push(done - started);
        if (done - started > slowest.ms) slowest = { name: field.name, ms: done - started, split: { importMs: imported - started, showMs: shown - imported, rowMs: done - shown } };
      }
    }
  } finally {
    host.remove();
  }
  const { importMs, showMs, rowMs } = slowest.split;
  const ms = (value: number) => `${Math.round(value)} ms`;
  return {
    figure,
    note: `${hostileFields().length} fields of 1 MiB, one sample per field: import, both sides of a Basic and a Cloze card shown, Browse's rows; slowest "${slowest.name}" ${ms(slowest.ms)} (import ${ms(importMs)}, show ${ms(showMs)}, rows ${ms(rowMs)})`,
  };
}
