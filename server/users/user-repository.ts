import type { CurrentUser, Membership } from '../../shared/api.js';
import type { Db } from '../db/database.js';

export interface UserCredentials {
  id: number;
  passwordHash: string;
}

export async function findCredentialsByEmail(db: Db, email: string): Promise<UserCredentials | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'password_hash'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return row && { id: row.id, passwordHash: row.password_hash };
}

export async function getCurrentUser(db: Db, userId: number): Promise<CurrentUser | undefined> {
  const row = await db
    .selectFrom('users')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'agencies.id as agency_id',
      'agencies.name as agency_name',
      'agencies.short_name as agency_short_name',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      email: row.email,
      name: row.name,
      agency: { id: row.agency_id, name: row.agency_name, shortName: row.agency_short_name },
    }
  );
}

export async function listMemberships(db: Db, userId: number): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(['body_id', 'role'])
    .where('user_id', '=', userId)
    .orderBy('body_id')
    .execute();
  return rows.map((row) => ({ bodyId: row.body_id, role: row.role }));
}
