import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseCookies } from 'hono/utils/cookie';
import type { Db } from '../db/database.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { findSessionUserId } from './sessions.js';

/** Why a WebSocket handshake was turned away: no live session, or a cookie sent by another site's page. */
export type HandshakeRefusal = 'unauthenticated' | 'forbidden';

export type HandshakeSession = { userId: number; sessionToken: string } | { refused: HandshakeRefusal };

/** True if the page that opened the socket is served by this host; `null` (sandboxed or file pages) and garbage are not. */
function fromOwnOrigin(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * The session behind a WebSocket handshake (the Yjs endpoint's and the live
 * channel's): a token the client sent explicitly, or else the session cookie,
 * but only from our own pages.
 */
export async function sessionOfHandshake(
  db: Db,
  { token, headers }: { token: unknown; headers: IncomingHttpHeaders },
): Promise<HandshakeSession> {
  if (token !== undefined && token !== null && token !== '') {
    const userId = typeof token === 'string' ? await findSessionUserId(db, token) : undefined;
    return userId === undefined ? { refused: 'unauthenticated' } : { userId, sessionToken: token as string };
  }
  // Browsers send cookies on cross-site WebSocket handshakes: only trust them from our own pages.
  if (headers.origin !== undefined && !fromOwnOrigin(headers.origin, headers.host)) return { refused: 'forbidden' };
  const cookie = parseCookies(headers.cookie ?? '', SESSION_COOKIE)[SESSION_COOKIE];
  const userId = cookie ? await findSessionUserId(db, cookie) : undefined;
  return cookie && userId !== undefined ? { userId, sessionToken: cookie } : { refused: 'unauthenticated' };
}
