import { Hono, type Context } from 'hono';
import type { SessionResponse } from '../../shared/api.js';
import { signInRequest } from '../../shared/schemas.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import { verifyAgainstDecoy, verifyPassword } from '../auth/password.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js';
import { createSession, deleteSession } from '../auth/sessions.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { readJson } from '../http/validation.js';
import { getCurrentUser, findCredentialsByEmail, listMemberships } from '../users/user-repository.js';

export interface SessionRoutesOptions {
  db: Db;
  throttle: SignInThrottle;
  secureCookies: boolean;
  clientAddress: (c: Context) => string;
  /** Told when a session ends, to close whatever else it had open. */
  onSessionEnded?: (sessionToken: string) => Promise<void>;
}

export function sessionRoutes({ db, throttle, secureCookies, clientAddress, onSessionEnded }: SessionRoutesOptions) {
  return new Hono<{ Variables: AuthVariables }>()
    .post('/', async (c) => {
      const { email, password } = await readJson(c, signInRequest);
      const keys = [`email:${email.toLowerCase()}`, `address:${clientAddress(c)}`];
      const waitMs = throttle.retryAfterMs(keys);
      if (waitMs > 0) {
        const seconds = Math.ceil(waitMs / 1000);
        throw new HttpError(
          429,
          'too_many_attempts',
          `Too many failed sign-in attempts. Try again in ${seconds} seconds.`,
          undefined,
          { 'Retry-After': String(seconds) },
        );
      }

      const credentials = await findCredentialsByEmail(db, email);
      const valid = credentials
        ? await verifyPassword(password, credentials.passwordHash)
        : await verifyAgainstDecoy(password);
      if (!credentials || !valid) {
        throttle.recordFailure(keys);
        await recordAuditEvent(db, {
          actorUserId: credentials?.id ?? null,
          action: 'session.refused',
          subjectType: 'user',
          subjectId: credentials?.id ?? null,
          details: { email: email.toLowerCase() },
        });
        // One message for both cases, so sign-in cannot be used to find out who has an account.
        throw new HttpError(401, 'invalid_credentials', 'The email address or password is not right');
      }

      throttle.recordSuccess(keys);
      const session = await createSession(db, credentials.id);
      await recordAuditEvent(db, { actorUserId: credentials.id, action: 'session.created', subjectType: 'user', subjectId: credentials.id });
      setSessionCookie(c, session.token, session.expiresAt, { secure: secureCookies });
      const user = await getCurrentUser(db, credentials.id);
      if (!user) throw new HttpError(500, 'internal', 'The account could not be loaded');
      const body: SessionResponse = {
        token: session.token,
        expiresAt: session.expiresAt,
        user,
        memberships: await listMemberships(db, credentials.id),
      };
      return c.json(body);
    })
    .delete('/', requireUser({ db }), async (c) => {
      await deleteSession(db, c.get('sessionToken'));
      await onSessionEnded?.(c.get('sessionToken'));
      await recordAuditEvent(db, { actorUserId: c.get('userId'), action: 'session.ended', subjectType: 'user', subjectId: c.get('userId') });
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
