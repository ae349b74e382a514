import { sql } from 'kysely';
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
    expect(first.results?.map((result) => result.status)).toEqual(['Success', 'Success', 'Success']);

    const tables = await db.introspection.getTables();
    expect(tables.map((table) => table.name).sort()).toEqual(
      ['action_events', 'actions', 'agencies', 'agenda_items', 'attendance', 'audit_events', 'bodies', 'body_standing_items', 'declarations', 'decisions', 'doc_snapshots', 'doc_updates', 'meetings', 'memberships', 'sessions', 'users'].sort(),
    );

    const second = await migrateToLatest(db);
    expect(second.results).toEqual([]);
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
