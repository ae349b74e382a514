import { LOCALE, TIME_ZONE } from './dates.js';

/** An agenda item as a template gives it; `meeting-doc.ts` builds the live item from it. */
export interface AgendaTemplateItem {
  title: string;
  presenter?: string;
  minutesAllotted: number;
}

export const MEETING_STATUSES = ['scheduled', 'live', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  live: 'Live now',
  closed: 'Closed',
};

/** Every meeting opens and closes with these; the body's standing items go between. */
export const STANDARD_AGENDA_OPENING: readonly AgendaTemplateItem[] = [
  { title: 'Apologies', minutesAllotted: 5 },
  { title: 'Declarations of interest', minutesAllotted: 5 },
  { title: 'Minutes of the previous meeting', minutesAllotted: 10 },
  { title: 'Matters arising and action review', minutesAllotted: 15 },
];

export const STANDARD_AGENDA_CLOSING: readonly AgendaTemplateItem[] = [
  { title: 'Any other business', minutesAllotted: 10 },
  { title: 'Date of next meeting', minutesAllotted: 5 },
];

export function standardAgenda(standingItems: readonly AgendaTemplateItem[]): AgendaTemplateItem[] {
  return [...STANDARD_AGENDA_OPENING, ...standingItems, ...STANDARD_AGENDA_CLOSING];
}

/** The Yjs document of a meeting; the server hands it out, clients never build it. */
export const meetingDocName = (meetingId: number) => `meeting.${meetingId}`;
export const MEETING_DOC_NAME = /^meeting\.([1-9]\d{0,15})$/;

const monthAndYear = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: TIME_ZONE });

/** A meeting's title when nobody gives one: "Charnwood JAG — December 2026". */
export function defaultMeetingTitle(bodyShortName: string, startsAt: string): string {
  return `${bodyShortName} — ${monthAndYear.format(new Date(startsAt))}`;
}
