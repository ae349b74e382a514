import * as Y from 'yjs';
import { sqliteOf, type Db } from '../db/database.js';
import { isoTimestamp } from '../db/timestamps.js';

export interface StoredDocument {
  /** The document, built; unset when `state` holds all of it. */
  doc: Y.Doc | undefined;
  /**
   * The snapshot when no logged update follows it: the whole document,
   * encoded, and its state vector, from which peers can be answered before
   * (or without) building it.
   */
  state: { update: Uint8Array; stateVector: Uint8Array } | undefined;
  /** Updates stored after the latest snapshot. */
  tailLength: number;
  /** The last stored update the document holds; compaction folds up to here, never further. */
  lastUpdateId: number;
  /** Bytes the document takes in storage: its snapshot plus its logged updates. */
  storedBytes: number;
}

/**
 * An update at least this large is folded into the snapshot as soon as it is
 * sent on, so the log only ever holds small rows. SQLite keeps about 1,000
 * bytes of a row on its page (4 KiB pages); a larger row spills onto overflow
 * pages, and once it is a divider in the log's b-tree every later insert of
 * every document reads those pages again to find its place (three extra reads
 * per keystroke, seen under the bench with each meeting's initial content in
 * the log). Pastes and a meeting's initial content are this large; typing is
 * tens of bytes.
 */
export const FOLD_AT_ONCE_BYTES = 768;

/**
 * Stores a new document whole, as a snapshot with no log after it: how the
 * demo seed stores its documents, so the log holds no large rows and a first
 * open sends the stored bytes as they are.
 */
export async function storeNewDocument(db: Db, docName: string, state: Uint8Array, createdAt: string): Promise<void> {
  await db
    .insertInto('doc_snapshots')
    .values({ doc_name: docName, state, state_vector: Y.encodeStateVectorFromUpdate(state), last_update_id: 0, created_at: createdAt })
    .execute();
}

/** A document built from its stored, encoded state. */
export function buildDocument(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  Y.applyUpdate(doc, state);
  return doc;
}

/**
 * Durable storage of Yjs documents: an append-only log of updates, compacted
 * now and then into a snapshot. A document is its snapshot plus the updates
 * logged after it, so loading stays fast however long its history.
 */
