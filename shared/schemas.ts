/** Request schemas: one definition used by the API and by the client's forms. */
import * as z from 'zod';
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

/** POST /api/bodies/:id/meetings */
export const createMeetingRequest = z.strictObject({
  title: z.string().trim().min(1, { error: 'Give the meeting a title' }).max(LIMITS.meetingTitleLength).optional(),
  startsAt: z.iso.datetime({ offset: true, error: 'Give the start as a date and time' }),
  location: z.string().trim().max(LIMITS.locationLength).default(''),
});
export type CreateMeetingRequest = z.input<typeof createMeetingRequest>;
