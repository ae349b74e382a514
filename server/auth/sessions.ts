import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.js';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** How a session token is kept: stored, and named in memory, only by this. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

export interface CreatedSession {
  token: string;
  expiresAt: string;
}

export async function createSession(db: Db, userId: number, now = new Date()): Promise<CreatedSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
  await db
    .insertInto('sessions')
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now.toISOString(), expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** The user a live session token belongs to, or undefined if unknown or expired. */
export async function findSessionUserId(db: Db, token: string, now = new Date()): Promise<number | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['user_id', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now.toISOString()) return undefined;
  return row.user_id;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
}

export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now.toISOString()).execute();
}
