import { Migrator, sql } from 'kysely';
import { migrations } from '../../schema/index.js';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase, type Db } from '../../server/db/database.js';
import { temporaryDatabasePath } from '../support/test-database.js';

describe('migrations', () => {
  let db: Db;
  let cleanup: () => void;

  async function freshDatabase(): Promise<Db> {
    const temporary = temporaryDatabasePath();
    cleanup = temporary.cleanup;
    db = openDatabase({ path: temporary.path });
    return db;
  }

  afterEach(async () => {
    await db.destroy();
    cleanup();
  });

  it('creates every table on an empty file, and a second run changes nothing', async () => {
    await freshDatabase();
    const first = await migrateToLatest(db);
    expect(first.results?.map((result) => result.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
    expect(Object.keys(migrations)).toHaveLength(11);

    const tables = await db.introspection.getTables();
    expect(tables.map((table) => table.name).sort()).toEqual(
      ['action_events', 'actions', 'agencies', 'agenda_items', 'attendance', 'audit_events', 'bodies', 'body_standing_items', 'declarations', 'decisions', 'doc_snapshots', 'doc_updates', 'escalations', 'meetings', 'memberships', 'minutes_comments', 'minutes_records', 'minutes_versions', 'notifications', 'priorities', 'priority_targets', 'search_entries', 'search_text', 'search_text_config', 'search_text_data', 'search_text_docsize', 'search_text_idx', 'sessions', 'users'].sort(),
    );

    const second = await migrateToLatest(db);
    expect(second.results).toEqual([]);
  });

  it('keys actions by body and id, keeping the actions an older database holds', async () => {
    await freshDatabase();
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    await migrator.migrateTo('2026-11-22T1400_action_logs');
    await sql`insert into agencies (id, name, short_name) values (1, 'Charnwood Borough Council', 'CBC')`.execute(db);
    for (const id of [1, 2]) {
      await sql`insert into bodies (id, name, short_name, kind, tier, parent_id, confidential, cadence, reference_prefix)
        values (${id}, ${`Body ${id}`}, ${`B${id}`}, 'jag', 1, null, 0, 'monthly', 'JAG')`.execute(db);
    }
    const action = (bodyId: number, title: string) => ({
      action_id: 'same-id', body_id: bodyId, reference: null, title, description: '', owner_id: null, lead_agency_id: null,
      due_date: null, status: 'open' as const, rag_override: null, rag_override_reason: '', theme: '', resources: '', outcome_measure: '',
      source_meeting_id: null, source_item_id: null, created_at: '2026-11-01T09:00:00.000Z', closed_at: null,
      latest_progress: null, latest_progress_at: null,
    });
    await db.insertInto('actions').values(action(1, 'Kept through the migration')).execute();
    await migrateToLatest(db);
    await db.insertInto('actions').values(action(2, 'Another body’s action, same id')).execute();
    const rows = await db.selectFrom('actions').select(['body_id', 'title']).orderBy('body_id').execute();
    expect(rows).toEqual([
      { body_id: 1, title: 'Kept through the migration' },
      { body_id: 2, title: 'Another body’s action, same id' },
    ]);
  });

  it('keys the update log by document, keeping every stored update and its id (and back again)', async () => {
    await freshDatabase();
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    await migrator.migrateTo('2026-12-01T2000_snapshot_state_vector');
    for (const [doc, bytes] of [['meeting.1', [1, 2]], ['meeting.2', [3]], ['meeting.1', [4, 5, 6]]] as const) {
      await sql`insert into doc_updates (doc_name, "update", user_id, created_at) values (${doc}, ${new Uint8Array(bytes)}, null, 'then')`.execute(db);
    }
    const stored = async () =>
      (await db.selectFrom('doc_updates').select(['doc_name', 'id', 'update']).orderBy('doc_name').orderBy('id').execute()).map((row) => ({
        ...row,
        update: [...row.update],
      }));
    const before = await stored();
    expect(before.map((row) => row.id)).toEqual([1, 3, 2]);

    await migrateToLatest(db);
    expect(await stored()).toEqual(before);
    const table = await sql<{ sql: string }>`select sql from sqlite_master where name = 'doc_updates'`.execute(db);
    expect(table.rows[0]!.sql).toMatch(/primary key \(doc_name, id\)\s*\) without rowid/i);
    // The next update of a document takes the id after its last; an id it already has is refused.
    await db.insertInto('doc_updates').values({ doc_name: 'meeting.2', id: 3, update: new Uint8Array([7]), user_id: null, created_at: 'now' }).execute();
    await expect(
      db.insertInto('doc_updates').values({ doc_name: 'meeting.1', id: 3, update: new Uint8Array([8]), user_id: null, created_at: 'now' }).execute(),
    ).rejects.toThrow(/UNIQUE/);

    await migrator.migrateTo('2026-12-01T2000_snapshot_state_vector');
    expect((await stored()).filter((row) => row.doc_name === 'meeting.1')).toEqual(before.filter((row) => row.doc_name === 'meeting.1'));
  });

  it('keeps the audit log append-only', async () => {
    await freshDatabase();
    await migrateToLatest(db);
    await db
      .insertInto('audit_events')
      .values({ at: new Date().toISOString(), actor_user_id: null, action: 'test.recorded', subject_type: 'test', subject_id: null })
      .execute();

    await expect(db.updateTable('audit_events').set({ action: 'test.rewritten' }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    const rows = await db.selectFrom('audit_events').select('action').execute();
    expect(rows).toEqual([{ action: 'test.recorded' }]);
  });

  it('refuses a membership for a body that does not exist', async () => {
    await freshDatabase();
    await migrateToLatest(db);
    await expect(sql`insert into memberships (body_id, user_id, role) values (999, 999, 'member')`.execute(db)).rejects.toThrow(
      /FOREIGN KEY/,
    );
  });
});
