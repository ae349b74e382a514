import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { lengthOnceTyped, type DocIssue, type UnappliedTyping } from '../../../shared/doc-validation.js';
import { CLOSE_CODES } from '../../../shared/realtime-protocol.js';
import { sqliteOf } from '../../../server/db/database.js';
import type { DocumentKind } from '../../../server/realtime/document-kind.js';
import { DocumentRoom } from '../../../server/realtime/document-room.js';
import { createDocumentStore, type DocumentStore } from '../../../server/realtime/document-store.js';
import { changedOnlyTexts } from '../../../server/realtime/peer-update.js';
import { encodeUpdate } from '../../../server/realtime/wire.js';
import { fakeConnection, permissiveKind, type FakeConnection } from '../../support/fake-room-peer.js';
import { openSeededTestDatabase, type TestDatabase } from '../../support/test-database.js';

/** Notes are typed into one text of at most this many characters. */
const LIMIT = 20;

function tooLong(texts: Y.Text[], unapplied?: UnappliedTyping): DocIssue[] {
  return texts.filter((text) => lengthOnceTyped(text, unapplied) > LIMIT).map(() => ({ path: 'notes.text', message: `is longer than ${LIMIT} characters` }));
}

/** A kind with typing rules, answered alike before and after applying. */
const typingKind: DocumentKind = {
  ...permissiveKind(),
  captureOutlives: changedOnlyTexts,
  validate: ({ changed }) => (changedOnlyTexts(changed) ? tooLong([...changed] as Y.Text[]) : []),
  validateTyping: ({ typing }) => tooLong([typing.text], typing),
};

describe('a document room, with plain typing', () => {
  let database: TestDatabase;
  let store: DocumentStore;
  let rooms = 0;

  beforeAll(() => {
    database = openSeededTestDatabase();
    store = createDocumentStore({ db: database.db });
  });
  afterAll(() => database.dispose());

  const storedRows = (name: string) =>
    (sqliteOf(database.db).prepare('select count(*) as n from doc_updates where doc_name = ?').get(name) as { n: number }).n;
  const notes = (doc: Y.Doc) => doc.getMap('notes').get('text') as Y.Text;

  /** A room whose notes hold `words`, a writer typing into them, and a reader who notes, at each update it is sent, what the room's document and storage held. */
  async function typingRoom(kind: DocumentKind, words: string) {
    const name = `test.typing-${++rooms}`;
    const room = await DocumentRoom.load({ name, kind, store, log: () => {} });
    const writer = fakeConnection(1);
    const reader: FakeConnection & { seen: { roomLength: number; rows: number }[] } = { ...fakeConnection(2), seen: [] };
    reader.send = (message) => {
      reader.sent.push(message);
      reader.seen.push({ roomLength: notes(room.doc)?.length ?? -1, rows: storedRows(name) });
    };
    room.join(writer);
    room.join(reader);
    const client = new Y.Doc();
    const type = async (edit: (text: Y.Text) => void) => {
      const updates: Uint8Array[] = [];
      client.once('update', (update: Uint8Array) => updates.push(update));
      edit(notes(client));
      room.receive(writer, encodeUpdate(updates[0]!));
      await room.settle();
    };
    client.getMap('notes').set('text', new Y.Text());
    room.receive(writer, encodeUpdate(Y.encodeStateAsUpdate(client)));
    await type((text) => text.insert(0, words));
    reader.seen.length = 0;
    return { name, room, writer, reader, client, type };
  }

  it('stores typing and sends it on before applying it, and the document then holds it', async () => {
    const { name, room, reader, type } = await typingRoom(typingKind, 'Noted');
    const rowsBefore = storedRows(name);
    await type((text) => text.insert(text.length, '.'));
    await type((text) => text.insert(0, 'All '));
    expect(reader.seen).toEqual([
      { roomLength: 5, rows: rowsBefore + 1 },
      { roomLength: 6, rows: rowsBefore + 2 },
    ]);
    expect(notes(room.doc).toString()).toBe('All Noted.');
    expect(notes(await store.read(name)).toString()).toBe('All Noted.');
  });

  it('sends keystrokes that reach two rooms in one turn before it applies either, and applies a room\'s next keystroke after its last', async () => {
    const first = await typingRoom(typingKind, 'Noted');
    const second = await typingRoom(typingKind, 'Agreed');
    const keystroke = (room: typeof first, edit: (text: Y.Text) => void) => {
      const updates: Uint8Array[] = [];
      room.client.once('update', (update: Uint8Array) => updates.push(update));
      edit(notes(room.client));
      room.room.receive(room.writer, encodeUpdate(updates[0]!));
    };
    const firstRoomWhenSecondSent: number[] = [];
    const sendToSecond = second.reader.send;
    second.reader.send = (message) => {
      firstRoomWhenSecondSent.push(notes(first.room.doc).length);
      sendToSecond(message);
    };
    // As one socket read hands them over: all in the same turn of the event loop.
    keystroke(first, (text) => text.insert(text.length, '.'));
    keystroke(second, (text) => text.insert(text.length, '!'));
    keystroke(first, (text) => text.insert(text.length, '.'));
    expect(first.reader.seen.map((seen) => seen.roomLength)).toEqual([5]);
    expect(second.reader.seen.map((seen) => seen.roomLength)).toEqual([6]);
    expect(firstRoomWhenSecondSent).toEqual([5]); // the first room's keystroke, sent, still waited to be applied
    await Promise.all([first.room.settle(), second.room.settle()]);
    // The room's second keystroke was read against the first, applied: taken ahead as well.
    expect(first.reader.seen.map((seen) => seen.roomLength)).toEqual([5, 6]);
    expect(notes(first.room.doc).toString()).toBe('Noted..');
    expect(notes(second.room.doc).toString()).toBe('Agreed!');
    expect(notes(await store.read(first.name)).toString()).toBe('Noted..');
  });

  it('applies every update first for a kind without typing rules', async () => {
    const { reader, type } = await typingRoom(permissiveKind(), 'Noted');
    await type((text) => text.insert(text.length, '.'));
    expect(reader.seen.map((seen) => seen.roomLength)).toEqual([6]);
  });

  it('judges typing by the length it will have: up to the limit it is taken, past it refused, neither stored nor sent', async () => {
    const { name, room, writer, reader, type } = await typingRoom(typingKind, 'x'.repeat(LIMIT - 2));
    await type((text) => text.insert(text.length, 'ab'));
    expect(writer.refusals()).toEqual([]);
    const rows = storedRows(name);
    await type((text) => text.insert(text.length, 'c'));
    expect(writer.closed?.code).toBe(CLOSE_CODES.invalidUpdate);
    expect(writer.refusals()[0]?.message).toContain(`notes.text: is longer than ${LIMIT} characters`);
    expect(reader.seen.map((seen) => seen.roomLength)).toEqual([LIMIT - 2]); // the one taken, judged before it was applied
    expect(storedRows(name)).toBe(rows);
    expect(notes(room.doc).length).toBe(LIMIT);
    expect(notes(await store.read(name)).length).toBe(LIMIT);
  });

  it('refuses a reader’s typing the usual way, storing and sending nothing', async () => {
    const { name, room, writer, reader, type } = await typingRoom(typingKind, 'Noted');
    const rows = storedRows(name);
    writer.access = 'read';
    await type((text) => text.insert(text.length, '!'));
    expect(writer.refusals()).toEqual([{ code: 'write_refused', message: 'You can read this document but not change it' }]);
    expect(reader.seen).toEqual([]);
    expect(storedRows(name)).toBe(rows);
    expect(notes(room.doc).toString()).toBe('Noted');
  });
});
