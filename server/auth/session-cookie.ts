import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'quorum_session';

export interface SessionCookieOptions {
  /** Set the Secure flag; on whenever the app is served over HTTPS. */
  secure: boolean;
}

export function setSessionCookie(c: Context, token: string, expiresAt: string, { secure }: SessionCookieOptions): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    // Lax, not Strict: a link to a meeting in a reminder email should open
    // signed in. Cross-site POSTs are still refused (and the API requires JSON).
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** The session token from the cookie, or from `Authorization: Bearer` for non-browser clients. */
export function readSessionToken(c: Context): string | undefined {
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  return bearer ?? getCookie(c, SESSION_COOKIE);
}