export function createDocumentStore({ db }: { db: Db }) {
  // Every accepted keystroke is one of these: prepared once and run straight on
  // better-sqlite3, it commits in microseconds, without building a query each time.
  const insertUpdate = sqliteOf(db).prepare<[string, number, Uint8Array, number | null, string]>(
    'insert into doc_updates (doc_name, id, "update", user_id, created_at) values (?, ?, ?, ?, ?)',
  );
  const selectSnapshot = sqliteOf(db).prepare<[string], { state: Uint8Array; state_vector: Uint8Array | null; last_update_id: number }>(
    'select state, state_vector, last_update_id from doc_snapshots where doc_name = ?',
  );
  const selectLog = sqliteOf(db).prepare<[string, number], { id: number; update: Uint8Array }>(
    'select id, "update" from doc_updates where doc_name = ? and id > ? order by id',
  );
  // Compaction runs on the event loop while peers type: one transaction of
  // prepared statements holds it for a fraction of what building each query did.
  const selectSnapshotAt = sqliteOf(db).prepare<[string], { last_update_id: number }>('select last_update_id from doc_snapshots where doc_name = ?');
  const upsertSnapshot = sqliteOf(db).prepare<[string, Uint8Array, Uint8Array, number, string]>(
    `insert into doc_snapshots (doc_name, state, state_vector, last_update_id, created_at) values (?, ?, ?, ?, ?)
     on conflict (doc_name) do update set state = excluded.state, state_vector = excluded.state_vector,
       last_update_id = excluded.last_update_id, created_at = excluded.created_at`,
  );
  const deleteLogUpTo = sqliteOf(db).prepare<[string, number]>('delete from doc_updates where doc_name = ? and id <= ?');
  const selectStoredBytes = sqliteOf(db).prepare<[string, string], { bytes: number }>(
    `select coalesce((select length(state) from doc_snapshots where doc_name = ?), 0)
          + coalesce((select sum(length("update")) from doc_updates where doc_name = ?), 0) as bytes`,
  );
  /** Replaces the log up to `lastUpdateId` with the snapshot, unless a newer one is stored; the document's stored bytes. */
  const fold = sqliteOf(db).transaction(
    (docName: string, state: Uint8Array, stateVector: Uint8Array, lastUpdateId: number, createdAt: string): number => {
      const previous = selectSnapshotAt.get(docName);
      if (lastUpdateId > 0 && lastUpdateId > (previous?.last_update_id ?? 0)) {
        upsertSnapshot.run(docName, state, stateVector, lastUpdateId, createdAt);
        deleteLogUpTo.run(docName, lastUpdateId);
      }
      return selectStoredBytes.get(docName, docName)!.bytes;
    },
  );
  return {
    /**
     * Commits the update (synchronously: it is on the path of every keystroke)
     * as the document's update `id`, the one after its `lastUpdateId`. An id
     * already taken (a second writer of the document) throws, storing nothing.
     */
    append(docName: string, id: number, update: Uint8Array, userId: number | null): void {
      insertUpdate.run(docName, id, update, userId, isoTimestamp());
    },

    async load(docName: string): Promise<StoredDocument> {
      const snapshot = selectSnapshot.get(docName);
      let tailLength = 0;
      let lastUpdateId = snapshot?.last_update_id ?? 0;
      let storedBytes = snapshot?.state.byteLength ?? 0;
      const log = selectLog.iterate(docName, lastUpdateId);
      const first = log.next();
      if (first.done && snapshot?.state_vector) {
        return { doc: undefined, state: { update: snapshot.state, stateVector: snapshot.state_vector }, tailLength, lastUpdateId, storedBytes };
      }
      const doc = new Y.Doc({ gc: true });
      // Each logged update is applied as it is read, so a long log (after a
      // crash it may be thousands of rows) is never in memory whole. One
      // transaction keeps applying linear in the history; Y.mergeUpdates is not.
      doc.transact(() => {
        if (snapshot) Y.applyUpdate(doc, snapshot.state);
        for (let row = first; !row.done; row = log.next()) {
          Y.applyUpdate(doc, row.value.update);
          tailLength += 1;
          lastUpdateId = row.value.id;
          storedBytes += row.value.update.byteLength;
        }
      });
      return { doc, state: undefined, tailLength, lastUpdateId, storedBytes };
    },

    /** The document as stored, built: for reading it outside a room. */
    async read(docName: string): Promise<Y.Doc> {
      const { doc, state } = await this.load(docName);
      return doc ?? buildDocument(state!.update);
    },

    /**
     * Folds into a new snapshot every document whose log has grown past
     * `threshold` updates since its snapshot (after a crash, or history
     * imported) or holds an update of `FOLD_AT_ONCE_BYTES` or more (seeded, or
     * stored before such updates were folded at once). Run before serving: it
     * must not race a live room's appends.
     */
    async foldLogs(threshold: number): Promise<string[]> {
      const names = await this.logsToFold(threshold);
      for (const docName of names) {
        const { doc, lastUpdateId } = await this.load(docName);
        if (!doc) continue; // its snapshot is all of it
        await this.compact(docName, doc, lastUpdateId);
        doc.destroy();
      }
      return names;
    },

    /** The documents with at least `threshold` updates logged after their snapshot, or one of `FOLD_AT_ONCE_BYTES` or more. */
    async logsToFold(threshold: number): Promise<string[]> {
      const rows = await db
        .selectFrom('doc_updates')
        .leftJoin('doc_snapshots', 'doc_snapshots.doc_name', 'doc_updates.doc_name')
        .select('doc_updates.doc_name')
        .where((eb) => eb.or([eb('doc_snapshots.last_update_id', 'is', null), eb('doc_updates.id', '>', eb.ref('doc_snapshots.last_update_id'))]))
        .groupBy('doc_updates.doc_name')
        .having((eb) =>
          eb.or([eb(eb.fn.countAll(), '>=', threshold), eb(eb.fn.max(eb.fn<number>('length', ['doc_updates.update'])), '>=', FOLD_AT_ONCE_BYTES)]),
        )
        .execute();
      return rows.map((row) => row.doc_name);
    },

    /**
     * Replaces the logged updates up to `lastUpdateId` (those `doc` holds) with
     * one snapshot of `doc`. Updates stored after it stay in the log. Resolves
     * with the bytes the document then takes in storage.
     */
    async compact(docName: string, doc: Y.Doc, lastUpdateId: number): Promise<number> {
      return fold(docName, Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc), lastUpdateId, new Date().toISOString());
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
