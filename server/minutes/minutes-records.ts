/**
 * Where each closed meeting's minutes stand (`minutes_records`). A step is
 * claimed in SQL, from the stage it was checked against, so two people
 * taking steps at once cannot both act.
 */
import type { Updateable } from 'kysely';
import type { MinutesStage } from '../../shared/minutes-lifecycle.js';
import type { Db } from '../db/database.js';
import type { MinutesRecordTable } from '../db/tables.js';

export interface MinutesRecord {
  stage: MinutesStage;
  circulatedAt: string | null;
  confirmedAt: string | null;
  confirmedAtMeetingId: number | null;
  movedBy: number | null;
  secondedBy: number | null;
  publishedAt: string | null;
}

const DRAFT: MinutesRecord = {
  stage: 'draft',
  circulatedAt: null,
  confirmedAt: null,
  confirmedAtMeetingId: null,
  movedBy: null,
  secondedBy: null,
  publishedAt: null,
};

/** A meeting with no record yet has a draft. */
export async function readMinutesRecord(db: Db, meetingId: number): Promise<MinutesRecord> {
  const row = await db.selectFrom('minutes_records').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
  if (!row) return DRAFT;
  return {
    stage: row.stage,
    circulatedAt: row.circulated_at,
    confirmedAt: row.confirmed_at,
    confirmedAtMeetingId: row.confirmed_at_meeting_id,
    movedBy: row.moved_by,
    secondedBy: row.seconded_by,
    publishedAt: row.published_at,
  };
}

export type MinutesRecordChanges = Omit<Updateable<MinutesRecordTable>, 'meeting_id' | 'stage' | 'updated_at'>;

/**
 * Moves the minutes from `from` to `to`, with the other columns the step
 * sets; false, changing nothing, when they are no longer at `from` (someone
 * else's step got there first). The caller holds the transaction.
 */
export async function claimStage(
  trx: Db,
  meetingId: number,
  { from, to, at, changes = {} }: { from: MinutesStage; to: MinutesStage; at: string; changes?: MinutesRecordChanges },
): Promise<boolean> {
  await trx
    .insertInto('minutes_records')
    .values({ meeting_id: meetingId, stage: 'draft', updated_at: at })
    .onConflict((conflict) => conflict.column('meeting_id').doNothing())
    .execute();
  const result = await trx
    .updateTable('minutes_records')
    .set({ ...changes, stage: to, updated_at: at })
    .where('meeting_id', '=', meetingId)
    .where('stage', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
