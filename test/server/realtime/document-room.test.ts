import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocIssue } from '../../../shared/doc-validation.js';
import { CLOSE_CODES } from '../../../shared/realtime-protocol.js';
import { ServerChangeRefusedError, type DocumentKind } from '../../../server/realtime/document-kind.js';
import { DocumentRoom } from '../../../server/realtime/document-room.js';
import type { RoomConnection } from '../../../server/realtime/room-connection.js';
import { fakeConnection, permissiveKind, type FakeConnection } from '../../support/fake-room-peer.js';
import { createDocumentStore, FOLD_AT_ONCE_BYTES, type DocumentStore } from '../../../server/realtime/document-store.js';
import { encodeSyncStep1, encodeUpdate } from '../../../server/realtime/wire.js';
import { openSeededTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('a document room', () => {
  let database: TestDatabase;
  let store: DocumentStore;
  let rooms = 0;
  const storedRows = async (name: string) =>
    (await database.db.selectFrom('doc_updates').select('id').where('doc_name', '=', name).execute()).length;

  beforeAll(() => {
    database = openSeededTestDatabase();
    store = createDocumentStore({ db: database.db });
  });
  afterAll(() => database.dispose());

  async function openRoom(options: { maxDocumentBytes?: number; check?: () => DocIssue[] } = {}) {
    const name = `test.room-${++rooms}`;
    const room = await DocumentRoom.load({ name, kind: permissiveKind(options.check), store, maxDocumentBytes: options.maxDocumentBytes, log: () => {} });
    return { name, room };
  }

  /** A client's copy of the room's document, and a way to send the room whatever it changes next. */
  function clientOf(room: DocumentRoom, connection: RoomConnection) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(room.doc));
    return {
      doc,
      async send(edit: (doc: Y.Doc) => void) {
        const vector = Y.encodeStateVector(doc);
        edit(doc);
        room.receive(connection, encodeUpdate(Y.encodeStateAsUpdate(doc, vector)));
        await room.settle();
      },
    };
  }

  it('refuses, as full, an update that would take the document past its storage limit', async () => {
    const { name, room } = await openRoom({ maxDocumentBytes: 64 * 1024 });
    const writer = fakeConnection();
    room.join(writer);
    const client = clientOf(room, writer);
    await client.send((doc) => doc.getMap('notes').set('text', new Y.Text()));
    const text = () => client.doc.getMap('notes').get('text') as Y.Text;
    for (let round = 0; round < 3; round++) await client.send(() => text().insert(text().length, 'x'.repeat(20_000)));
    expect(writer.closed).toBeUndefined();
    const rowsBefore = await storedRows(name);

    await client.send(() => text().insert(0, 'y'.repeat(20_000)));
    expect(writer.closed?.code).toBe(CLOSE_CODES.invalidUpdate);
    expect(writer.refusals()).toEqual([{ code: 'invalid_update', message: 'The document is full: this change would take it past its storage limit of 64 KiB' }]);
    expect((room.doc.getMap('notes').get('text') as Y.Text).length).toBe(60_000);
    // Compacting to make room stored a snapshot, and no update.
    expect(await storedRows(name)).toBeLessThanOrEqual(rowsBefore);
    const reloaded = { doc: await store.read(name) };
    expect((reloaded.doc.getMap('notes').get('text') as Y.Text).length).toBe(60_000);
  });

  it('counts what a document holds, not values it has since replaced or deleted', async () => {
    const { name, room } = await openRoom({ maxDocumentBytes: 64 * 1024 });
    const writer = fakeConnection();
    room.join(writer);
    const client = clientOf(room, writer);
    await client.send((doc) => doc.getMap('notes').set('text', new Y.Text()));
    const text = () => client.doc.getMap('notes').get('text') as Y.Text;
    // Far more than the limit passes through, as long as the document itself stays small.
    for (let round = 0; round < 10; round++) {
      await client.send(() => text().insert(0, 'x'.repeat(20_000)));
      await client.send(() => text().delete(0, 20_000));
    }
    expect(writer.closed).toBeUndefined();
    expect(writer.refusals()).toEqual([]);
    const stored = { ...(await store.load(name)), doc: await store.read(name) };
    expect(stored.storedBytes).toBeLessThan(64 * 1024);
    expect((stored.doc.getMap('notes').get('text') as Y.Text).length).toBe(0);
  });

  it('folds a large update (a paste, a meeting’s first content) into the snapshot as soon as peers have it, keeping typing in the log', async () => {
    const { name, room } = await openRoom();
    const writer = fakeConnection(1);
    const reader = fakeConnection(2);
    room.join(writer);
    room.join(reader);
    const client = clientOf(room, writer);
    await client.send((doc) => doc.getMap('notes').set('text', new Y.Text()));
    const text = () => client.doc.getMap('notes').get('text') as Y.Text;
    await client.send(() => text().insert(0, 'typed'));
    expect(await storedRows(name)).toBe(2);

    await client.send(() => text().insert(5, 'p'.repeat(FOLD_AT_ONCE_BYTES)));
    expect(reader.updates()).toBe(3);
    expect(await storedRows(name)).toBe(0);
    await client.send(() => text().insert(0, '!'));
    expect(await storedRows(name)).toBe(1);
    expect((await store.read(name)).getMap('notes').get('text')!.toString()).toBe(`!typed${'p'.repeat(FOLD_AT_ONCE_BYTES)}`);
  });

  it('throws a server change its kind’s check refuses, storing and sending nothing, and carries on', async () => {
    let issues: DocIssue[] = [{ path: 'meta.status', message: 'is not a status' }];
    const { name, room } = await openRoom({ check: () => issues });
    const peer = fakeConnection();
    room.join(peer);
    await room.settle();

    const refused = room.change((doc) => doc.getMap('meta').set('status', 'nonsense'));
    await expect(refused).rejects.toBeInstanceOf(ServerChangeRefusedError);
    await expect(refused).rejects.toMatchObject({ issues, message: 'meta.status: is not a status' });
    expect(room.doc.getMap('meta').get('status')).toBeUndefined();
    expect(await storedRows(name)).toBe(0);
    expect(peer.updates()).toBe(0);

    issues = [];
    await room.change((doc) => doc.getMap('meta').set('status', 'live'));
    expect(room.doc.getMap('meta').get('status')).toBe('live');
    expect(await storedRows(name)).toBe(1);
    expect(peer.updates()).toBe(1);
  });

  it('throws a server change that fails halfway, keeping none of it', async () => {
    const { name, room } = await openRoom();
    const failed = room.change((doc) => {
      doc.getMap('meta').set('status', 'live');
      throw new Error('the change failed');
    });
    await expect(failed).rejects.toThrow('the change failed');
    expect(room.doc.getMap('meta').get('status')).toBeUndefined();
    expect(await storedRows(name)).toBe(0);
  });

  it('never mirrors into SQL a peer’s update that is still being checked, and is then refused', async () => {
    const projected: unknown[] = [];
    const kind: DocumentKind = {
      ...permissiveKind(),
      validate: ({ doc }) => (doc.getMap('notes').has('refused') ? [{ path: 'notes.refused', message: 'is not allowed' }] : []),
      project: async ({ doc }) => void projected.push(doc.getMap('notes').toJSON()),
    };
    // Undoing a refused update reloads from storage; make that slow, so a projection falls due meanwhile.
    const slowStore: DocumentStore = { ...store, load: async (name) => (await new Promise((resolve) => setTimeout(resolve, 50)), store.load(name)) };
    const room = await DocumentRoom.load({ name: `test.room-${++rooms}`, kind, store: slowStore, projectAfterMs: 1, log: () => {} });
    const writer = fakeConnection();
    room.join(writer);
    const doc = new Y.Doc();
    const send = (edit: (doc: Y.Doc) => void) => {
      const vector = Y.encodeStateVector(doc);
      edit(doc);
      room.receive(writer, encodeUpdate(Y.encodeStateAsUpdate(doc, vector)));
    };
    send((each) => each.getMap('notes').set('accepted', 1));
    send((each) => each.getMap('notes').set('refused', 1));
    await room.settle();
    expect(writer.closed?.code).toBe(CLOSE_CODES.invalidUpdate);
    expect(projected.length).toBeGreaterThan(0);
    expect(projected.every((notes) => !Object.hasOwn(notes as object, 'refused'))).toBe(true);
  });

  it('captures the document again only after a change its kind says typing cannot make, and never across an undo', async () => {
    let captures = 0;
    const seen: string[] = [];
    const kind: DocumentKind = {
      ...permissiveKind(),
      // What the rules compare against: the note keys there were, stamped with the capture that saw them.
      capture: ({ doc }) => `#${++captures} ${[...doc.getMap('notes').keys()].sort().join(',')}`,
      captureOutlives: (changed) => [...changed].every((type) => type instanceof Y.Text),
      validate: ({ doc, before }) => {
        seen.push(before as string);
        return doc.getMap('notes').has('refused') ? [{ path: 'notes.refused', message: 'is not allowed' }] : [];
      },
    };
    const room = await DocumentRoom.load({ name: `test.room-${++rooms}`, kind, store, log: () => {} });
    const writer = fakeConnection();
    room.join(writer);
    const client = clientOf(room, writer);
    const text = () => client.doc.getMap('notes').get('text') as Y.Text;

    await client.send((doc) => doc.getMap('notes').set('text', new Y.Text()));
    for (const letter of 'abc') await client.send(() => text().insert(text().length, letter));
    await client.send((doc) => doc.getMap('notes').set('title', 'Minutes'));
    await client.send(() => text().insert(0, 'x'));
    expect(seen).toEqual(['#1 ', '#2 text', '#2 text', '#2 text', '#2 text', '#3 text,title']);

    await room.change((doc) => doc.getMap('notes').set('status', 'live'));
    const second = fakeConnection(2);
    room.join(second);
    const other = clientOf(room, second);
    const otherText = () => other.doc.getMap('notes').get('text') as Y.Text;
    await other.send(() => otherText().insert(0, 'y'));
    await other.send((doc) => doc.getMap('notes').set('refused', 1));
    expect(second.closed?.code).toBe(CLOSE_CODES.invalidUpdate);
    await client.send(() => text().insert(0, 'z'));
    // After the server's change, and after the refused update was undone, the rules saw the document afresh.
    expect(seen.slice(6)).toEqual(['#4 status,text,title', '#4 status,text,title', '#5 status,text,title']);
  });

  it('answers peers of a document opened from its snapshot with what they lack, and takes their edits', async () => {
    const name = `test.room-${++rooms}`;
    const original = new Y.Doc();
    original.getMap('notes').set('text', new Y.Text('Minutes of the meeting'));
    const early = Y.encodeStateAsUpdate(original); // what a peer that was here before holds
    (original.getMap('notes').get('text') as Y.Text).insert(0, 'Draft: ');
    const first = await DocumentRoom.load({ name, kind: permissiveKind(), store, log: () => {} });
    await first.change((doc) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(original)));
    await first.unload();
    expect((await store.load(name)).state).toBeDefined(); // a snapshot and nothing after it: the room opens unbuilt

    const room = await DocumentRoom.load({ name, kind: permissiveKind(), store, log: () => {} });
    const exchange = async (peer: FakeConnection, holds: Y.Doc) => {
      room.join(peer);
      room.receive(peer, encodeSyncStep1(holds));
      room.receive(peer, encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()))); // its own step 2: nothing new
      await room.settle();
      return peer.sent.map((message) => {
        const decoder = decoding.createDecoder(message);
        decoding.readVarUint(decoder);
        return { step: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) };
      });
    };
    // A fresh page holds nothing: it gets the state vector, then the whole document.
    const [vector, whole] = await exchange(fakeConnection(), new Y.Doc());
    expect(vector).toEqual({ step: 0, payload: Y.encodeStateVector(original) });
    expect(whole!.step).toBe(1);
    expect(withState(whole!.payload).getMap('notes').toJSON()).toEqual({ text: 'Draft: Minutes of the meeting' });
    // A peer that was here before gets only what it lacks.
    const peer = fakeConnection();
    const [, missing] = await exchange(peer, withState(early));
    const caughtUp = withState(early);
    Y.applyUpdate(caughtUp, missing!.payload);
    expect(caughtUp.getMap('notes').toJSON()).toEqual({ text: 'Draft: Minutes of the meeting' });
    expect(missing!.payload.byteLength).toBeLessThan(whole!.payload.byteLength);

    const client = clientOf(room, peer);
    await client.send((doc) => (doc.getMap('notes').get('text') as Y.Text).insert(0, 'Confirmed '));
    expect(peer.closed).toBeUndefined();
    expect((await store.read(name)).getMap('notes').toJSON()).toEqual({ text: 'Confirmed Draft: Minutes of the meeting' });
  });

  it('opens a snapshot stored without its state vector (before it was kept) by building the document', async () => {
    const name = `test.room-${++rooms}`;
    const first = await DocumentRoom.load({ name, kind: permissiveKind(), store, log: () => {} });
    await first.change((doc) => doc.getMap('notes').set('title', 'Older snapshot'));
    await first.unload();
    await database.db.updateTable('doc_snapshots').set({ state_vector: null }).where('doc_name', '=', name).execute();
    expect((await store.load(name)).doc?.getMap('notes').get('title')).toBe('Older snapshot');

    const room = await DocumentRoom.load({ name, kind: permissiveKind(), store, log: () => {} });
    const peer = fakeConnection();
    room.join(peer);
    room.receive(peer, encodeSyncStep1(new Y.Doc()));
    await room.settle();
    const decoder = decoding.createDecoder(peer.sent[1]!);
    decoding.readVarUint(decoder);
    decoding.readVarUint(decoder);
    expect(withState(decoding.readVarUint8Array(decoder)).getMap('notes').get('title')).toBe('Older snapshot');
  });
});

function withState(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}