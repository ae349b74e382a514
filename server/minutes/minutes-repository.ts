/** What a meeting's minutes are built from, read from the SQL mirror of its live document (at most a burst of typing behind). */
import { sql } from 'kysely';
import type { MinutesSourceAction } from '../../shared/council-minutes.js';
import { isMinuted } from '../../shared/council-minutes.js';
import type { AgendaItem, MeetingSnapshot } from '../../shared/meeting-doc.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import type { Db } from '../db/database.js';

export async function readMeetingSnapshot(db: Db, meetingId: number, status: MeetingStatus): Promise<MeetingSnapshot> {
  const [items, decisions, attendance, declarations] = await Promise.all([
    db.selectFrom('agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute(),
    db.selectFrom('decisions').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute(),
    db.selectFrom('attendance').selectAll().where('meeting_id', '=', meetingId).execute(),
    db.selectFrom('declarations').selectAll().where('meeting_id', '=', meetingId).orderBy('declaration_id').execute(),
  ]);
  const agenda: AgendaItem[] = items.map((row) => ({
    id: row.item_id,
    title: row.title,
    presenter: row.presenter,
    minutesAllotted: row.minutes_allotted,
    partTwo: row.part_two === 1,
    exemptionParagraph: row.exemption_paragraph,
    order: row.position,
    minutes: row.minutes,
    decisions: decisions.filter((d) => d.item_id === row.item_id).map((d) => ({ id: d.decision_id, text: d.text })),
  }));
  return {
    status,
    minutesStage: 'draft',
    currentItemId: null,
    timerStartedAt: null,
    agenda,
    attendance: Object.fromEntries(attendance.map((row) => [row.user_id, row.status])),
    declarations: declarations.map((row) => ({ id: row.declaration_id, userId: row.user_id, itemId: row.item_id, interest: row.interest })),
  };
}

/**
 * The number this meeting's first minuted item takes: the body numbers its
 * minutes in one series across meetings, so it follows the minuted items of
 * every earlier meeting. Items with minutes text are counted in SQL; the few
 * with only decisions are checked with the builder's own rule.
 */
export async function firstItemNumber(db: Db, meeting: { id: number; bodyId: number; startsAt: string }): Promise<number> {
  const earlier = db
    .selectFrom('meetings')
    .select('id')
    .where('body_id', '=', meeting.bodyId)
    .where((eb) => eb.or([eb('starts_at', '<', meeting.startsAt), eb.and([eb('starts_at', '=', meeting.startsAt), eb('id', '<', meeting.id)])]));
  const { count } = await db
    .selectFrom('agenda_items')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('meeting_id', 'in', earlier)
    .where(sql<boolean>`trim(minutes) <> ''`)
    .executeTakeFirstOrThrow();
  const decided = await db
    .selectFrom('decisions')
    .innerJoin('agenda_items', (join) => join.onRef('agenda_items.meeting_id', '=', 'decisions.meeting_id').onRef('agenda_items.item_id', '=', 'decisions.item_id'))
    .select(['decisions.meeting_id', 'decisions.item_id', 'decisions.text'])
    .where('decisions.meeting_id', 'in', earlier)
    .where(sql<boolean>`trim(agenda_items.minutes) = ''`)
    .execute();
  const byItem = new Map<string, { text: string }[]>();
  for (const row of decided) {
    const key = `${row.meeting_id}/${row.item_id}`;
    byItem.set(key, [...(byItem.get(key) ?? []), { text: row.text }]);
  }
  const decidedOnly = [...byItem.values()].filter((decisions) => isMinuted({ minutes: '', decisions })).length;
  return 1 + Number(count) + decidedOnly;
}

export async function listMeetingActions(db: Db, meetingId: number): Promise<MinutesSourceAction[]> {
  const rows = await db
    .selectFrom('actions')
    .leftJoin('users', 'users.id', 'actions.owner_id')
    .leftJoin('agencies', 'agencies.id', 'actions.lead_agency_id')
    .select(['actions.action_id', 'actions.reference', 'actions.title', 'actions.due_date', 'actions.source_item_id', 'users.name as owner_name', 'agencies.name as agency_name'])
    .where('actions.source_meeting_id', '=', meetingId)
    .orderBy('actions.created_at')
    .orderBy('actions.action_id')
    .execute();
  return rows.map((row) => ({
    actionId: row.action_id,
    reference: row.reference,
    title: row.title,
    ownerName: row.owner_name,
    leadAgencyName: row.agency_name,
    dueDate: row.due_date,
    sourceItemId: row.source_item_id,
  }));
}

/** Escalations the body sent up while the meeting was running. */
export async function listEscalationsMade(db: Db, bodyId: number, from: string | null, to: string | null) {
  if (from === null) return [];
  return db
    .selectFrom('escalations')
    .innerJoin('bodies', 'bodies.id', 'escalations.to_body_id')
    .select(['escalations.summary', 'bodies.name as toBodyName'])
    .where('escalations.from_body_id', '=', bodyId)
    .where('escalations.raised_at', '>=', from)
    .where('escalations.raised_at', '<=', to ?? new Date().toISOString())
    .orderBy('escalations.raised_at')
    .execute();
}

/** Priorities from bodies above that were written onto this meeting's agenda. */
export async function listPrioritiesReceived(db: Db, bodyId: number, meetingId: number) {
  return db
    .selectFrom('priority_targets')
    .innerJoin('priorities', 'priorities.id', 'priority_targets.priority_id')
    .innerJoin('bodies', 'bodies.id', 'priorities.body_id')
    .select(['priorities.title', 'bodies.name as fromBodyName'])
    .where('priority_targets.body_id', '=', bodyId)
    .where('priority_targets.agenda_meeting_id', '=', meetingId)
    .orderBy('priorities.published_at')
    .execute();
}

export async function nextMeetingStart(db: Db, meeting: { id: number; bodyId: number; startsAt: string }): Promise<string | null> {
  const row = await db
    .selectFrom('meetings')
    .select('starts_at')
    .where('body_id', '=', meeting.bodyId)
    .where('starts_at', '>', meeting.startsAt)
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
  return row?.starts_at ?? null;
}
