/** What people are told, and kept for when they were offline. */
export const NOTIFICATION_KINDS = [
  'escalation-received',
  'escalation-answered',
  'priority-routed',
  'action-assigned',
  'meeting-live',
  'minutes-circulated',
  'minutes-comment',
  'minutes-published',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  'escalation-received': 'Escalation received',
  'escalation-answered': 'Escalation answered',
  'priority-routed': 'Priority received',
  'action-assigned': 'Action assigned to you',
  'meeting-live': 'Meeting started',
  'minutes-circulated': 'Minutes for comment',
  'minutes-comment': 'Comment on minutes',
  'minutes-published': 'Minutes published',
};

/** One notification as its recipient sees it. */
export interface NotificationView {
  id: number;
  kind: NotificationKind;
  /** The body whose business it tells of. */
  bodyId: number;
  title: string;
  detail: string;
  /** An app path to the thing itself: `/escalations/12`, `/meetings/4`. */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export const NOTIFICATION_LIMITS = {
  /** The most recent this many are listed. */
  listed: 50,
  /** Ids in one mark-read request. */
  markReadIds: 200,
} as const;
