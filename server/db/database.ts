import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationResultSet } from 'kysely';
import { migrations } from '../../schema/index.js';
import type { Database } from './tables.js';

export type Db = Kysely<Database>;

/** Each database's SQLite connection, for the few hot statements prepared once and run without a query builder. */
const connections = new WeakMap<Db, SQLite.Database>();

export function sqliteOf(db: Db): SQLite.Database {
  const sqlite = connections.get(db);
  if (!sqlite) throw new Error('not a database opened by openDatabase');
  return sqlite;
}

export interface OpenDatabaseOptions {
  /** A file path, or ':memory:'. */
  path: string;
}

/** Opens (creating if needed) the SQLite database with the pragmas Quorum relies on. */
export function openDatabase({ path }: OpenDatabaseOptions): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers run while a writer commits. With synchronous=NORMAL a
  // commit is in the WAL file before it returns, so it survives the process
  // being killed at any moment; only a power cut or OS crash can lose the last
  // few commits (the file stays consistent). FULL would fsync every commit on
  // the event loop, which dominated live-editing latency (bench/yjs-load.ts).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  connections.set(db, sqlite);
  return db;
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
