import { copyFileSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, sqliteOf, type Db } from '../../../server/db/database.js';
import { temporaryDatabasePath } from '../../support/test-database.js';
import { eventually } from '../../support/yjs-client.js';

describe('the WAL, copied back into the database file once writing pauses', () => {
  let db: Db | undefined;
  let cleanup = () => {};
  afterEach(async () => {
    await db?.destroy();
    cleanup();
  });

  /** What a copy of the database file alone (without its WAL) holds. */
  function rowsInFileAlone(path: string): number {
    const copy = `${path}.copy`;
    copyFileSync(path, copy);
    const reader = new SQLite(copy, { readonly: true });
    try {
      const table = reader.prepare("select name from sqlite_master where name = 'notes'").get();
      return table ? (reader.prepare('select count(*) as n from notes').get() as { n: number }).n : 0;
    } finally {
      reader.close();
    }
  }

  it('holds every committed write in the file itself once writing pauses', async () => {
    const temporary = temporaryDatabasePath();
    cleanup = temporary.cleanup;
    db = openDatabase({ path: temporary.path });
    const sqlite = sqliteOf(db);
    sqlite.exec('create table notes (id integer primary key, text text)');
    const insert = sqlite.prepare('insert into notes (text) values (?)');
    for (let i = 0; i < 50; i++) insert.run(`note ${i}`);
    expect(rowsInFileAlone(temporary.path)).toBe(0); // committed, in the WAL only

    await eventually(() => expect(rowsInFileAlone(temporary.path)).toBe(50), 10_000);
  });
});
