/**
 * Stored versions of confirmed minutes. Each keeps the record's content as
 * JSON, exactly as hashed; triggers in SQLite refuse any change to it.
 */
import { createHash } from 'node:crypto';
import { storedContent, type CouncilMinutes, type MinutesVersion } from '../../shared/council-minutes.js';
import type { MinutesRevision } from '../../shared/minutes-api.js';
import type { Db } from '../db/database.js';

/** SHA-256 (hex) of stored content: the same content always gives the same hash. */
export const contentHash = (json: string) => createHash('sha256').update(json, 'utf8').digest('hex');

export interface StoredVersion {
  number: number;
  full: string;
  fullHash: string;
  /** Null for a confidential body, whose minutes have no public version. */
  public: string | null;
  publicHash: string | null;
  reason: string | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
  publishedAt: string | null;
}

/** Stores the next version of a meeting's minutes; the caller holds the transaction and has checked the rules. */
export async function insertVersion(
  trx: Db,
  meetingId: number,
  content: { full: CouncilMinutes; public: CouncilMinutes | null },
  by: { userId: number; reason: string | null; at: string; published: boolean },
): Promise<number> {
  const last = await trx
    .selectFrom('minutes_versions')
    .select((eb) => eb.fn.max('number').as('number'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  const number = Number(last?.number ?? 0) + 1;
  const full = JSON.stringify(storedContent(content.full));
  const publicJson = content.public ? JSON.stringify(storedContent(content.public)) : null;
  await trx
    .insertInto('minutes_versions')
    .values({
      meeting_id: meetingId,
      number,
      full_json: full,
      full_hash: contentHash(full),
      public_json: publicJson,
      public_hash: publicJson === null ? null : contentHash(publicJson),
      reason: by.reason,
      created_by: by.userId,
      created_at: by.at,
      published_at: by.published ? by.at : null,
    })
    .execute();
  return number;
}

/** Sets the publication time of a version not yet published (the trigger refuses changing it once set). */
export async function markVersionPublished(trx: Db, meetingId: number, number: number, at: string): Promise<void> {
  await trx.updateTable('minutes_versions').set({ published_at: at }).where('meeting_id', '=', meetingId).where('number', '=', number).where('published_at', 'is', null).execute();
}

/** Every stored version of a meeting's minutes, oldest first. */
export async function listVersions(db: Db, meetingId: number): Promise<StoredVersion[]> {
  const rows = await db
    .selectFrom('minutes_versions')
    .innerJoin('users', 'users.id', 'minutes_versions.created_by')
    .select([
      'minutes_versions.number',
      'minutes_versions.full_json',
      'minutes_versions.full_hash',
      'minutes_versions.public_json',
      'minutes_versions.public_hash',
      'minutes_versions.reason',
      'minutes_versions.created_by',
      'users.name as created_by_name',
      'minutes_versions.created_at',
      'minutes_versions.published_at',
    ])
    .where('minutes_versions.meeting_id', '=', meetingId)
    .orderBy('minutes_versions.number')
    .execute();
  return rows.map((row) => ({
    number: row.number,
    full: row.full_json,
    fullHash: row.full_hash,
    public: row.public_json,
    publicHash: row.public_hash,
    reason: row.reason,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  }));
}

/** A version as the API describes it, for the copy (full or public) being read. */
export function revisionOf(version: StoredVersion, copy: MinutesVersion): MinutesRevision {
  return {
    number: version.number,
    hash: copy === 'public' ? (version.publicHash ?? '') : version.fullHash,
    reason: version.reason,
    createdAt: version.createdAt,
    createdBy: version.createdByName,
    publishedAt: version.publishedAt,
  };
}

/** A stored copy, read back exactly as stored (its hash is of these bytes). */
export function storedCopy(version: StoredVersion, copy: MinutesVersion): CouncilMinutes | null {
  const json = copy === 'public' ? version.public : version.full;
  return json === null ? null : (JSON.parse(json) as CouncilMinutes);
}
