import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocumentStore, type DocumentStore } from '../../../server/realtime/document-store.js';
import { openSeededTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('compacting a document’s log into a snapshot', () => {
  const docName = 'compaction-test';
  let database: TestDatabase;
  let store: DocumentStore;
  let doc: Y.Doc;
  let updates: Uint8Array[];

  beforeEach(() => {
    database = openSeededTestDatabase();
    store = createDocumentStore({ db: database.db });
    doc = new Y.Doc();
    updates = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    for (const word of ['one ', 'two ', 'three ', 'four ']) doc.getText('minutes').insert(doc.getText('minutes').length, word);
    updates.forEach((update, index) => store.append(docName, index + 1, update, null));
  });
  afterEach(() => database.dispose());

  const logIds = async () =>
    (await database.db.selectFrom('doc_updates').select('id').where('doc_name', '=', docName).orderBy('id').execute()).map((row) => row.id);
  const bytesOf = (list: Uint8Array[]) => list.reduce((sum, update) => sum + update.byteLength, 0);

  it('replaces the updates it holds with a snapshot, keeps those after, and reports the bytes stored', async () => {
    const folded = new Y.Doc();
    updates.slice(0, 3).forEach((update) => Y.applyUpdate(folded, update));
    const stored = await store.compact(docName, folded, 3);

    expect(await logIds()).toEqual([4]);
    const snapshot = Y.encodeStateAsUpdate(folded);
    expect(stored).toBe(snapshot.byteLength + updates[3]!.byteLength);
    const loaded = await store.load(docName);
    expect(loaded).toMatchObject({ tailLength: 1, lastUpdateId: 4, storedBytes: stored });
    expect(loaded.doc!.getText('minutes').toString()).toBe('one two three four ');
  });

  it('never replaces a newer snapshot with an older one', async () => {
    const stored = await store.compact(docName, doc, 4);
    const older = new Y.Doc();
    Y.applyUpdate(older, updates[0]!);

    expect(await store.compact(docName, older, 2)).toBe(stored);
    expect(await logIds()).toEqual([]);
    expect((await store.read(docName)).getText('minutes').toString()).toBe('one two three four ');
  });

  it('counts the whole log as stored while nothing is folded', async () => {
    expect(await store.compact(docName, doc, 0)).toBe(bytesOf(updates));
    expect(await logIds()).toEqual([1, 2, 3, 4]);
  });
});
