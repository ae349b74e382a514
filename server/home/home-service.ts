import type { BodyAccountability, HomeResponse, OverdueTally } from '../../shared/api.js';
import { mayReadBody, runsBody } from '../../shared/permissions.js';
import { countOwnedActions, listOwnedActions } from '../actions/action-repository.js';
import type { Db } from '../db/database.js';
import { countOverdueActions, listLiveMeetings, listMyBodies, listNextMeetings } from './home-repository.js';

const NEXT_MEETINGS = 5;
const FIRST_ACTIONS = 5;

function tally(rows: { id: number | null; name: string | null; overdue: number }[]): OverdueTally[] {
  const byKey = new Map<number | null, OverdueTally>();
  for (const row of rows) {
    const entry = byKey.get(row.id) ?? { id: row.id, name: row.name, overdue: 0 };
    entry.overdue += Number(row.overdue);
    byKey.set(row.id, entry);
  }
  return [...byKey.values()].sort((a, b) => b.overdue - a.overdue || (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff', 'en-GB'));
}

/** The home page: what is on now and next in my bodies, my actions, and — for those who run a body — where its overdue actions sit. */
export function createHomeService({ db }: { db: Db }) {
  return {
    async home(userId: number, now = new Date()): Promise<HomeResponse> {
      // Only the bodies I sit on, and through the rulebook, so a confidential body's business reaches its members alone.
      const bodies = (await listMyBodies(db, userId)).filter((body) => mayReadBody(body));
      const readable = bodies.map((body) => body.id);
      const run = bodies.filter((body) => runsBody(body.myRole));
      const [liveMeetings, nextMeetings, counts, first, overdueRows] = await Promise.all([
        listLiveMeetings(db, readable),
        listNextMeetings(db, readable, NEXT_MEETINGS, now),
        countOwnedActions(db, userId, now),
        listOwnedActions(db, userId, now),
        countOverdueActions(db, run.map((body) => body.id), now),
      ]);
      const accountability: BodyAccountability[] = run
        .map((body) => {
          const rows = overdueRows.filter((row) => row.body_id === body.id);
          return {
            bodyId: body.id,
            bodyName: body.name,
            overdue: rows.reduce((sum, row) => sum + Number(row.overdue), 0),
            byOwner: tally(rows.map((row) => ({ id: row.owner_id, name: row.owner_name, overdue: row.overdue }))),
            byLeadAgency: tally(rows.map((row) => ({ id: row.lead_agency_id, name: row.agency_name, overdue: row.overdue }))),
          };
        })
        .sort((a, b) => a.bodyName.localeCompare(b.bodyName, 'en-GB'));
      return { liveMeetings, nextMeetings, myActions: { ...counts, first: first.slice(0, FIRST_ACTIONS) }, accountability };
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
