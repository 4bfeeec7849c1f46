import 'fake-indexeddb/auto';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../../src/core/cards/render';
import { MAX_FIELD_CHARS } from '../../../src/core/formats/limits';
import { formatStamp } from '../../../src/core/sync/hlc';
import { readSyncMeta } from '../../../src/renderer/src/storage/sync/sync-meta';
import type { ServerAccount } from '../../../src/renderer/src/storage/sync/pouch';
import { T0 } from '../storage/helpers';
import type { CouchServer } from './couch-server';
import { canonicalDump, Device } from './devices';
import { syncServerForFile } from './sync-server';

const { server, twoDevices } = syncServerForFile('kioku-hostile');

const DAY = 86_400_000;
const stamp = (wall = Date.now()) => formatStamp({ wall, counter: 0 }, 'other-client');
const note = (id: string, fields: unknown, extra: Record<string, unknown> = {}) => ({
  _id: `note:${id}`,
  kind: 'note',
  stamp: stamp(),
  data: { id, noteTypeId: 'kioku-basic', deckId: 'deck-aws', fields, tags: [], modified: T0, ...extra },
});
const schedule = { due: T0, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, reps: 0, lapses: 0, learningSteps: 0, state: 0, lastReview: null };
const card = (id: string, noteId: string, template: number, change: Record<string, unknown> = {}) => ({
  _id: `card:${id}`,
  kind: 'card',
  stamp: stamp(),
  data: { id, noteId, template, deckId: 'deck-aws', suspended: false, since: -1, base: schedule, ...change },
});
const review = (id: string, change: Record<string, unknown> = {}) => ({
  _id: `review:${id}`,
  kind: 'review',
  stamp: stamp(),
  data: { id, cardId: 'aws-2/0', time: T0, rating: 3, stateBefore: 0, stateAfter: 1, dueBefore: T0, dueAfter: T0 + 600_000, stabilityAfter: 2, difficultyAfter: 5, durationMs: 3000, ...change },
});

const SCRIPTED = ['<b>S3</b><script>parent.pwned = 1</script><img src="x.png" onerror="parent.pwned = 2">', '<a href="javascript:parent.pwned = 3">link</a><div onclick="parent.pwned = 4">x</div>'];

/** What another client, broken or hostile, writes straight into the learner's database, and why each must be refused. */
const HOSTILE: { doc: Record<string, unknown>; refused: RegExp | null }[] = [
  { doc: note('scripted', SCRIPTED), refused: null },
  { doc: note('fine', ['A note from another device', 'kept']), refused: null },
  { doc: note('huge', ['x'.repeat(MAX_FIELD_CHARS + 1), 'b']), refused: /limit is 1048576/ },
  { doc: note('wrong-type', 'not a list of fields'), refused: /fields/ },
  { doc: note('numbered', [1, 2]), refused: /fields/ },
  { doc: note('collides', ['Overwritten', 'by another id'], { id: 'aws-1' }), refused: /under the id of note collides/ },
  { doc: { _id: 'deck:evil', kind: 'deck', stamp: stamp(), data: { id: 'deck-aws', name: 'Pwned', options: {} } }, refused: /under the id of deck evil/ },
  // A deck of a name already here is the same deck made elsewhere: it becomes one with the deck here, whose id is the smaller.
  { doc: { _id: 'deck:twin', kind: 'deck', stamp: stamp(), data: { id: 'twin', name: 'AWS Security', options: {} } }, refused: null },
  { doc: { _id: 'deck:bell', kind: 'deck', stamp: stamp(), data: { id: 'bell', name: 'Ring\u0007', options: {} } }, refused: /control characters/ },
  { doc: { _id: 'deck:masked', kind: 'note', stamp: stamp(), data: { id: 'masked', name: 'Masked', options: {} } }, refused: /kind .* is not the one its id names/ },
  { doc: { _id: 'widget:1', kind: 'widget', stamp: stamp(), data: { id: '1' } }, refused: /not a kind of record/ },
  { doc: { ...note('unstamped', ['a', 'b']), stamp: 42 }, refused: /no clock stamp/ },
  { doc: { ...note('badly-stamped', ['a', 'b']), stamp: 'yesterday' }, refused: /not one/ },
  { doc: { ...note('from-the-future', ['a', 'b']), stamp: stamp(Date.now() + 400 * DAY) }, refused: /ahead/ },
  { doc: { ...note('no-record', ['a', 'b']), data: 'aws-3' }, refused: /holds no record/ },
  { doc: card('ghost/0', 'ghost', 0), refused: /note ghost is not here/ },
  { doc: card('aws-3/0', 'aws-4', 0), refused: /its id is not the one/ },
  { doc: card('aws-3/5', 'aws-3', 5), refused: /card template 6/ },
  { doc: card('aws-4/0', 'aws-4', 0, { base: { ...schedule, due: 1e300 } }), refused: /due is 1e\+300/ },
  { doc: { ...card('aws-0/0', 'aws-0', 0), data: 5 }, refused: /holds no record/ },
  { doc: review('far-off', { time: -1e300 }), refused: /time is -1e\+300/ },
  { doc: { ...review('shapeless'), data: 'x' }, refused: /holds no record/ },
  { doc: { ...review('no-card'), data: { id: 'no-card', cardId: 7 } }, refused: /cardId/ },
  {
    doc: { _id: 'media:../escape.png', kind: 'media', stamp: stamp(), data: { name: '../escape.png', mime: 'image/png', sha1: 'x' }, _attachments: { file: { content_type: 'image/png', data: 'iVBORw0KGgo=' } } },
    refused: /may not contain \//,
  },
  { doc: { _id: 'history:x', kind: 'history', stamp: stamp(), data: { id: 'x', lost: 1 } }, refused: /recordId/ },
];

