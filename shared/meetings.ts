export const MEETING_STATUSES = ['scheduled', 'live', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  live: 'Live now',
  closed: 'Closed',
};
