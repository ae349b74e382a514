import type { MeetingResponse } from '../../shared/api.js';
import { MEETING_STATUSES, type MeetingStatus } from '../../shared/meetings.js';
import { meetingPhase, type MeetingPhase, type MinutesStage } from '../../shared/minutes-lifecycle.js';
import { meetingAccess } from '../../shared/permissions.js';

/** Where a meeting stands on its page, and whether the person looking edits it. */
export interface MeetingStanding {
  status: MeetingStatus;
  stage: MinutesStage;
  /** What the rules go by: a closed meeting's document stays open to those running the body while its minutes are drafted. */
  phase: MeetingPhase;
  readonly: boolean;
}

/**
 * Statuses only move forward (scheduled, live, closed), so whichever of the
 * live document and the API's last answer is further along is the news the
 * other has yet to hear. `live` is the document once loaded; `refused` says
 * the server turned this person's session away.
 */
export function meetingStanding(
  response: MeetingResponse,
  live: { status: MeetingStatus; minutesStage: MinutesStage } | null,
  refused: boolean,
): MeetingStanding {
  const fromApi = response.meeting.status;
  const status = live && MEETING_STATUSES.indexOf(live.status) > MEETING_STATUSES.indexOf(fromApi) ? live.status : fromApi;
  const stage = live?.minutesStage ?? 'draft';
  const phase = meetingPhase(status, stage);
  return { status, stage, phase, readonly: refused || meetingAccess(response.body.myRole, phase) !== 'edit' };
}
