import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../../server/db/database.js';
import { createDocumentStore, FOLD_AT_ONCE_BYTES } from '../../server/realtime/document-store.js';
import { foldLongLogs } from '../../server/start-up-folding.js';
import { startRunningApp } from '../support/running-app.js';
import { openSeededTestDatabase, type TestDatabase } from '../support/test-database.js';

/** Logs `count` typed characters as separate updates, as a crash mid-meeting leaves them. */
async function logTyping(database: TestDatabase, docName: string, count: number): Promise<string> {
  const store = createDocumentStore({ db: database.db });
  const doc = new Y.Doc();
  const text = doc.getText('minutes');
  for (let i = 0; i < count; i++) {
    const vector = Y.encodeStateVector(doc);
    text.insert(text.length, 'abcdefghij'[i % 10]!);
    store.append(docName, i + 1, Y.encodeStateAsUpdate(doc, vector), null);
  }
  return text.toString();
}

const logRows = (database: TestDatabase, docName: string) =>
  database.db.selectFrom('doc_updates').select('id').where('doc_name', '=', docName).execute();

describe('folding long update logs at start-up, in a process of its own', () => {
  let database: TestDatabase;
  afterEach(() => database?.dispose());

  it('folds each log past the threshold into a snapshot with its state vector, and leaves short ones', async () => {
    database = openSeededTestDatabase();
    const typed = await logTyping(database, 'test.long', 600);
    await logTyping(database, 'test.short', 20);

    await foldLongLogs(database.db, 500);

    expect(await logRows(database, 'test.long')).toEqual([]);
    expect(await logRows(database, 'test.short')).toHaveLength(20);
    const snapshot = await database.db.selectFrom('doc_snapshots').selectAll().where('doc_name', '=', 'test.long').executeTakeFirstOrThrow();
    expect(snapshot.state_vector).not.toBeNull();
    const reopened = await createDocumentStore({ db: database.db }).load('test.long');
    expect(reopened.state).toBeDefined(); // opened straight from the snapshot
    expect((await createDocumentStore({ db: database.db }).read('test.long')).getText('minutes').toString()).toBe(typed);
  });

  it('folds a short log that holds a large update (seeded, or stored before those were folded at once)', async () => {
    database = openSeededTestDatabase();
    const store = createDocumentStore({ db: database.db });
    const doc = new Y.Doc();
    doc.getText('minutes').insert(0, 'p'.repeat(FOLD_AT_ONCE_BYTES));
    store.append('test.pasted', 1, Y.encodeStateAsUpdate(doc), null);
    await logTyping(database, 'test.typed', 20);

    await foldLongLogs(database.db, 500);

    expect(await logRows(database, 'test.pasted')).toEqual([]);
    expect(await logRows(database, 'test.typed')).toHaveLength(20);
    expect((await store.read('test.pasted')).getText('minutes').length).toBe(FOLD_AT_ONCE_BYTES);
  });

  it('runs before the compiled server serves, which then opens the document whole', async () => {
    database = openSeededTestDatabase();
    const typed = await logTyping(database, 'test.after-crash', 520);
    await database.db.destroy();
    const app = await startRunningApp({ databasePath: database.path, buildClient: false });
    try {
      expect(app.output()).toContain('Folded the update logs of 1 document(s) into snapshots');
    } finally {
      await app.stop();
    }
    database.db = openDatabase({ path: database.path });
    expect(await logRows(database, 'test.after-crash')).toEqual([]);
    expect((await createDocumentStore({ db: database.db }).read('test.after-crash')).getText('minutes').toString()).toBe(typed);
  });
});
