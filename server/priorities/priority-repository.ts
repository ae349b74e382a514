import type { PriorityOption } from '../../shared/api.js';
import { chairs } from '../../shared/permissions.js';
import { ROLES } from '../../shared/roles.js';
import type { Db } from '../db/database.js';

/** A priority as stored, with the names it is shown by. */
export interface PriorityRecord {
  id: number;
  bodyId: number;
  bodyName: string;
  title: string;
  description: string;
  theme: string;
  period: string;
  publishedBy: { id: number; name: string };
  publishedAt: string;
}

/** One body a priority was routed to, and where it stands there. */
export interface TargetRecord {
  priorityId: number;
  bodyId: number;
  bodyName: string;
  confidential: boolean;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: number; name: string } | null;
  agendaMeetingId: number | null;
}

export interface NewPriority {
  bodyId: number;
  title: string;
  description: string;
  theme: string;
  period: string;
  publishedBy: number;
  targetBodyIds: readonly number[];
}

/** Stores a priority and the bodies it is routed to, together. */
export async function insertPriority(db: Db, priority: NewPriority, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('priorities')
      .values({
        body_id: priority.bodyId,
        title: priority.title,
        description: priority.description,
        theme: priority.theme,
        period: priority.period,
        published_by: priority.publishedBy,
        published_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('priority_targets')
      .values(priority.targetBodyIds.map((bodyId) => ({ priority_id: id, body_id: bodyId })))
      .execute();
    return id;
  });
}

export async function findPriorities(db: Db, priorityIds: readonly number[]): Promise<PriorityRecord[]> {
  if (priorityIds.length === 0) return [];
  const rows = await db
    .selectFrom('priorities')
    .innerJoin('bodies', 'bodies.id', 'priorities.body_id')
    .innerJoin('users', 'users.id', 'priorities.published_by')
    .selectAll('priorities')
    .select(['bodies.name as body_name', 'users.name as publisher_name'])
    .where('priorities.id', 'in', priorityIds)
    .orderBy('priorities.published_at', 'desc')
    .orderBy('priorities.id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    title: row.title,
    description: row.description,
    theme: row.theme,
    period: row.period,
    publishedBy: { id: row.published_by, name: row.publisher_name },
    publishedAt: row.published_at,
  }));
}

/** The bodies the priorities were routed to, in the partnership's order (tier, then name). */
export async function listTargets(db: Db, priorityIds: readonly number[]): Promise<TargetRecord[]> {
  if (priorityIds.length === 0) return [];
  const rows = await db
    .selectFrom('priority_targets')
    .innerJoin('bodies', 'bodies.id', 'priority_targets.body_id')
    .leftJoin('users', 'users.id', 'priority_targets.acknowledged_by')
    .selectAll('priority_targets')
    .select(['bodies.name as body_name', 'bodies.confidential', 'users.name as acknowledger_name'])
    .where('priority_targets.priority_id', 'in', priorityIds)
    .orderBy('bodies.tier')
    .orderBy('bodies.name')
    .execute();
  return rows.map((row) => ({
    priorityId: row.priority_id,
    bodyId: row.body_id,
    bodyName: row.body_name,
    confidential: row.confidential === 1,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedBy: row.acknowledged_by !== null ? { id: row.acknowledged_by, name: row.acknowledger_name ?? 'A former member' } : null,
    agendaMeetingId: row.agenda_meeting_id,
  }));
}

export async function sentPriorityIds(db: Db, bodyId: number): Promise<number[]> {
  return (await db.selectFrom('priorities').select('id').where('body_id', '=', bodyId).execute()).map((row) => row.id);
}

/** The priorities routed to the body: the only ones its actions may serve. */
export async function receivedPriorityIds(db: Db, bodyId: number): Promise<Set<number>> {
  return new Set((await db.selectFrom('priority_targets').select('priority_id').where('body_id', '=', bodyId).execute()).map((row) => row.priority_id));
}

/** What the body's actions may be linked to, newest first. */
export async function priorityOptions(db: Db, bodyId: number): Promise<PriorityOption[]> {
  const rows = await db
    .selectFrom('priority_targets')
    .innerJoin('priorities', 'priorities.id', 'priority_targets.priority_id')
    .innerJoin('bodies', 'bodies.id', 'priorities.body_id')
    .select(['priorities.id', 'priorities.title', 'bodies.id as from_id', 'bodies.name as from_name'])
    .where('priority_targets.body_id', '=', bodyId)
    .orderBy('priorities.published_at', 'desc')
    .orderBy('priorities.id', 'desc')
    .execute();
  return rows.map((row) => ({ id: row.id, title: row.title, fromBody: { id: row.from_id, name: row.from_name } }));
}

/** Marks the priority acknowledged for the body; false if it already was (someone got there first). */
export async function acknowledgeTarget(db: Db, priorityId: number, bodyId: number, userId: number, now = new Date()): Promise<boolean> {
  const result = await db
    .updateTable('priority_targets')
    .set({ acknowledged_by: userId, acknowledged_at: now.toISOString() })
    .where('priority_id', '=', priorityId)
    .where('body_id', '=', bodyId)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setAgendaMeeting(db: Db, priorityId: number, bodyId: number, meetingId: number): Promise<void> {
  await db
    .updateTable('priority_targets')
    .set({ agenda_meeting_id: meetingId })
    .where('priority_id', '=', priorityId)
    .where('body_id', '=', bodyId)
    .execute();
}

/** Priorities routed to the body that are on none of its meetings' agendas yet, oldest first. */
export async function prioritiesWaitingForAgenda(db: Db, bodyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('priority_targets')
    .innerJoin('priorities', 'priorities.id', 'priority_targets.priority_id')
    .select('priorities.id')
    .where('priority_targets.body_id', '=', bodyId)
    .where('priority_targets.agenda_meeting_id', 'is', null)
    .orderBy('priorities.published_at')
    .orderBy('priorities.id')
    .execute();
  return rows.map((row) => row.id);
}

/** The chair and vice-chair of a body: those a priority routed to it is for. */
export async function listChairIds(db: Db, bodyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('body_id', '=', bodyId)
    .where('role', 'in', ROLES.filter((role) => chairs(role)))
    .execute();
  return rows.map((row) => row.user_id);
}
