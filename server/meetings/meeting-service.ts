import type { BodySummary, MeetingResponse } from '../../shared/api.js';
import { actionLogDocName } from '../../shared/action-log-doc.js';
import { initialiseMeetingDoc, metaOf } from '../../shared/meeting-doc.js';
import { defaultMeetingTitle, meetingDocName, standardAgenda, type MeetingStatus } from '../../shared/meetings.js';
import type { MeetingPhase } from '../../shared/minutes-lifecycle.js';
import { readMeetingPhase } from '../minutes/minutes-stage.js';
import { mayReadBody, mayScheduleMeeting, mayStartOrCloseMeeting, meetingAccess } from '../../shared/permissions.js';
import type { CreateMeetingRequest } from '../../shared/schemas.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import type { Db } from '../db/database.js';
import { fileSlug } from '../http/download.js';
import { forbidden, HttpError, notFound } from '../http/http-error.js';
import { findBody, listBodyMeetings } from '../partnership/body-repository.js';
import type { DocumentRegistry } from '../realtime/document-registry.js';
import { meetingsCalendar } from './meeting-calendar.js';
import type { LiveNotices } from '../live/live-notices.js';
import { findMeeting, insertMeeting, listMemberIds, listStandingItems, updateMeetingStatus, type MeetingRecord } from './meeting-repository.js';

function toResponse(meeting: MeetingRecord, body: BodySummary, phase: MeetingPhase): MeetingResponse {
  return {
    meeting,
    body,
    docName: meetingDocName(meeting.id),
    access: meetingAccess(body.myRole, phase),
    canRunMeeting: mayStartOrCloseMeeting(body.myRole),
  };
}

export interface MeetingServiceOptions {
  db: Db;
  registry: DocumentRegistry;
  notices: LiveNotices;
  /** Once a meeting is scheduled: escalations and priorities waiting for the body's next agenda are written onto it. */
  onScheduled?: (bodyId: number, meetingId: number) => Promise<void>;
  /** Where users reach the app, for the links in calendar files. */
  publicUrl: string;
}

/** Meetings as the API sees them: every call checks the caller's rights on the meeting's body. */
export function createMeetingService({ db, registry, notices, publicUrl, onScheduled }: MeetingServiceOptions) {
  /**
   * The body, if the caller may see its business. A confidential body's
   * meetings answer a non-member exactly as a body that does not exist would
   * (and so does each of its meetings, below), so nothing about them, not even
   * that a meeting id is theirs, can be learnt by asking.
   */
  async function readableBody(bodyId: number, userId: number) {
    const body = await findBody(db, bodyId, userId);
    if (!body || !mayReadBody(body)) throw notFound('Body');
    return body;
  }

  async function visibleMeeting(meetingId: number, userId: number) {
    const meeting = await findMeeting(db, meetingId);
    const body = meeting && (await findBody(db, meeting.bodyId, userId));
    // As for the body: a confidential body's meeting is answered exactly as one
    // that does not exist, so its ids cannot be walked to learn when it meets.
    if (!meeting || !body || !mayReadBody(body)) throw notFound('Meeting');
    return { meeting, body };
  }

  async function moveTo(meetingId: number, userId: number, status: Exclude<MeetingStatus, 'scheduled'>) {
    const { meeting, body } = await visibleMeeting(meetingId, userId);
    if (!mayStartOrCloseMeeting(body.myRole)) throw forbidden(`Only the chair or vice-chair of ${body.name} can start or close its meetings`);
    const allowedFrom: MeetingStatus = status === 'live' ? 'scheduled' : 'live';
    if (meeting.status !== allowedFrom) {
      throw new HttpError(409, 'conflict', `The meeting is ${meeting.status}; only a ${allowedFrom} meeting can be ${status === 'live' ? 'started' : 'closed'}`);
    }
    const at = new Date().toISOString();
    await updateMeetingStatus(db, meetingId, status, at);
    const docName = meetingDocName(meetingId);
    await registry.change(docName, (doc) => {
      metaOf(doc).set('status', status);
      if (status === 'closed') metaOf(doc).set('timerStartedAt', null);
    });
    await registry.refreshAccess(docName);
    await recordAuditEvent(db, {
      actorUserId: userId,
      action: status === 'live' ? 'meeting.started' : 'meeting.closed',
      subjectType: 'meeting',
      subjectId: meetingId,
    });
    notices.bodyChanged(body.id, 'meetings');
    if (status === 'live') {
      const memberIds = [...(await listMemberIds(db, body.id))].filter((id) => id !== userId);
      await notices.notify(memberIds, {
        kind: 'meeting-live',
        bodyId: body.id,
        title: `${meeting.title} has started`,
        detail: `${body.name} is meeting now; join to follow the agenda and minutes live`,
        link: `/meetings/${meetingId}`,
      });
    }
    const moved = { ...meeting, status, ...(status === 'live' ? { startedAt: at } : { closedAt: at }) };
    return toResponse(moved, body, await readMeetingPhase(db, moved));
  }

  return {
    async get(meetingId: number, userId: number): Promise<MeetingResponse> {
      const { meeting, body } = await visibleMeeting(meetingId, userId);
      return toResponse(meeting, body, await readMeetingPhase(db, meeting));
    },

    async create(bodyId: number, userId: number, request: Required<Omit<CreateMeetingRequest, 'title'>> & { title?: string }) {
      const body = await readableBody(bodyId, userId);
      if (!mayScheduleMeeting(body.myRole)) {
        throw forbidden(`Only the chair, vice-chair or secretariat of ${body.name} can schedule its meetings`);
      }
      const startsAt = new Date(request.startsAt).toISOString();
      const meetingId = await insertMeeting(db, {
        bodyId,
        title: request.title ?? defaultMeetingTitle(body.shortName, startsAt),
        startsAt,
        location: request.location,
      });
      const agenda = standardAgenda(await listStandingItems(db, bodyId));
      await registry.change(meetingDocName(meetingId), (doc) => initialiseMeetingDoc(doc, 'scheduled', agenda));
      // Actions may now be raised from this meeting: tell the open action log who may point at it.
      await registry.refreshAccess(actionLogDocName(bodyId));
      await recordAuditEvent(db, { actorUserId: userId, action: 'meeting.created', subjectType: 'meeting', subjectId: meetingId, details: { bodyId } });
      await onScheduled?.(bodyId, meetingId);
      notices.bodyChanged(bodyId, 'meetings');
      const meeting = await findMeeting(db, meetingId);
      return toResponse(meeting!, body, 'scheduled');
    },

    /** The body's meetings as an iCalendar download. */
    async calendar(bodyId: number, userId: number): Promise<{ filename: string; ics: string }> {
      const body = await readableBody(bodyId, userId);
      return { filename: `${fileSlug(body.shortName)}-meetings.ics`, ics: meetingsCalendar(body, await listBodyMeetings(db, bodyId), publicUrl) };
    },

    start: (meetingId: number, userId: number) => moveTo(meetingId, userId, 'live'),
    close: (meetingId: number, userId: number) => moveTo(meetingId, userId, 'closed'),
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
