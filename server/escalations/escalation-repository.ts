import type { EscalationStatus } from '../../shared/escalation.js';
import type { Role } from '../../shared/roles.js';
import type { Db } from '../db/database.js';
import type { EscalationRow } from '../db/tables.js';

export type HopRow = EscalationRow;

export interface NewHop {
  previousId: number | null;
  originBodyId: number;
  originActionId: string;
  fromBodyId: number;
  toBodyId: number;
  summary: string;
  reason: string;
  raisedBy: number;
  raisedAt: string;
  agendaMeetingId: number | null;
}

export async function insertHop(db: Db, hop: NewHop): Promise<HopRow> {
  return db
    .insertInto('escalations')
    .values({
      previous_id: hop.previousId,
      origin_body_id: hop.originBodyId,
      origin_action_id: hop.originActionId,
      from_body_id: hop.fromBodyId,
      to_body_id: hop.toBodyId,
      summary: hop.summary,
      reason: hop.reason,
      raised_by: hop.raisedBy,
      raised_at: hop.raisedAt,
      agenda_meeting_id: hop.agendaMeetingId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findHop(db: Db, id: number): Promise<HopRow | undefined> {
  return db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every hop of every chain an action started: trails and paths are worked out from these. */
export async function listOriginHops(db: Db, originBodyId: number, originActionId: string): Promise<HopRow[]> {
  return db
    .selectFrom('escalations')
    .selectAll()
    .where('origin_body_id', '=', originBodyId)
    .where('origin_action_id', '=', originActionId)
    .orderBy('id')
    .execute();
}

/** Hops a body received and sent, newest first. */
export async function listBodyHops(db: Db, bodyId: number): Promise<{ received: HopRow[]; sent: HopRow[] }> {
  const rows = await db
    .selectFrom('escalations')
    .selectAll()
    .where((eb) => eb.or([eb('to_body_id', '=', bodyId), eb('from_body_id', '=', bodyId)]))
    .orderBy('id', 'desc')
    .execute();
  return { received: rows.filter((row) => row.to_body_id === bodyId), sent: rows.filter((row) => row.from_body_id === bodyId) };
}

/** The hops a body adopted as the given action of its own log. */
export async function listAdoptingHops(db: Db, bodyId: number, actionId: string): Promise<HopRow[]> {
  return db.selectFrom('escalations').selectAll().where('to_body_id', '=', bodyId).where('adopted_action_id', '=', actionId).execute();
}

/** The newest hop continuing each of the given hops. */
export async function findNextIds(db: Db, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('escalations')
    .select(['previous_id', (eb) => eb.fn.max('id').as('next_id')])
    .where('previous_id', 'in', ids)
    .groupBy('previous_id')
    .execute();
  return new Map(rows.flatMap((row) => (row.previous_id === null ? [] : [[row.previous_id, Number(row.next_id)]])));
}

export interface HopAnswer {
  status: Exclude<EscalationStatus, 'open'>;
  text: string;
  by: number;
  at: string;
  adoptedActionId?: string;
}

/** Records an answer, only if the hop still awaits one; false when someone answered first. */
export async function answerHop(db: Db, id: number, answer: HopAnswer): Promise<boolean> {
  const result = await db
    .updateTable('escalations')
    .set({
      status: answer.status,
      answer: answer.text,
      answered_by: answer.by,
      answered_at: answer.at,
      ...(answer.adoptedActionId === undefined ? {} : { adopted_action_id: answer.adoptedActionId }),
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A hop sent back down by the tier above is waiting for its receiving body again, unanswered. */
export async function reopenHop(db: Db, id: number): Promise<void> {
  await db.updateTable('escalations').set({ status: 'open', answer: null, answered_by: null, answered_at: null, adopted_action_id: null }).where('id', '=', id).execute();
}

export async function setAgendaMeeting(db: Db, id: number, meetingId: number): Promise<void> {
  await db.updateTable('escalations').set({ agenda_meeting_id: meetingId }).where('id', '=', id).execute();
}

/** Open hops to a body not yet written onto any meeting's agenda, oldest first. */
export async function listHopsWaitingForAgenda(db: Db, bodyId: number): Promise<HopRow[]> {
  return db
    .selectFrom('escalations')
    .selectAll()
    .where('to_body_id', '=', bodyId)
    .where('status', '=', 'open')
    .where('agenda_meeting_id', 'is', null)
    .orderBy('id')
    .execute();
}

/** The bodies whose logs hold an action with this id (ids are unique only within a body), with its status there. */
export async function listActionHolders(db: Db, actionId: string) {
  return db.selectFrom('actions').select(['body_id', 'status']).where('action_id', '=', actionId).execute();
}

/** An action's reference, title and status, as its log was last projected. */
export async function findActionRefs(db: Db, keys: readonly { bodyId: number; actionId: string }[]) {
  if (keys.length === 0) return [];
  return db
    .selectFrom('actions')
    .select(['body_id', 'action_id', 'reference', 'title', 'status', 'owner_id'])
    .where((eb) => eb.or(keys.map((key) => eb.and([eb('body_id', '=', key.bodyId), eb('action_id', '=', key.actionId)]))))
    .execute();
}

export async function findUserNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Members of a body holding one of the given roles. */
export async function listBodyPeople(db: Db, bodyId: number, roles: readonly Role[]): Promise<number[]> {
  if (roles.length === 0) return [];
  const rows = await db.selectFrom('memberships').select('user_id').where('body_id', '=', bodyId).where('role', 'in', [...roles]).execute();
  return rows.map((row) => row.user_id);
}

export async function findBodyNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('bodies').select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
