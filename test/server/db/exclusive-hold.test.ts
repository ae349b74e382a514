import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, sqliteOf } from '../../../server/db/database.js';
import { temporaryDatabasePath } from '../../support/test-database.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';

describe('a running server holds its database file alone', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('refuses another process reading or writing the file while it runs, and lets go when it stops', async () => {
    server = await startTestServer();
    const { path } = server.database;
    const other = new SQLite(path, { timeout: 50 });
    try {
      expect(() => other.prepare('select count(*) from users').get()).toThrow(/database is locked/);
      expect(() => other.exec(`insert into agencies (name, short_name) values ('Intruder', 'X')`)).toThrow(/database is locked/);
      // The server itself goes on reading and writing: signing in stores a session.
      expect(await server.signIn('chair.jag')).toBeTruthy();
      await server.restart(); // lets go, and takes it again
      expect(() => other.prepare('select count(*) from users').get()).toThrow(/database is locked/);
    } finally {
      other.close();
    }
  });

  it('closes a connection used only by prepared statements when the database is destroyed', async () => {
    const temporary = temporaryDatabasePath();
    try {
      const db = openDatabase({ path: temporary.path });
      sqliteOf(db).prepare('select 1').get();
      await db.destroy();
      expect(sqliteOf(db).open).toBe(false);
    } finally {
      temporary.cleanup();
    }
  });
});
