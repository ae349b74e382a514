import { londonToday } from '../../shared/actions.js';
import type { HomeMeeting } from '../../shared/api.js';
import type { Role } from '../../shared/roles.js';
import type { Db } from '../db/database.js';
import { toMeetingSummary } from '../partnership/body-repository.js';

/** The bodies a user sits on, with their role and whether the body is confidential. */
export async function listMyBodies(db: Db, userId: number): Promise<{ id: number; name: string; confidential: boolean; myRole: Role }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('bodies', 'bodies.id', 'memberships.body_id')
    .select(['bodies.id', 'bodies.name', 'bodies.confidential', 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, confidential: row.confidential === 1, myRole: row.role }));
}

function meetingsOf(db: Db, bodyIds: number[]) {
  return db
    .selectFrom('meetings')
    .innerJoin('bodies', 'bodies.id', 'meetings.body_id')
    .selectAll('meetings')
    .select('bodies.name as body_name')
    .where('meetings.body_id', 'in', bodyIds);
}

type MeetingWithBody = Awaited<ReturnType<ReturnType<typeof meetingsOf>['execute']>>[number];

const toHomeMeeting = ({ body_name, ...row }: MeetingWithBody): HomeMeeting => ({ ...toMeetingSummary(row), bodyName: body_name });

export async function listLiveMeetings(db: Db, bodyIds: number[]): Promise<HomeMeeting[]> {
  if (bodyIds.length === 0) return [];
  const rows = await meetingsOf(db, bodyIds).where('meetings.status', '=', 'live').orderBy('meetings.starts_at').execute();
  return rows.map(toHomeMeeting);
}

/** Scheduled meetings that have not yet started, soonest first. Start times are stored as UTC ISO strings, so text order is time order. */
export async function listNextMeetings(db: Db, bodyIds: number[], limit: number, now = new Date()): Promise<HomeMeeting[]> {
  if (bodyIds.length === 0) return [];
  const rows = await meetingsOf(db, bodyIds)
    .where('meetings.status', '=', 'scheduled')
    .where('meetings.starts_at', '>=', now.toISOString())
    .orderBy('meetings.starts_at')
    .limit(limit)
    .execute();
  return rows.map(toHomeMeeting);
}

/** Overdue, outstanding actions of the given bodies, counted per body, owner and lead agency. */
export async function countOverdueActions(db: Db, bodyIds: number[], now = new Date()) {
  if (bodyIds.length === 0) return [];
  const today = londonToday(now);
  return db
    .selectFrom('actions')
    .leftJoin('users as owner', 'owner.id', 'actions.owner_id')
    .leftJoin('agencies as agency', 'agency.id', 'actions.lead_agency_id')
    .select((eb) => [
      'actions.body_id',
      'actions.owner_id',
      'owner.name as owner_name',
      'actions.lead_agency_id',
      'agency.name as agency_name',
      eb.fn.countAll<number>().as('overdue'),
    ])
    .where('actions.body_id', 'in', bodyIds)
    .where('actions.status', 'not in', ['done', 'dropped'])
    .where('actions.due_date', '<', today)
    .groupBy(['actions.body_id', 'actions.owner_id', 'owner.name', 'actions.lead_agency_id', 'agency.name'])
    .execute();
}
