import * as Y from 'yjs';
import type { Db } from '../db/database.js';

export interface StoredDocument {
  doc: Y.Doc;
  /** Updates stored after the latest snapshot. */
  tailLength: number;
}

/**
 * Durable storage of Yjs documents: an append-only log of updates, compacted
 * now and then into a snapshot. A document is its snapshot plus the updates
 * logged after it, so loading stays fast however long its history.
 */
export function createDocumentStore({ db }: { db: Db }) {
  return {
    /** Resolves once the update is committed to disk. */
    async append(docName: string, update: Uint8Array, userId: number | null): Promise<void> {
      await db
        .insertInto('doc_updates')
        .values({ doc_name: docName, update, user_id: userId, created_at: new Date().toISOString() })
        .execute();
    },

    async load(docName: string): Promise<StoredDocument> {
      const snapshot = await db
        .selectFrom('doc_snapshots')
        .select(['state', 'last_update_id'])
        .where('doc_name', '=', docName)
        .executeTakeFirst();
      const updates = await db
        .selectFrom('doc_updates')
        .select('update')
        .where('doc_name', '=', docName)
        .where('id', '>', snapshot?.last_update_id ?? 0)
        .orderBy('id')
        .execute();
      const doc = new Y.Doc({ gc: true });
      // Applying in one transaction is linear in the history; Y.mergeUpdates is not.
      doc.transact(() => {
        if (snapshot) Y.applyUpdate(doc, snapshot.state);
        for (const { update } of updates) Y.applyUpdate(doc, update);
      });
      return { doc, tailLength: updates.length };
    },

    /** Replaces the logged updates up to now with one snapshot of `doc`. */
    async compact(docName: string, doc: Y.Doc): Promise<void> {
      const state = Y.encodeStateAsUpdate(doc);
      await db.transaction().execute(async (trx) => {
        const latest = await trx
          .selectFrom('doc_updates')
          .select((eb) => eb.fn.max('id').as('id'))
          .where('doc_name', '=', docName)
          .executeTakeFirst();
        const lastUpdateId = Number(latest?.id ?? 0);
        const previous = await trx
          .selectFrom('doc_snapshots')
          .select('last_update_id')
          .where('doc_name', '=', docName)
          .executeTakeFirst();
        if (lastUpdateId === 0 || lastUpdateId === previous?.last_update_id) return;
        await trx
          .insertInto('doc_snapshots')
          .values({ doc_name: docName, state, last_update_id: lastUpdateId, created_at: new Date().toISOString() })
          .onConflict((oc) => oc.column('doc_name').doUpdateSet({ state, last_update_id: lastUpdateId, created_at: new Date().toISOString() }))
          .execute();
        await trx.deleteFrom('doc_updates').where('doc_name', '=', docName).where('id', '<=', lastUpdateId).execute();
      });
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
