import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_SORTS, actionFilters, matchesFilters, sortActions } from '../../../shared/action-filters.js';
import { ACTION_STATUSES, londonToday } from '../../../shared/actions.js';
import type { ActionSummary } from '../../../shared/api.js';
import { countOwnedActions, listBodyActions, listOwnedActions, sortKeysOf } from '../../../server/actions/action-repository.js';
import { migrateToLatest, openDatabase, type Db } from '../../../server/db/database.js';
import { temporaryDatabasePath } from '../../support/test-database.js';

// Lists come out of SQL already near their order, through statements prepared
// once: they must still be exactly the shared filter and sort of the whole log.
describe('a body’s action list', () => {
  let db: Db;
  let cleanup: () => void;
  const now = new Date('2026-12-01T12:00:00Z');
  const today = londonToday(now);

  beforeAll(async () => {
    const temporary = temporaryDatabasePath();
    cleanup = temporary.cleanup;
    db = openDatabase({ path: temporary.path });
    await migrateToLatest(db);
    await db.insertInto('agencies').values([{ id: 1, name: 'Leicestershire Police', short_name: 'LP' }, { id: 2, name: 'Charnwood Borough Council', short_name: '' }]).execute();
    await db.insertInto('bodies').values({ id: 1, name: 'Charnwood JAG', short_name: 'JAG', kind: 'jag', tier: 3, parent_id: null, confidential: 0, cadence: 'monthly', reference_prefix: 'JAG' }).execute();
    await db.insertInto('users').values([1, 2].map((id) => ({ id, email: `u${id}@test`, name: id === 1 ? 'zoe Quinn' : 'Adam Báez', agency_id: id, password_hash: 'x', created_at: now.toISOString() }))).execute();
    await db.insertInto('memberships').values([{ body_id: 1, user_id: 1, role: 'chair' }, { body_id: 1, user_id: 2, role: 'member' }]).execute();
    const dues = [null, '2026-11-02', '2026-11-30', '2026-12-01', '2026-12-10', '2027-02-01', '2026-11-02'];
    await db
      .insertInto('actions')
      .values(
        Array.from({ length: 40 }, (_, index) => ({
          action_id: `${index % 3 ? 'a' : 'B'}-${(index * 7) % 40}`,
          body_id: 1,
          reference: index % 9 === 0 ? null : `JAG-${(index * 13) % 40}`,
          title: index % 11 === 0 ? '' : `${index % 2 ? 'hotspot' : 'Hotspot'} patrols ${index}`,
          description: index % 5 ? 'Partners to agree the response.' : 'Covers the Hotspots near the park.',
          owner_id: index % 4 === 0 ? null : 1 + (index % 2),
          lead_agency_id: index % 6 === 0 ? null : 1 + (index % 2),
          due_date: dues[index % dues.length]!,
          status: ACTION_STATUSES[index % ACTION_STATUSES.length]!,
          rag_override: index % 8 === 0 ? ('green' as const) : null,
          rag_override_reason: '',
          theme: ['ASB', 'asb ', '', 'Hate crime'][index % 4]!,
          resources: '',
          outcome_measure: '',
          source_meeting_id: null,
          source_item_id: null,
          created_at: `2026-11-${String(1 + (index % 5)).padStart(2, '0')}T09:00:00.000Z`,
          closed_at: null,
          latest_progress: index % 3 === 0 ? null : `Progress ${index}`,
          latest_progress_at: null,
          progress_count: 0,
        })),
      )
      .execute();
  });
  afterAll(async () => {
    await db.destroy();
    cleanup();
  });

  const filterable = (action: ActionSummary) => ({
    ...action,
    ownerId: action.owner?.id ?? null,
    leadAgencyId: action.leadAgency?.id ?? null,
    latestProgress: action.latestProgress?.text ?? '',
  });

  it('is the shared filter and sort of the whole log, for every sort and filter', async () => {
    const whole = await listBodyActions(db, 1, actionFilters.parse({ status: 'all' }), now);
    expect(whole).toHaveLength(40);
    const queries = [{ status: 'all' }, { status: 'outstanding' }, { status: 'closed' }, { overdue: 'true', q: 'hotspot' }, { overdue: 'false' }, { theme: 'asb' }, { owner: '2' }];
    for (const query of queries) {
      for (const sort of ACTION_SORTS) {
        const filters = actionFilters.parse({ ...query, sort });
        const expected = sortActions(whole.filter((action) => matchesFilters(filterable(action), filters.filter, today)).reverse(), filters.sort, sortKeysOf);
        expect(await listBodyActions(db, 1, filters, now), `${JSON.stringify(query)} by ${sort}`).toEqual(expected);
      }
    }
  });

  it('waits for a write in progress rather than reading it half-done', async () => {
    const before = await listOwnedActions(db, 1, now);
    let reading: Promise<[ActionSummary[], { outstanding: number; overdue: number }]> | undefined;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('actions').set({ owner_id: 2 }).where('owner_id', '=', 1).execute();
      reading = Promise.all([listOwnedActions(db, 1, now), countOwnedActions(db, 1, now)]);
      await trx.updateTable('actions').set({ owner_id: 1 }).where('owner_id', '=', 2).execute();
    });
    const [during, counts] = await reading!;
    expect(during.length).toBeGreaterThan(0);
    expect(counts.outstanding).toBe(during.length);
    expect(during).toEqual(await listOwnedActions(db, 1, now));
    expect(before.every((action) => during.some((each) => each.id === action.id))).toBe(true);
  });
});
