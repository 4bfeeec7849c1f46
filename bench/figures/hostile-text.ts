import { cardText, renderCard } from '../../src/core/cards';
import type { Collection } from '../../src/renderer/src/storage/collection';
import { cardFace, showCardHtml } from '../../src/renderer/src/card-html/card-root';
import { withoutMedia } from '../../src/renderer/src/card-html/media';
import { safeCardHtml } from '../../src/renderer/src/card-html/safe-card';
import { importFile } from '../../src/renderer/src/transfer';
import { hostileFields, hostileTextDeck } from '../../test/fixtures/hostile/generated';
import type { PageSamples } from '../page-api';

interface Split {
  importMs: number;
  showMs: number;
  rowMs: number;
}

/** Both sides of every card of the scratch collection, shown as Study shows them and laid out. */
async function showAll(collection: Collection, host: HTMLElement): Promise<void> {
  const [cards, notes, noteTypes] = await Promise.all([collection.db.cards.toArray(), collection.db.notes.toArray(), collection.db.noteTypes.toArray()]);
  const face = cardFace(host);
  for (const card of cards) {
    const note = notes.find((candidate) => candidate.id === card.noteId)!;
    const rendered = renderCard(noteTypes.find((type) => type.id === note.noteTypeId)!, note, card.template);
    for (const side of [rendered.front, rendered.back]) {
      showCardHtml(face, withoutMedia(safeCardHtml(side)));
      host.getBoundingClientRect();
    }
  }
}

/** Both lines Browse shows of every card (question and answer as plain text). */
async function rowsOf(collection: Collection): Promise<number> {
  const [cards, notes, noteTypes] = await Promise.all([collection.db.cards.toArray(), collection.db.notes.toArray(), collection.db.noteTypes.toArray()]);
  let length = 0;
  for (const card of cards) {
    const note = notes.find((candidate) => candidate.id === card.noteId)!;
    const type = noteTypes.find((candidate) => candidate.id === note.noteTypeId)!;
    length += cardText(type, note, card.template, 'question').length + cardText(type, note, card.template, 'answer').length;
  }
  return length;
}

/**
 * #12 item 7: each 1 MiB hostile field, alone in a deck of one Basic and one Cloze note, is
 * imported through the Import screen's call into an emptied scratch collection, both sides of
 * both cards are shown as Study shows them (sanitised, in the card's shadow root, laid out) and
 * read as Browse's rows. One sample per field and repetition; the note names the slowest field.
 */
export async function measureHostileText(scratch: Collection, times: number): Promise<PageSamples> {
  const { db } = scratch;
  const host = document.createElement('article');
  host.style.width = '800px';
  document.body.append(host);
  const figure: number[] = [];
  let slowest = { name: '', ms: 0, split: { importMs: 0, showMs: 0, rowMs: 0 } as Split };
  try {
    for (let round = 0; round < times; round++) {
      for (const field of hostileFields()) {
        await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
        const bytes = new TextEncoder().encode(hostileTextDeck([field]));
        const started = performance.now();
        await importFile(scratch, { name: 'hostile.json', bytes }, { now: Date.now() });
        const imported = performance.now();
        await showAll(scratch, host);
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
