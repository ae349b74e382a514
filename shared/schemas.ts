/** Request schemas: one definition used by the API and by the client's forms. */
import * as z from 'zod';
import { ACTION_LOG_LIMITS } from './action-log-doc.js';
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
