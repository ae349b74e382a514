import type { BodySummary } from '../../shared/api.js';
import { buildCouncilMinutes, hasPublicVersion, type CouncilMinutes, type MinutesVersion } from '../../shared/council-minutes.js';
import { mayReadBody, mayReadMinutes } from '../../shared/permissions.js';
import type { Db } from '../db/database.js';
import { forbidden, HttpError, notFound } from '../http/http-error.js';
import { findMeeting, type MeetingRecord } from '../meetings/meeting-repository.js';
import { findBody } from '../partnership/body-repository.js';
import { readActionStates, withActionStates } from './minutes-action-states.js';
import { gatherMinutesSource } from './minutes-source.js';
import { readMinutesStage } from './minutes-stage.js';
import { listVersions, revisionOf, storedCopy, type StoredVersion } from './minutes-versions.js';

/** Which copy to read: a stored version's number, the working copy, or (undefined) the latest the reader may read. */
export type MinutesRevisionChoice = number | 'working' | undefined;

export const NOT_PUBLISHED = 'The minutes of this meeting are not published yet';

/**
 * A meeting's minutes, for whoever may read them (`mayReadMinutes`). Members
 * read every copy: the working copy and each stored version, full or public.
 * Every other partner reads only the public copy of a published version of an
 * open body's minutes; asking for another is refused with the reason, and a
 * version number that was never stored is not found. (An unpublished version
 * that exists is refused, not hidden: an open body's minutes status, with its
 * list of versions, is open to every partner.) A confidential body's meetings
 * answer a non-member exactly as a missing meeting does.
 */
export async function readCouncilMinutes(
  db: Db,
  meetingId: number,
  userId: number,
  version: MinutesVersion,
  revision?: MinutesRevisionChoice,
): Promise<CouncilMinutes> {
  const { meeting, body } = await readableMeeting(db, meetingId, userId);
  if (version === 'public' && !hasPublicVersion(body)) {
    throw new HttpError(404, 'not_found', `${body.name} is confidential: its minutes have no public version`);
  }
  if (!mayReadMinutes(body, version, true)) throw forbidden(`Only members of ${body.name} read the full minutes`);
  const [versions, stage] = await Promise.all([listVersions(db, meetingId), readMinutesStage(db, meetingId)]);
  const readable = (stored: StoredVersion) => mayReadMinutes(body, version, stored.publishedAt !== null);

  let chosen: StoredVersion | undefined;
  if (typeof revision === 'number') {
    chosen = versions.find((stored) => stored.number === revision);
    if (!chosen) throw notFound(`Version ${revision} of these minutes`);
  } else if (revision === undefined) {
    chosen = versions.findLast(readable);
  }
  // The working copy is never published.
  if (chosen ? !readable(chosen) : !mayReadMinutes(body, version, false)) throw forbidden(NOT_PUBLISHED);

  const minutes = chosen
    ? { ...storedCopy(chosen, version)!, stage, revision: revisionOf(chosen, version) }
    : await workingCopy(db, { meeting, body, version, latest: versions.at(-1) });
  if (!mayReadBody(body)) return minutes;
  const states = await readActionStates(db, body.id, minutes.actions.map((action) => action.actionId));
  return { ...minutes, actions: withActionStates(minutes.actions, states) };
}

/** The meeting and its body, if the caller may read the body at all; otherwise "not found", as for a missing id. */
export async function readableMeeting(db: Db, meetingId: number, userId: number): Promise<{ meeting: MeetingRecord; body: BodySummary }> {
  const meeting = await findMeeting(db, meetingId);
  const body = meeting && (await findBody(db, meeting.bodyId, userId));
  if (!meeting || !body || !mayReadBody(body)) throw notFound('Meeting');
  return { meeting, body };
}

interface WorkingCopyOf {
  meeting: MeetingRecord;
  body: BodySummary;
  version: MinutesVersion;
  /** The latest stored version, whose confirmation a correction in progress still carries. */
  latest: StoredVersion | undefined;
}

/** The minutes as they stand in the meeting's document now (its SQL mirror): a draft that may still change. */
async function workingCopy(db: Db, { meeting, body, version, latest }: WorkingCopyOf): Promise<CouncilMinutes> {
  const source = await gatherMinutesSource(db, meeting, body, version);
  return buildCouncilMinutes({ ...source, confirmation: latest ? (storedCopy(latest, 'full')?.confirmation ?? null) : null });
}
