import { TZDate } from '@date-fns/tz';
import { addWeeks, nextTuesday, previousTuesday } from 'date-fns';
import type { Cadence } from '../../shared/bodies.js';
import { TIME_ZONE } from '../../shared/dates.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import { hashPassword } from '../auth/password.js';
import { sqliteOf, type Db } from '../db/database.js';
import { defaultMeetingTitle, meetingDocName, standardAgenda } from '../../shared/meetings.js';
import { actionLogDocName } from '../../shared/action-log-doc.js';
import { writeActionLogProjection } from '../actions/action-projection.js';
import { DEMO_ACTIONS, DEMO_AGENCIES, DEMO_BODIES, DEMO_PASSWORD, DEMO_USERS } from './demo-partnership.js';
import { demoActionLog } from './demo-action-log.js';
import { writeMeetingProjection } from '../meetings/meeting-projection.js';
import { storeNewDocument } from '../realtime/document-store.js';
import { demoMeetingDocument } from './demo-meeting-document.js';

const STANDING_ITEM_MINUTES = 15;

/** Weeks between meetings: whole weeks keep every demo meeting on a Tuesday. */
const WEEKS_BETWEEN: Record<Cadence, number> = {
  weekly: 1,
  fortnightly: 2,
  monthly: 4,
  'bi-monthly': 8,
  quarterly: 13,
  'bi-annual': 26,
};

/** A meeting day at 10:00 on the wall clocks in Loughborough, whatever the server's zone. */
function meetingStart(day: Date): string {
  const local = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), 10, 0, TIME_ZONE);
  return new Date(local.getTime()).toISOString();
}


/** Two past meetings and two upcoming ones per body, spaced by its cadence. */
export function demoMeetingDates(cadence: Cadence, now: Date): { startsAt: string; past: boolean }[] {
  const next = nextTuesday(now);
  const last = previousTuesday(now);
  return [
    { day: addWeeks(last, -WEEKS_BETWEEN[cadence]), past: true },
    { day: last, past: true },
    { day: next, past: false },
    { day: addWeeks(next, WEEKS_BETWEEN[cadence]), past: false },
  ].map(({ day, past }) => ({ startsAt: meetingStart(day), past }));
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const row = await db.selectFrom('bodies').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count) === 0;
}

/**
 * Writes the demo partnership into an empty database, in one transaction.
 * Meeting documents are written straight to the update log; the SQL
 * projection of their agendas follows when each is first opened.
 */
export async function seedDemoPartnership(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<void> {
  // Hash before the transaction: scrypt is slow on purpose and runs on the thread pool.
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  const createdAt = now.toISOString();

  await db.transaction().execute(async (trx) => {
    const agencyIds = new Map<string, number>();
    for (const agency of DEMO_AGENCIES) {
      const { id } = await trx
        .insertInto('agencies')
        .values({ name: agency.name, short_name: agency.shortName })
        .returning('id')
        .executeTakeFirstOrThrow();
      agencyIds.set(agency.key, id);
    }

    const bodyIds = new Map<string, number>();
    for (const body of DEMO_BODIES) {
      const parentId = body.parent === null ? null : bodyIds.get(body.parent);
      if (parentId === undefined) throw new Error(`Demo body ${body.key} is listed before its parent ${body.parent}`);
      const { id } = await trx
        .insertInto('bodies')
        .values({
          name: body.name,
          short_name: body.shortName,
          kind: body.kind,
          tier: body.tier,
          parent_id: parentId,
          confidential: body.confidential ? 1 : 0,
          cadence: body.cadence,
          description: body.description,
          reference_prefix: body.referencePrefix,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      bodyIds.set(body.key, id);
      for (const [position, title] of body.standingItems.entries()) {
        await trx
          .insertInto('body_standing_items')
          .values({ body_id: id, position, title, minutes_allotted: STANDING_ITEM_MINUTES })
          .execute();
      }
    }


    for (const [index, user] of DEMO_USERS.entries()) {
      const agencyId = agencyIds.get(user.agency);
      if (agencyId === undefined) throw new Error(`Demo user ${user.email} has unknown agency ${user.agency}`);
      const { id: userId } = await trx
        .insertInto('users')
        .values({ email: user.email, name: user.name, agency_id: agencyId, password_hash: hashes[index]!, created_at: createdAt })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const [bodyKey, role] of Object.entries(user.memberships)) {
        const bodyId = bodyIds.get(bodyKey);
        if (bodyId === undefined || role === undefined) throw new Error(`Demo user ${user.email} sits on unknown body ${bodyKey}`);
        await trx.insertInto('memberships').values({ body_id: bodyId, user_id: userId, role }).execute();
      }
    }

    for (const body of DEMO_BODIES) {
      const bodyId = bodyIds.get(body.key)!;
      const memberIds = (await trx.selectFrom('memberships').select('user_id').where('body_id', '=', bodyId).execute()).map(
        (row) => row.user_id,
      );
      const agenda = standardAgenda(body.standingItems.map((title) => ({ title, minutesAllotted: STANDING_ITEM_MINUTES })));
      for (const { startsAt, past } of demoMeetingDates(body.cadence, now)) {
        const status = past ? 'closed' : 'scheduled';
        const { id: meetingId } = await trx
          .insertInto('meetings')
          .values({
            body_id: bodyId,
            title: defaultMeetingTitle(body.shortName, startsAt),
            starts_at: startsAt,
            location: body.location,
            status,
            created_at: createdAt,
            started_at: past ? startsAt : null,
            closed_at: past ? startsAt : null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const { update, snapshot } = demoMeetingDocument({ status, agenda, memberIds });
        await storeNewDocument(trx, meetingDocName(meetingId), update, createdAt);
        writeMeetingProjection(sqliteOf(db), meetingId, snapshot); // on the connection, inside this transaction
      }
    }

    const userIds = new Map(
      (await trx.selectFrom('users').select(['id', 'email']).execute()).map((row) => [row.email.split('@')[0]!, row.id]),
    );
    for (const body of DEMO_BODIES) {
      const bodyId = bodyIds.get(body.key)!;
      const inputs = DEMO_ACTIONS.filter((action) => action.body === body.key).map((action) => ({
        ...action,
        ownerId: userIds.get(action.owner)!,
        leadAgencyId: agencyIds.get(action.agency)!,
      }));
      if (inputs.length === 0) continue;
      const { update, actions } = demoActionLog(body.referencePrefix, inputs, now);
      await storeNewDocument(trx, actionLogDocName(bodyId), update, createdAt);
      await writeActionLogProjection(trx, bodyId, actions, []);
    }

    await recordAuditEvent(trx, { actorUserId: null, action: 'demo.seeded', subjectType: 'database' }, now);
  });
}
