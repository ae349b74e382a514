/**
 * The search entries of published minutes: the public version of an open
 * body's latest published minutes, which every signed-in partner may find.
 * (Members find the working record, indexed by triggers from the SQL mirror.)
 *
 * Their source keys start `pub:`, so the triggers that follow agenda items and
 * decisions (which forget and rewrite `<meeting>/<item>` keys) never reach
 * them, and their item_id is null, so a Part II change to an agenda item is
 * not copied onto them either: a published version changes only when another
 * is published.
 */
import { sql } from 'kysely';
import { hasPublicVersion, type CouncilMinutes, type MinutesItem } from '../../shared/council-minutes.js';
import type { Db } from '../db/database.js';

export interface PublishedMinutes {
  meetingId: number;
  bodyId: number;
  /** The meeting's start, ISO: the entries' date. */
  startsAt: string;
  /** The public version as published; its exempt items carry no text and are not indexed. */
  minutes: CouncilMinutes;
}

interface PublishedEntry {
  kind: 'minutes' | 'decision';
  key: string;
  recordId: string;
  title: string;
  text: string;
}

/** "RESOLVED that … Reason: …", as the published record reads. */
const resolutionText = ({ wording, reason }: MinutesItem['resolutions'][number]) =>
  `RESOLVED ${wording}${reason ? ` Reason: ${reason}` : ''}`;

function entriesOf(meetingId: number, minutes: CouncilMinutes): PublishedEntry[] {
  return minutes.items
    .filter((item) => !item.exempt && !item.partTwo)
    .flatMap((item) => [
      { kind: 'minutes' as const, key: `pub:${meetingId}/${item.number}`, recordId: String(item.number), title: item.title, text: item.minutes },
      ...item.resolutions.map((resolution, index) => ({
        kind: 'decision' as const,
        key: `pub:${meetingId}/${item.number}/${index + 1}`,
        recordId: `${item.number}/${index + 1}`,
        title: item.title,
        text: resolutionText(resolution),
      })),
    ]);
}

/** Forgets a meeting's published entries. */
export async function forgetPublishedMinutes(trx: Db, meetingId: number): Promise<void> {
  await sql`delete from search_entries where published = 1 and meeting_id = ${meetingId}`.execute(trx);
}

/**
 * Replaces the meeting's published entries with those of this version; the
 * caller holds the transaction. A confidential body's minutes have no public
 * version, so nothing of theirs is ever indexed here; a full version is refused.
 */
export async function indexPublishedMinutes(trx: Db, published: PublishedMinutes): Promise<void> {
  const { meetingId, bodyId, startsAt, minutes } = published;
  if (minutes.version !== 'public') throw new Error('Only the public version of minutes is published to search');
  await forgetPublishedMinutes(trx, meetingId);
  const body = await trx.selectFrom('bodies').select('confidential').where('id', '=', bodyId).executeTakeFirst();
  if (!body || !hasPublicVersion({ confidential: body.confidential === 1 })) return;
  const entries = entriesOf(meetingId, minutes);
  if (entries.length === 0) return;
  const rows = entries.map(
    (entry) => sql`(${entry.kind}, ${entry.key}, ${bodyId}, ${meetingId}, null, 0, ${entry.recordId}, ${entry.title}, ${entry.text}, ${startsAt}, 1)`,
  );
  await sql`
    insert into search_entries (kind, source_key, body_id, meeting_id, item_id, part_two, record_id, title, text, date, published)
    values ${sql.join(rows)}`.execute(trx);
}
