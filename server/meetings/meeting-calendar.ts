import { createEvents } from 'ics';
import type { BodySummary, MeetingSummary } from '../../shared/api.js';

/** Meetings have a start but no set end; calendars show them as two hours. */
const ASSUMED_LENGTH = { hours: 2 } as const;

/** A body's meetings as an iCalendar file (RFC 5545), in UTC so every calendar shows London time right. */
export function meetingsCalendar(body: BodySummary, meetings: readonly MeetingSummary[], appOrigin: string): string {
  const { error, value } = createEvents(
    meetings.map((meeting) => ({
      uid: `meeting-${meeting.id}@quorum`,
      title: meeting.title,
      start: Date.parse(meeting.startsAt),
      startInputType: 'utc' as const,
      startOutputType: 'utc' as const,
      duration: ASSUMED_LENGTH,
      location: meeting.location,
      url: `${appOrigin}/meetings/${meeting.id}`,
      description: `${body.name} meeting. Agenda, minutes and actions: ${appOrigin}/meetings/${meeting.id}`,
      status: 'CONFIRMED' as const,
    })),
    { productId: 'quorum/meetings', calName: body.name },
  );
  if (error || value === null) throw error ?? new Error('calendar could not be written');
  return value;
}
