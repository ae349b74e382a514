import type { Db } from '../db/database.js';
import { deleteExpiredSessions } from './sessions.js';

export interface SessionPruningOptions {
  db: Db;
  /** How often expired sessions are deleted. */
  everyMs?: number;
  log?: (error: unknown) => void;
}

export interface SessionPruning {
  /** Stops the timer and waits for a prune under way, so the database can close after. */
  stop(): Promise<void>;
}

/**
 * Deletes expired sessions now and then on a timer, so the table holds only
 * live ones. An expired token is refused whether or not its row is gone yet;
 * this keeps dead token hashes from piling up. The timer never keeps the
 * process alive.
 */
export async function startSessionPruning({
  db,
  everyMs = 15 * 60 * 1000,
  log = (error) => console.error(error),
}: SessionPruningOptions): Promise<SessionPruning> {
  const prune = () => deleteExpiredSessions(db).catch(log);
  let pruning = prune();
  await pruning;
  const timer = setInterval(() => {
    pruning = pruning.then(prune);
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await pruning;
    },
  };
}
