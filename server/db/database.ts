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
  if (path !== ':memory:') checkpointOnATimer(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  connections.set(db, sqlite);
  return db;
}

/** How often the WAL is copied back into the database file. */
const CHECKPOINT_EVERY_MS = 5_000;
/** The WAL is checkpointed at this many pages (~40 MiB) all the same, should the timer fall behind. */
const CHECKPOINT_AT_PAGES = 10_000;

/**
 * Checkpoints (copying the WAL back into the database file, with an fsync)
 * run every few seconds instead of at every 1,000 pages written, SQLite's
 * default: a page written hundreds of times while people type (the tail of
 * the update log) is then copied once, and the event loop is held for one
 * short checkpoint every few seconds rather than one every few hundred
 * keystrokes. Durability does not change: a commit is in the WAL before it
 * returns.
 */
function checkpointOnATimer(sqlite: SQLite.Database): void {
  sqlite.pragma(`wal_autocheckpoint = ${CHECKPOINT_AT_PAGES}`);
  const timer = setInterval(() => {
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      clearInterval(timer); // closed
    }
  }, CHECKPOINT_EVERY_MS);
  timer.unref();
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
