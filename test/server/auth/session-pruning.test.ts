import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSessionPruning } from '../../../server/auth/session-pruning.js';
import { createSession } from '../../../server/auth/sessions.js';
import type { Db } from '../../../server/db/database.js';
import { openSeededTestDatabase, type TestDatabase } from '../../support/test-database.js';

describe('session pruning', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await database?.dispose();
  });

  const sessionCount = async () => (await database!.db.selectFrom('sessions').select('user_id').execute()).length;

  it('deletes expired sessions at start and then on its timer, which does not hold the process open', async () => {
    database = openSeededTestDatabase();
    const db = database.db;
    const { id: userId } = await db.selectFrom('users').select('id').limit(1).executeTakeFirstOrThrow();
    const longAgo = new Date(Date.now() - 24 * 60 * 60 * 1000);
    await createSession(db, userId, longAgo);
    await createSession(db, userId);

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const pruning = await startSessionPruning({ db, everyMs: 60_000 });
    expect(await sessionCount()).toBe(1);
    expect(vi.getTimerCount()).toBe(1);

    await createSession(db, userId, longAgo);
    expect(await sessionCount()).toBe(2);
    vi.advanceTimersByTime(60_000);
    await pruning.stop(); // waits for the prune the timer started
    expect(await sessionCount()).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports a failed prune rather than throwing from the timer', async () => {
    const errors: unknown[] = [];
    const broken = {
      deleteFrom() {
        throw new Error('disk I/O error');
      },
    } as unknown as Db;
    const pruning = await startSessionPruning({ db: broken, log: (error) => errors.push(error) });
    await pruning.stop();
    expect(errors).toEqual([new Error('disk I/O error')]);
  });
});
