import { meetingPhase, type MeetingPhase, type MinutesStage } from '../../shared/minutes-lifecycle.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import type { Db } from '../db/database.js';
import { readMinutesRecord } from './minutes-records.js';

/** Where a meeting's minutes stand; a meeting with no record yet has a draft. */
export async function readMinutesStage(db: Db, meetingId: number): Promise<MinutesStage> {
  return (await readMinutesRecord(db, meetingId)).stage;
}

/** Where a meeting stands for editing its live document (`shared/minutes-lifecycle.ts`). */
export async function readMeetingPhase(db: Db, meeting: { id: number; status: MeetingStatus }): Promise<MeetingPhase> {
  return meeting.status === 'closed' ? meetingPhase(meeting.status, await readMinutesStage(db, meeting.id)) : meeting.status;
}