async function writeStraightIn(couch: CouchServer, target: ServerAccount, docs: Record<string, unknown>[]): Promise<void> {
  // Cards of the built-in notes already exist on the server: a client that changes one sends its revision.
  const known = (await (await couch.request(`/${target.database}/_all_docs?keys=${encodeURIComponent(JSON.stringify(docs.map((doc) => doc._id)))}`)).json()) as {
    rows: { key: string; value?: { rev: string } }[];
  };
  const revs = new Map(known.rows.filter((row) => row.value).map((row) => [row.key, row.value!.rev]));
  for (const doc of docs) {
    const rev = revs.get(doc._id as string);
    const response = await couch.request(`/${target.database}/${encodeURIComponent(doc._id as string)}`, { method: 'PUT', body: rev ? { ...doc, _rev: rev } : doc });
    const answer = (await response.json()) as { rev?: string };
    if (answer.rev) revs.set(doc._id as string, answer.rev);
  }
}

/** The card as the app shows it, through its own sanitiser (in a DOM, as in the page). */
async function shown(html: string): Promise<string> {
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, document: window.document });
  const { sanitizeCardHtml } = await import('../../../src/renderer/src/card-html/sanitize');
  return sanitizeCardHtml(html);
}

describe('documents another client writes straight into the server', () => {
  it('are checked on arrival like an import: each bad one skipped with its reason, the good ones kept, sync never broken', async () => {
    const { a, target, close } = await twoDevices();
    const before = await canonicalDump(a.collection);
    await writeStraightIn(server(), target, HOSTILE.map((item) => item.doc));

    const last = await a.sync();
    expect(last.problem).toBeUndefined();
    for (const { doc, refused } of HOSTILE) {
      const reasons = last.skipped.filter((item) => item.id === doc._id).map((item) => item.reason);
      if (refused) expect(reasons.some((reason) => refused.test(reason)), `${String(doc._id)}: ${reasons.join(' | ') || 'not skipped'}`).toBe(true);
    }

    const after = await canonicalDump(a.collection);
    expect(after.notes.map((item) => item.id).sort()).toEqual([...before.notes.map((item) => item.id), 'fine', 'scripted'].sort());
    expect(after.notes.find((item) => item.id === 'aws-1')).toEqual(before.notes.find((item) => item.id === 'aws-1'));
    expect(after.decks).toEqual(before.decks);
    expect(after.reviews).toEqual([]);
    expect(after.media).toEqual([]);
    expect(after.cards.filter((item) => before.cards.some((old) => old.id === item.id))).toEqual(before.cards);
    expect(after.cards.map((item) => item.id)).toEqual(expect.arrayContaining(['fine/0', 'scripted/0']));
    expect(after.cards.some((item) => item.noteId === 'ghost' || item.id === 'aws-3/5')).toBe(false);
    // The clock was not carried off into the future by a stamp from 400 days ahead.
    expect((await readSyncMeta(a.collection.db, Date.now())).clock.wall).toBeLessThan(Date.now() + DAY);

    // The note with scripts is kept as an import keeps it, and shown without any of them.
    const scripted = after.notes.find((item) => item.id === 'scripted')!;
    const noteType = after.noteTypes.find((item) => item.id === scripted.noteTypeId)!;
    const face = renderCard(noteType, scripted, 0);
    const html = await shown(`${face.front}${face.back}`);
    expect(html).toContain('<b>S3</b>');
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|pwned/i);

    // The next sync goes on as usual, and a new device gets the same collection, except the
    // schedules of the cards whose documents the other client overwrote on the server: those it
    // starts as new cards (still unstudied here), where the first device keeps its own.
    expect((await a.sync()).problem).toBeUndefined();
    const c = new Device(target);
    const fresh = await c.sync();
    expect(fresh.problem).toBeUndefined();
    const overwritten = ['aws-0/0', 'aws-3/0', 'aws-4/0'];
    const withoutOverwritten = (dump: typeof after) => ({ ...dump, cards: dump.cards.filter((item) => !overwritten.includes(item.id)) });
    const onC = await canonicalDump(c.collection);
    expect(withoutOverwritten(onC)).toEqual(withoutOverwritten(await canonicalDump(a.collection)));
    expect(onC.cards.filter((item) => overwritten.includes(item.id)).map((item) => [item.id, item.state, item.reps])).toEqual(overwritten.map((id) => [id, 0, 0]));
    await c.close();
    await close();
  }, 120_000);
});
