import { Hono, type Context } from 'hono';
import type { SessionResponse } from '../../shared/api.js';
import { signInRequest } from '../../shared/schemas.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import { verifyAgainstDecoy, verifyPassword } from '../auth/password.js';
import { requireUser, type AuthVariables } from '../auth/require-user.js';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js';
import { createSession, deleteSession } from '../auth/sessions.js';
import type { PasswordCheckQueue } from '../auth/password-check-queue.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { readJson } from '../http/validation.js';
import { getCurrentUser, findCredentialsByEmail, listMemberships } from '../users/user-repository.js';

export interface SessionRoutesOptions {
  db: Db;
  throttle: SignInThrottle;
  /** Every password check, right or wrong, known email or not, waits its turn here. */
  passwordChecks: PasswordCheckQueue;
  secureCookies: boolean;
  clientAddress: (c: Context) => string;
  /** Told when a session ends, to close whatever else it had open. */
  onSessionEnded?: (sessionToken: string) => Promise<void>;
}

/** How long to wait when every password check slot is taken: each takes about half a second. */
const BUSY_RETRY_MS = 1000;

function tooManyAttempts(retryAfterMs: number, reason: string): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new HttpError(429, 'too_many_attempts', `${reason} Try again in ${seconds} seconds.`, undefined, {
    'Retry-After': String(seconds),
  });
}

export function sessionRoutes({ db, throttle, passwordChecks, secureCookies, clientAddress, onSessionEnded }: SessionRoutesOptions) {
  return new Hono<{ Variables: AuthVariables }>()
    .post('/', async (c) => {
      const { email, password } = await readJson(c, signInRequest);
      // Counted before the password is checked, so parallel guesses cannot all slip through.
      const attempt = throttle.reserve({ email, address: clientAddress(c) });
      if (!attempt.allowed) throw tooManyAttempts(attempt.retryAfterMs, 'Too many failed sign-in attempts.');

      let valid: boolean;
      let credentials: Awaited<ReturnType<typeof findCredentialsByEmail>>;
      try {
        credentials = await findCredentialsByEmail(db, email);
        const checking = passwordChecks.run(() =>
          credentials ? verifyPassword(password, credentials.passwordHash) : verifyAgainstDecoy(password),
        );
        if (!checking) throw tooManyAttempts(BUSY_RETRY_MS, 'Too many people are signing in right now.');
        valid = await checking;
      } catch (error) {
        attempt.cancelled(); // the password was never judged, so the attempt does not count
        throw error;
      }
      if (!credentials || !valid) {
        attempt.failed();
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

      attempt.succeeded();
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
