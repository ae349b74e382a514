import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.js';
import { createSearchService } from '../../../server/search/index.js';
import { SEARCH_CANDIDATES } from '../../../server/search/search-repository.js';
import { searchRequest } from '../../../shared/search.js';
import { openAndConfidentialBodies } from './search-support.js';

const OPEN = 1;
const CONFIDENTIAL = 2;
const PARTNER = 1;

const action = (bodyId: number, actionId: string, title: string, description: string) => ({
  action_id: actionId, body_id: bodyId, reference: null, title, description, owner_id: null, lead_agency_id: null,
  due_date: null, status: 'open' as const, rag_override: null, rag_override_reason: '', theme: '', resources: '', outcome_measure: '',
  source_meeting_id: null, source_item_id: null, created_at: '2026-11-01T09:00:00.000Z', closed_at: null,
  latest_progress: null, latest_progress_at: null,
});

describe('search ranking', () => {
  let db: Db;
  let cleanup: () => void;

  beforeAll(async () => {
    ({ db, cleanup } = await openAndConfidentialBodies({ open: OPEN, confidential: CONFIDENTIAL }));
    await sql`insert into users (id, email, name, agency_id, password_hash, created_at) values (${PARTNER}, 'p@csp.test', 'Partner', 1, 'x', '2026-11-01')`.execute(db);
    await db.transaction().execute(async (trx) => {
      // The best matches for "kite" by far are the confidential body's, written last (so walked first).
      await trx.insertInto('actions').values([
        action(OPEN, 'weak', 'Park lighting survey', `A long note on park lighting that mentions a kite once ${'and then goes on about lamps '.repeat(6)}`),
        action(OPEN, 'strong', 'Kite flying in the park', 'Kite festival: kites stuck in the trees'),
        action(OPEN, 'middling', 'Tree survey', 'Kite caught in the oak'),
      ]).execute();
      for (let index = 0; index < 300; index++) {
        await trx.insertInto('actions').values(action(CONFIDENTIAL, `c${index}`, 'Kite kite kite', 'KITE kite kite kite')).execute();
      }
      // "bollard" is in many records, "gazebo" in two.
      await trx.insertInto('actions').values([
        action(OPEN, 'north', 'Works north', 'gazebo gazebo bollard'),
        action(OPEN, 'south', 'Works south', 'gazebo bollard bollard'),
        ...Array.from({ length: 20 }, (_, index) => action(OPEN, `bollard${index}`, 'Street works', 'Bollard repair')),
      ]).execute();
      // More readable matches of "lamp" than are ranked in one search.
      for (let index = 0; index <= SEARCH_CANDIDATES; index++) {
        await trx.insertInto('actions').values(action(OPEN, `lamp${index}`, `Lamp ${index}`, 'Replace the lamp')).execute();
      }
    });
  });
  afterAll(async () => {
    await db.destroy();
    cleanup();
  });

  const find = (q: string, limit?: number) => createSearchService({ db }).search(PARTNER, searchRequest.parse({ q, ...(limit ? { limit } : {}) }));

  it('returns the best readable matches, best first, however many better ones are hidden', async () => {
    const answer = await find('kite');
    expect(answer.results.map((result) => result.title)).toEqual(['Kite flying in the park', 'Tree survey', 'Park lighting survey']);
    expect(answer).toMatchObject({ total: 3, totalIsAtLeast: false });
    expect((await find('kite', 1)).results.map((result) => result.title)).toEqual(['Kite flying in the park']);
  });

  it('weighs a rare word above a common one', async () => {
    const answer = await find('bollard gazebo');
    expect(answer.results.map((result) => result.title)).toEqual(['Works north', 'Works south']);
  });

  it('counts readable matches up to the cap and says when there are more', async () => {
    const answer = await find('lamp', 5);
    expect(answer).toMatchObject({ total: SEARCH_CANDIDATES, totalIsAtLeast: true });
    expect(answer.results).toHaveLength(5);
    expect(answer.results.every((result) => /^Lamp \d+$/.test(result.title))).toBe(true);
  });
});
