import { createMiddleware } from 'hono/factory';
import type { Db } from '../db/database.js';
import { HttpError } from '../http/http-error.js';
import { findSessionUserId } from './sessions.js';
import { readSessionToken } from './session-cookie.js';

export interface AuthVariables {
  userId: number;
  sessionToken: string;
}

/** Refuses the request unless it carries a live session; sets `userId` for the handler. */
export function requireUser({ db }: { db: Db }) {
  return createMiddleware<{ Variables: AuthVariables }>(async function requireUserMiddleware(c, next) {
    const token = readSessionToken(c);
    const userId = token ? await findSessionUserId(db, token) : undefined;
    if (!token || userId === undefined) {
      throw new HttpError(401, 'unauthenticated', 'Sign in to continue; your session may have expired');
    }
    c.set('userId', userId);
    c.set('sessionToken', token);
    await next();
  });
}
