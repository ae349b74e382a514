// A keystroke's commit in isolation: 40 documents typed into in turn, each
// folded into a snapshot every 500 updates, on a file database with Quorum's
// pragmas (WAL, synchronous=NORMAL, locking_mode=EXCLUSIVE). Prints µs per
// commit and WAL frames per commit for the update log as Quorum keys it
// (doc_name, id: WITHOUT ROWID) and, for comparison, a rowid table keyed by
// document number × 2³² + update id.
// Env: BENCH_COMMITS (60000).
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DOCUMENTS = 40;
const COMMITS = Number(process.env.BENCH_COMMITS ?? 60_000);
const FOLD_EVERY = 500;

interface LogShape {
  create: string;
  insert: string;
  insertArgs(doc: number, id: number, update: Uint8Array, at: string): unknown[];
  fold: string;
  foldArgs(doc: number, id: number): unknown[];
}

const shapes: Record<string, LogShape> = {
  'keyed by (doc_name, id), as Quorum stores it': {
    create: 'create table log (doc_name text not null, id integer not null, "update" blob not null, user_id integer, created_at text not null, primary key (doc_name, id)) without rowid',
    insert: 'insert into log (doc_name, id, "update", user_id, created_at) values (?, ?, ?, ?, ?)',
    insertArgs: (doc, id, update, at) => [`meeting.${1000 + doc}`, id, update, 7, at],
    fold: 'delete from log where doc_name = ? and id <= ?',
    foldArgs: (doc, id) => [`meeting.${1000 + doc}`, id],
  },
  'rowid = document × 2³² + id': {
    create: 'create table log (key integer primary key, "update" blob not null, user_id integer, created_at text not null)',
    insert: 'insert into log (key, "update", user_id, created_at) values ((? << 32) | ?, ?, ?, ?)',
    insertArgs: (doc, id, update, at) => [1000 + doc, id, update, 7, at],
    fold: 'delete from log where key between (? << 32) and ((? << 32) | ?)',
    foldArgs: (doc, id) => [1000 + doc, 1000 + doc, id],
  },
};

const keystrokes = Array.from({ length: 64 }, (_, index) => randomBytes(20 + (index % 30)));
for (const [name, shape] of Object.entries(shapes)) {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-log-'));
  const db = new Database(join(dir, 'log.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_autocheckpoint = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec(shape.create);
    db.exec('create table snapshots (doc_name text primary key, state blob not null, last_update_id integer not null)');
    const insert = db.prepare(shape.insert);
    const fold = db.prepare(shape.fold);
    const snapshot = db.prepare(
      'insert into snapshots values (?, ?, ?) on conflict (doc_name) do update set state = excluded.state, last_update_id = excluded.last_update_id',
    );
    const lastIds = new Array<number>(DOCUMENTS).fill(0);
    let frames = 0;
    let commitNs = 0n;
    const checkpoint = () => {
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      frames += result!.log;
    };
    for (let index = 0; index < COMMITS; index++) {
      const doc = index % DOCUMENTS;
      const id = ++lastIds[doc]!;
      const started = process.hrtime.bigint();
      insert.run(...shape.insertArgs(doc, id, keystrokes[index % keystrokes.length]!, new Date().toISOString()));
      commitNs += process.hrtime.bigint() - started;
      if (id % FOLD_EVERY === 0) {
        db.transaction(() => {
          snapshot.run(`meeting.${1000 + doc}`, randomBytes(3000), id);
          fold.run(...shape.foldArgs(doc, id));
        })();
      }
      if (index % 5000 === 4999) checkpoint();
    }
    checkpoint();
    console.log(`${name.padEnd(46)} ${(Number(commitNs) / COMMITS / 1000).toFixed(2)} µs a commit, ${(frames / COMMITS).toFixed(2)} WAL frames a commit (folds included)`);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
