/** Request schemas: one definition used by the API and by the client's forms. */
import * as z from 'zod';
import { ACTION_LOG_LIMITS, isoDate } from './action-log-doc.js';
import { ESCALATION_LIMITS } from './escalation.js';
import { NOTIFICATION_LIMITS } from './notifications.js';
import { PRIORITY_LIMITS } from './priorities.js';
import { LIMITS } from './limits.js';

export const signInRequest = z.strictObject({
  email: z
    .string({ error: 'Enter your email address' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Enter a valid email address' }).max(LIMITS.emailLength)),
  password: z.string({ error: 'Enter your password' }).min(1, { error: 'Enter your password' }).max(LIMITS.passwordLength),
});
export type SignInRequest = z.infer<typeof signInRequest>;

/** A positive integer id taken from a URL path segment. */
export const idParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Whether a meeting start (any ISO date-time) lies in the range a meeting may be scheduled for. */
export function isSchedulableMeetingStart(startsAt: string): boolean {
  const at = Date.parse(startsAt);
  return at >= Date.parse(LIMITS.earliestMeetingStart) && at <= Date.parse(LIMITS.latestMeetingStart);
}

/** POST /api/bodies/:id/meetings */
export const createMeetingRequest = z.strictObject({
  title: z.string().trim().min(1, { error: 'Give the meeting a title' }).max(LIMITS.meetingTitleLength).optional(),
  startsAt: z.iso
    .datetime({ offset: true, error: 'Give the start as a date and time' })
    .refine(isSchedulableMeetingStart, {
      error: `Give a start between ${LIMITS.earliestMeetingStart.slice(0, 10)} and ${LIMITS.latestMeetingStart.slice(0, 10)}`,
    }),
  location: z.string().trim().max(LIMITS.locationLength).default(''),
});
export type CreateMeetingRequest = z.input<typeof createMeetingRequest>;

/** POST /api/actions/:id/progress */
export const progressRequest = z.strictObject({
  text: z.string().trim().min(1, { error: 'Write the progress update' }).max(ACTION_LOG_LIMITS.progressLength),
});

/** GET /api/bodies/:id/actions and the CSV export: filters and sorts live with their pure functions. */
export { ACTION_SORTS, actionFilters, type ActionFilters } from './action-filters.js';

const requiredText = (what: string, max: number) =>
  z.string({ error: `Write the ${what}` }).trim().min(1, { error: `Write the ${what}` }).max(max, { error: `The ${what} can be up to ${max} characters` });

/** POST /api/bodies/:id/actions: an action raised outside a meeting, with the same rules as a live edit. */
export const createActionRequest = z.strictObject({
  title: requiredText('action’s title', ACTION_LOG_LIMITS.titleLength),
  description: z.string().max(ACTION_LOG_LIMITS.descriptionLength).default(''),
  ownerId: z.number().int().positive().nullable().default(null),
  leadAgencyId: z.number().int().positive().nullable().default(null),
  dueDate: isoDate.nullable().default(null),
  theme: z.string().trim().max(ACTION_LOG_LIMITS.themeLength).default(''),
  priorityId: z.number().int().positive().nullable().default(null),
});
export type CreateActionRequest = z.input<typeof createActionRequest>;

/** POST /api/actions/:id/escalations and POST /api/escalations/:id/escalate */
export const escalateRequest = z.strictObject({
  summary: requiredText('summary for the receiving body', ESCALATION_LIMITS.summaryLength),
  reason: requiredText('reason for escalating', ESCALATION_LIMITS.reasonLength),
  /** Which body's action, where the same action id is used in more than one body. */
  bodyId: z.number().int().positive().optional(),
});
export type EscalateRequest = z.input<typeof escalateRequest>;

/** POST /api/escalations/:id/accept */
export const acceptEscalationRequest = z.strictObject({
  note: z.string().trim().max(ESCALATION_LIMITS.answerLength).default(''),
});

/** POST /api/escalations/:id/return */
export const returnEscalationRequest = z.strictObject({
  guidance: requiredText('guidance for the body that sent it', ESCALATION_LIMITS.answerLength),
});

/** POST /api/escalations/:id/resolve */
export const resolveEscalationRequest = z.strictObject({
  outcome: requiredText('outcome', ESCALATION_LIMITS.answerLength),
});

/** POST /api/bodies/:id/priorities */
export const createPriorityRequest = z.strictObject({
  title: requiredText('priority’s title', PRIORITY_LIMITS.titleLength),
  description: requiredText('description', PRIORITY_LIMITS.descriptionLength),
  theme: z.string().trim().max(PRIORITY_LIMITS.themeLength).default(''),
  period: z.string().trim().max(PRIORITY_LIMITS.periodLength).default(''),
  /** Bodies below the sender, at any depth; `'all'` routes it to every one of them. */
  targetBodyIds: z.union([
    z.literal('all'),
    z.array(z.number().int().positive()).min(1, { error: 'Choose at least one body to route it to' }).max(PRIORITY_LIMITS.targets),
  ]),
});
export type CreatePriorityRequest = z.input<typeof createPriorityRequest>;

/** POST /api/priorities/:id/acknowledge */
export const acknowledgePriorityRequest = z.strictObject({ bodyId: z.number().int().positive() });

/** POST /api/me/notifications/read */
export const markNotificationsReadRequest = z.union([
  z.strictObject({ ids: z.array(z.number().int().positive()).min(1).max(NOTIFICATION_LIMITS.markReadIds) }),
  z.strictObject({ all: z.literal(true) }),
]);
