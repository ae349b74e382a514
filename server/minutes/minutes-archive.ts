/**
 * A body's minutes archive: its closed meetings, newest first, each with where
 * its minutes stand and what they hold, as the reader would see them. Members
 * see every closed meeting; other partners see an open body's published
 * minutes only, counting the public copy's items (Part II ones are exempt).
 */
import { isMinuted, type CouncilMinutes, type MinutesVersion } from '../../shared/council-minutes.js';
import type { MinutesArchiveEntry } from '../../shared/minutes-api.js';
import { mayReadBody, mayReadMinutes } from '../../shared/permissions.js';
import type { Db } from '../db/database.js';
import { notFound } from '../http/http-error.js';
import { findBody } from '../partnership/body-repository.js';

interface ArchivedVersion {
  meeting_id: number;
  number: number;
  full_json: string;
  public_json: string | null;
  published_at: string | null;
}

export async function listMinutesArchive(db: Db, bodyId: number, userId: number): Promise<MinutesArchiveEntry[]> {
  const body = await findBody(db, bodyId, userId);
  // As the body's other routes: a confidential body answers a non-member as one that does not exist.
  if (!body || !mayReadBody(body)) throw notFound('Body');
  const copy: MinutesVersion = body.myRole !== null ? 'full' : 'public';

  const meetings = await db
    .selectFrom('meetings')
    .leftJoin('minutes_records', 'minutes_records.meeting_id', 'meetings.id')
    .select(['meetings.id', 'meetings.title', 'meetings.starts_at', 'minutes_records.stage'])
    .where('meetings.body_id', '=', body.id)
    .where('meetings.status', '=', 'closed')
    .orderBy('meetings.starts_at', 'desc')
    .orderBy('meetings.id', 'desc')
    .execute();
  if (meetings.length === 0) return [];
  const ids = meetings.map((meeting) => meeting.id);
  const versions: ArchivedVersion[] = await db
    .selectFrom('minutes_versions')
    .select(['meeting_id', 'number', 'full_json', 'public_json', 'published_at'])
    .where('meeting_id', 'in', ids)
    .orderBy('number')
    .execute();
  const latest = new Map<number, ArchivedVersion>();
  for (const version of versions) if (mayReadMinutes(body, copy, version.published_at !== null)) latest.set(version.meeting_id, version);
  const working = mayReadMinutes(body, copy, false) ? await workingCounts(db, body.id, ids) : new Map<number, Counts>();

  return meetings.flatMap((meeting) => {
    const version = latest.get(meeting.id);
    const counts = version ? storedCounts(version, copy) : working.get(meeting.id);
    if (!counts) return [];
    return [
      {
        meetingId: meeting.id,
        title: meeting.title,
        startsAt: meeting.starts_at,
        stage: meeting.stage ?? 'draft',
        latestRevision: version?.number ?? null,
        publishedAt: version?.published_at ?? null,
        ...counts,
      },
    ];
  });
}

interface Counts {
  itemCount: number;
  actionCount: number;
}

function storedCounts(version: ArchivedVersion, copy: MinutesVersion): Counts {
  const minutes = JSON.parse(copy === 'public' ? (version.public_json ?? 'null') : version.full_json) as CouncilMinutes | null;
  if (!minutes) return { itemCount: 0, actionCount: 0 };
  return { itemCount: minutes.items.filter((item) => !item.exempt).length, actionCount: minutes.actions.length };
}

/** Minuted items and actions raised, for meetings with no stored version yet (read by members only). */
async function workingCounts(db: Db, bodyId: number, meetingIds: number[]): Promise<Map<number, Counts>> {
  const [items, decisions, actions] = await Promise.all([
    db.selectFrom('agenda_items').select(['meeting_id', 'item_id', 'minutes']).where('meeting_id', 'in', meetingIds).execute(),
    db.selectFrom('decisions').select(['meeting_id', 'item_id', 'text']).where('meeting_id', 'in', meetingIds).execute(),
    db
      .selectFrom('actions')
      .select(['source_meeting_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('body_id', '=', bodyId)
      .where('source_meeting_id', 'in', meetingIds)
      .groupBy('source_meeting_id')
      .execute(),
  ]);
  const decisionsOf = new Map<string, { text: string }[]>();
  for (const decision of decisions) {
    const key = `${decision.meeting_id}/${decision.item_id}`;
    decisionsOf.set(key, [...(decisionsOf.get(key) ?? []), decision]);
  }
  const counts = new Map<number, Counts>(meetingIds.map((id) => [id, { itemCount: 0, actionCount: 0 }]));
  for (const item of items) {
    if (isMinuted({ minutes: item.minutes, decisions: decisionsOf.get(`${item.meeting_id}/${item.item_id}`) ?? [] })) counts.get(item.meeting_id)!.itemCount++;
  }
  for (const row of actions) counts.get(row.source_meeting_id!)!.actionCount = Number(row.count);
  return counts;
}
