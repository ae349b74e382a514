import { closeSync, fdatasync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationResultSet, type SqliteDatabase } from 'kysely';
import { migrations } from '../../schema/index.js';
import { keptStatements } from './kept-statements.js';
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
  if (path !== ':memory:') checkpointWhenQuiet(sqlite, path);
  const db = new ConnectionKysely(sqlite);
  connections.set(db, sqlite);
  return db;
}

/**
 * Kysely over one better-sqlite3 connection, which `destroy()` closes even
 * when every statement ran straight on the connection: Kysely's own destroy
 * skips a dialect it never used, and the open connection would go on holding
 * the file (and, once held exclusively, lock everyone else out).
 */
class ConnectionKysely extends Kysely<Database> {
  readonly #sqlite: SQLite.Database;

  constructor(sqlite: SQLite.Database) {
    super({ dialect: new SqliteDialect({ database: preparingOnce(sqlite) }) });
    this.#sqlite = sqlite;
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    if (this.#sqlite.open) this.#sqlite.close();
  }
}

/** Distinct queries whose prepared statements are kept, the most recently used (kysely writes a query shape as the same SQL every time). */
export const PREPARED_STATEMENTS_KEPT = 200;

/** Each connection's kept statements: kysely's, and those of the few hot paths that run SQL straight on the connection. */
const keptByConnection = new WeakMap<SQLite.Database, (sql: string) => SQLite.Statement>();

/**
 * The connection as kysely sees it, preparing each distinct SQL text once
 * (kysely prepares every query afresh). Kysely runs one query at a time on
 * the connection (a streamed one holds it until done), and `keptStatement`'s
 * callers run theirs to completion at once, so a kept statement is never
 * asked for while it is still running.
 */
function preparingOnce(sqlite: SQLite.Database): SqliteDatabase {
  const prepare = keptStatements(PREPARED_STATEMENTS_KEPT, (sql) => sqlite.prepare(sql));
  keptByConnection.set(sqlite, prepare);
  return { close: () => sqlite.close(), prepare };
}

/** The connection's statement for `sql`, prepared once and kept with kysely's; run it to completion before the next query. */
export function keptStatement(sqlite: SQLite.Database, sql: string): SQLite.Statement {
  const prepare = keptByConnection.get(sqlite);
  if (!prepare) throw new Error('not a connection opened by openDatabase');
  return prepare(sql);
}

/** The pause in writing after which the WAL is copied back into the database file. */
const CHECKPOINT_WHEN_QUIET_MS = 1_000;
/**
 * The longest the WAL waits to be copied back while writing never pauses: a
 * longer WAL makes every read and write search a longer index (30 s cost a
 * fifth more CPU under typing load).
 */
const CHECKPOINT_AT_LEAST_EVERY_MS = 5_000;
/** The WAL is checkpointed at this many pages (~40 MiB) all the same, should the timer fall behind. */
const CHECKPOINT_AT_PAGES = 10_000;
/** How often the WAL's new pages are flushed to disk off the event loop (and the checkpoint considered). */
const TICK_MS = 1_000;

/**
 * A checkpoint copies the WAL back into the database file (with an fsync) on
 * the event loop, holding every message meanwhile. SQLite's default runs one
 * every 1,000 pages written, every few hundred keystrokes; here it runs once
 * writing pauses for a second (between bursts of typing), and at least every
 * 5 s under continuous typing. A page written hundreds of times (the tail
 * of the update log) is then copied once. Durability does not change: a
 * commit is in the WAL before it returns.
 *
 * A checkpoint also first fsyncs the WAL, which holds every page committed
 * since the last one. So the WAL is flushed to disk every second on libuv's
 * thread pool (a power cut can then lose at most the last second), and a
 * checkpoint runs the moment such a flush completes: its own fsync of the
 * WAL then finds only the few commits made meanwhile (under typing load a
 * checkpoint held the event loop 5–9 ms when it ran before the flush, ~2 ms
 * after it; the rest is the database file's fsync and the copying).
 */
function checkpointWhenQuiet(sqlite: SQLite.Database, path: string): void {
  sqlite.pragma(`wal_autocheckpoint = ${CHECKPOINT_AT_PAGES}`);
  const walPath = `${path}-wal`;
  let wal: number | undefined;
  let flushing = false;
  let checkpointedAt = Date.now();
  const stop = () => {
    clearInterval(ticks);
    if (wal !== undefined && !flushing) closeSync(wal);
    wal = undefined;
  };
  /** Whether a checkpoint is due: something new in the WAL, and writing paused (or the last was long ago). */
  const checkpointDue = (): boolean => {
    let writtenAt: number;
    try {
      writtenAt = statSync(walPath).mtimeMs;
    } catch {
      return false; // no WAL yet
    }
    const now = Date.now();
    if (writtenAt <= checkpointedAt) return false; // nothing new
    return now - writtenAt >= CHECKPOINT_WHEN_QUIET_MS || now - checkpointedAt >= CHECKPOINT_AT_LEAST_EVERY_MS;
  };
  const checkpoint = () => {
    try {
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      checkpointedAt = Date.now();
    } catch {
      // busy or failing now: the next tick tries again, and SQLite's own at CHECKPOINT_AT_PAGES
    }
  };
  /** Flushes the WAL to disk off the event loop, then checkpoints if `thenCheckpoint`. */
  const flush = (thenCheckpoint: boolean) => {
    try {
      wal ??= openSync(walPath, 'r');
    } catch {
      return; // no WAL yet
    }
    flushing = true;
    const fd = wal;
    fdatasync(fd, () => {
      flushing = false;
      if (wal === undefined) closeSync(fd); // stopped meanwhile
      else if (thenCheckpoint && sqlite.open) checkpoint();
    });
  };
  const ticks = setInterval(() => {
    if (!sqlite.open) return stop();
    if (!flushing) flush(checkpointDue());
  }, TICK_MS);
  ticks.unref();
}

/**
 * Takes the database file for this process alone, until it is closed. A
 * server's live documents are in its memory, so a second server on the same
 * file would store diverging histories; it is refused ("database is locked").
 * Each transaction then also skips the file locking it would otherwise take
 * and release with system calls: a keystroke's commit is ~20 % cheaper. Call
 * it once no other process needs the file (after start-up folding).
 */
export function holdExclusively(db: Db): void {
  const sqlite = sqliteOf(db);
  if (sqlite.memory) return;
  sqlite.pragma('locking_mode = EXCLUSIVE');
  // The lock is taken at the next access and kept; a write takes the write lock too.
  sqlite.exec('begin immediate; commit');
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
