import { buildCouncilMinutes, hasPublicVersion, type CouncilMinutes, type MinutesVersion } from '../../shared/council-minutes.js';
import { mayReadBody, meetingAccess } from '../../shared/permissions.js';
import type { Db } from '../db/database.js';
import { forbidden, HttpError, notFound } from '../http/http-error.js';
import { findMeeting } from '../meetings/meeting-repository.js';
import { findBody, listBodyMembers } from '../partnership/body-repository.js';
import { readMinutesStage } from './minutes-stage.js';
import {
  firstItemNumber,
  listEscalationsMade,
  listMeetingActions,
  listPrioritiesReceived,
  nextMeetingStart,
  readMeetingSnapshot,
} from './minutes-repository.js';

/**
 * A meeting's minutes, for whoever may read them. The full version is for
 * the body's members, as the live document is; until minutes are published
 * the public version is too. A confidential body's meetings answer a
 * non-member exactly as a missing meeting does.
 */
export async function readCouncilMinutes(db: Db, meetingId: number, userId: number, version: MinutesVersion): Promise<CouncilMinutes> {
  const meeting = await findMeeting(db, meetingId);
  const body = meeting && (await findBody(db, meeting.bodyId, userId));
  if (!meeting || !body || !mayReadBody(body)) throw notFound('Meeting');
  if (meetingAccess(body.myRole, meeting.status) === 'none') throw forbidden(`Only members of ${body.name} can read its minutes`);
  if (version === 'public' && !hasPublicVersion(body)) {
    throw new HttpError(404, 'not_found', `${body.name} is confidential: its minutes have no public version`);
  }
  const [snapshot, members, actions, escalations, priorities, nextMeetingStartsAt, first] = await Promise.all([
    readMeetingSnapshot(db, meetingId, meeting.status),
    listBodyMembers(db, body.id),
    listMeetingActions(db, meetingId),
    listEscalationsMade(db, body.id, meeting.startedAt, meeting.closedAt),
    listPrioritiesReceived(db, body.id, meetingId),
    nextMeetingStart(db, meeting),
    firstItemNumber(db, meeting),
  ]);
  return buildCouncilMinutes({
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
    stage: await readMinutesStage(db, meetingId),
  });
}
