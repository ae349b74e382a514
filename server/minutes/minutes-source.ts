import type { BodySummary } from '../../shared/api.js';
import type { MinutesSource, MinutesVersion } from '../../shared/council-minutes.js';
import type { Db } from '../db/database.js';
import type { MeetingRecord } from '../meetings/meeting-repository.js';
import { listBodyMembers } from '../partnership/body-repository.js';
import {
  firstItemNumber,
  listEscalationsMade,
  listMeetingActions,
  listPrioritiesReceived,
  nextMeetingStart,
  readMeetingSnapshot,
} from './minutes-repository.js';
import { readMinutesStage } from './minutes-stage.js';

/**
 * What a meeting's working minutes are built from, read from the SQL mirror
 * of its live document: a draft with no confirmation, at the stage the
 * minutes stand. Flush the document first when the record must hold the
 * last keystrokes (confirming, correcting).
 */
export async function gatherMinutesSource(db: Db, meeting: MeetingRecord, body: BodySummary, version: MinutesVersion): Promise<MinutesSource> {
  const [snapshot, members, actions, escalations, priorities, nextMeetingStartsAt, first, stage] = await Promise.all([
    readMeetingSnapshot(db, meeting.id, meeting.status),
    listBodyMembers(db, body.id),
    listMeetingActions(db, meeting.id),
    listEscalationsMade(db, body.id, meeting.startedAt, meeting.closedAt),
    listPrioritiesReceived(db, body.id, meeting.id),
    nextMeetingStart(db, meeting),
    firstItemNumber(db, meeting),
    readMinutesStage(db, meeting.id),
  ]);
  return {
    body,
    meeting,
    snapshot,
    members,
    actions,
    escalations,
    priorities,
    nextMeetingStartsAt,
    firstItemNumber: first,
    version,
    draft: true,
    confirmation: null,
    stage,
  };
}
