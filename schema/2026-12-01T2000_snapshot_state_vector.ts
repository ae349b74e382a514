import type { Kysely } from 'kysely';

/**
 * A snapshot keeps its document's state vector beside it, so a cold open can
 * tell a peer what the server holds straight from storage: reading it back
 * out of the encoded state walks every struct (tens of milliseconds for a
 * long, much-edited history). Older snapshots have none until next compacted.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('doc_snapshots').addColumn('state_vector', 'blob').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('doc_snapshots').dropColumn('state_vector').execute();
}
