import type { BodyMember, BodySummary, MeetingSummary } from '../../shared/api.js';
import type { Role } from '../../shared/roles.js';
import type { Db } from '../db/database.js';
import type { BodyRow, MeetingRow } from '../db/tables.js';

function toBodySummary(row: BodyRow, myRole: Role | null): BodySummary {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    kind: row.kind,
    tier: row.tier,
    parentId: row.parent_id,
    confidential: row.confidential === 1,
    cadence: row.cadence,
    description: row.description,
    myRole,
  };
}

function bodiesWithRole(db: Db, userId: number) {
  return db
    .selectFrom('bodies')
    .leftJoin('memberships', (join) =>
      join.onRef('memberships.body_id', '=', 'bodies.id').on('memberships.user_id', '=', userId),
    )
    .selectAll('bodies')
    .select('memberships.role as my_role');
}

/** Every body, as the given user sees it. Names and shape of the structure are not confidential. */
export async function listBodies(db: Db, userId: number): Promise<BodySummary[]> {
  const rows = await bodiesWithRole(db, userId).orderBy('bodies.tier').orderBy('bodies.name').execute();
  return rows.map(({ my_role, ...row }) => toBodySummary(row, my_role));
}

export async function findBody(db: Db, bodyId: number, userId: number): Promise<BodySummary | undefined> {
  const row = await bodiesWithRole(db, userId).where('bodies.id', '=', bodyId).executeTakeFirst();
  if (!row) return undefined;
  const { my_role, ...body } = row;
  return toBodySummary(body, my_role);
}

export async function listBodyMembers(db: Db, bodyId: number): Promise<BodyMember[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id as user_id',
      'users.name',
      'users.email',
      'memberships.role',
      'agencies.id as agency_id',
      'agencies.name as agency_name',
      'agencies.short_name as agency_short_name',
    ])
    .where('memberships.body_id', '=', bodyId)
    .orderBy('agencies.name')
    .orderBy('users.name')
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    email: row.email,
    role: row.role,
    agency: { id: row.agency_id, name: row.agency_name, shortName: row.agency_short_name },
  }));
}

export function toMeetingSummary(row: MeetingRow): MeetingSummary {
  return {
    id: row.id,
    bodyId: row.body_id,
    title: row.title,
    startsAt: row.starts_at,
    location: row.location,
    status: row.status,
  };
}

export async function listBodyMeetings(db: Db, bodyId: number): Promise<MeetingSummary[]> {
  const rows = await db
    .selectFrom('meetings')
    .selectAll()
    .where('body_id', '=', bodyId)
    .orderBy('starts_at')
    .execute();
  return rows.map(toMeetingSummary);
}
