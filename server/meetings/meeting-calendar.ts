import { createEvents } from 'ics';
import type { BodySummary, MeetingSummary } from '../../shared/api.js';
import { isSchedulableMeetingStart } from '../../shared/schemas.js';

/** Meetings have a start but no set end; calendars show them as two hours. */
const ASSUMED_LENGTH = { hours: 2 } as const;

/**
 * A body's meetings as an iCalendar file (RFC 5545), in UTC so every calendar
 * shows London time right. `publicUrl` is the configured address of the app,
 * never the request's Host, which anyone can set.
 *
 * A meeting stored before scheduling was bounded may lie outside the range
 * (`ics` refuses any date before 1970, failing the whole file): it is left
 * out, so one bad row cannot make the body's calendar fail for good.
 */
export function meetingsCalendar(body: BodySummary, meetings: readonly MeetingSummary[], publicUrl: string): string {
  const { error, value } = createEvents(
    meetings
      .filter((meeting) => isSchedulableMeetingStart(meeting.startsAt))
      .map((meeting) => ({
        uid: `meeting-${meeting.id}@quorum`,
        title: meeting.title,
        start: Date.parse(meeting.startsAt),
        startInputType: 'utc' as const,
        startOutputType: 'utc' as const,
        duration: ASSUMED_LENGTH,
        location: meeting.location,
        url: `${publicUrl}/meetings/${meeting.id}`,
        description: `${body.name} meeting. Agenda, minutes and actions: ${publicUrl}/meetings/${meeting.id}`,
        status: 'CONFIRMED' as const,
      })),
    { productId: 'quorum/meetings', calName: body.name },
  );
  if (error || value === null) throw error ?? new Error('calendar could not be written');
  return value;
}
