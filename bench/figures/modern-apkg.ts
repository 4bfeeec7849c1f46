import type { SqlJsStatic } from 'sql.js';
import type { CollectionData } from '../../src/core/collection/model';
import { fieldChecksum, stripHtmlKeepingMedia } from '../../src/core/formats/apkg/checksum';
import { exportAnkiCollection, modernPackage, pb, schema18Collection } from '../../test/fixtures/anki-format/build-package';

const BASIC_NOTETYPE_ID = 1_700_000_000_001;
const FIRST_DECK_ID = 1_700_000_000_100;
const FIRST_NOTE_ID = 1_700_000_100_000;
const FIRST_CARD_ID = 1_700_000_200_000;

/**
 * The bench's deck (Basic notes in subdecks, tagged) as Anki 2.1.50+ exports it by default: schema 18
 * with its note type, fields, templates and decks in their own tables (protobuf configs), the
 * collection zstd-framed beside the legacy stub, protobuf meta and media list. Written with the
 * test fixtures' builder, which follows rslib's schema SQL and package writer.
 */
export async function modernApkg(data: CollectionData, sqlJs: SqlJsStatic): Promise<Uint8Array> {
  const crt = Math.floor(Date.now() / 1000);
  const db = await schema18Collection(crt, sqlJs);
  db.run('begin');
  db.run('insert into notetypes values (?, ?, ?, 0, ?)', [BASIC_NOTETYPE_ID, 'Basic', crt, pb([1, 0], [3, '.card { font-family: arial; }'])]);
  db.run('insert into fields values (?, 0, ?, ?)', [BASIC_NOTETYPE_ID, 'Front', pb([3, 'Arial'], [4, 20])]);
  db.run('insert into fields values (?, 1, ?, ?)', [BASIC_NOTETYPE_ID, 'Back', pb([3, 'Arial'], [4, 20])]);
  db.run('insert into templates values (?, 0, ?, ?, 0, ?)', [BASIC_NOTETYPE_ID, 'Card 1', crt, pb([1, '{{Front}}'], [2, '{{FrontSide}}<hr id=answer>{{Back}}'])]);
  db.run('insert into decks values (1, ?, 0, 0, ?, ?)', ['Default', pb(), pb([1, pb()])]);
  const deckIdOf = new Map<string, number>();
  data.decks.forEach((deck, i) => {
    deckIdOf.set(deck.id, FIRST_DECK_ID + i);
    db.run('insert into decks values (?, ?, ?, 0, ?, ?)', [FIRST_DECK_ID + i, deck.name.replaceAll('::', '\u001f'), crt, pb(), pb([1, pb([1, 1])])]);
  });
  const note = db.prepare('insert into notes values (?, ?, ?, ?, 0, ?, ?, ?, ?, 0, ?)');
  const card = db.prepare('insert into cards values (?, ?, ?, 0, ?, 0, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)');
  data.notes.forEach((entry, i) => {
    const front = entry.fields[0] ?? '';
    note.run([FIRST_NOTE_ID + i, `bench${i}`, BASIC_NOTETYPE_ID, crt, ` ${entry.tags.join(' ')} `, entry.fields.join('\u001f'), stripHtmlKeepingMedia(front), fieldChecksum(front), '']);
    card.run([FIRST_CARD_ID + i, FIRST_NOTE_ID + i, deckIdOf.get(entry.deckId) ?? 1, crt, i + 1, '']);
  });
  note.free();
  card.free();
  db.run('commit');
  return modernPackage(exportAnkiCollection(db), [], sqlJs);
}
