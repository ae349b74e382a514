/** Members' comments on circulated minutes: append-only, oldest first. */
import type { MinutesComment } from '../../shared/minutes-api.js';
import type { Db } from '../db/database.js';

function commentsOf(db: Db, meetingId: number) {
  return db
    .selectFrom('minutes_comments')
    .innerJoin('users', 'users.id', 'minutes_comments.user_id')
    .innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .leftJoin('agenda_items', (join) =>
      join.onRef('agenda_items.meeting_id', '=', 'minutes_comments.meeting_id').onRef('agenda_items.item_id', '=', 'minutes_comments.item_id'),
    )
    .select([
      'minutes_comments.id',
      'users.name as author_name',
      'agencies.name as agency',
      'minutes_comments.item_id',
      'agenda_items.title as item_title',
      'minutes_comments.text',
      'minutes_comments.created_at',
    ])
    .where('minutes_comments.meeting_id', '=', meetingId);
}

type CommentRow = Awaited<ReturnType<ReturnType<typeof commentsOf>['executeTakeFirstOrThrow']>>;

const toComment = (row: CommentRow): MinutesComment => ({
  id: row.id,
  authorName: row.author_name,
  agency: row.agency,
  itemId: row.item_id,
  itemTitle: row.item_title,
  text: row.text,
  createdAt: row.created_at,
});

export async function listComments(db: Db, meetingId: number): Promise<MinutesComment[]> {
  const rows = await commentsOf(db, meetingId).orderBy('minutes_comments.id').execute();
  return rows.map(toComment);
}

export async function countComments(db: Db, meetingId: number): Promise<number> {
  const { count } = await db
    .selectFrom('minutes_comments')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function insertComment(
  trx: Db,
  comment: { meetingId: number; userId: number; itemId: string | null; text: string; at: string },
): Promise<MinutesComment> {
  const { id } = await trx
    .insertInto('minutes_comments')
    .values({ meeting_id: comment.meetingId, user_id: comment.userId, item_id: comment.itemId, text: comment.text, created_at: comment.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return toComment(await commentsOf(trx, comment.meetingId).where('minutes_comments.id', '=', id).executeTakeFirstOrThrow());
}

/** Whether the meeting's agenda (its SQL mirror) has the item. */
export async function isAgendaItem(db: Db, meetingId: number, itemId: string): Promise<boolean> {
  const row = await db.selectFrom('agenda_items').select('item_id').where('meeting_id', '=', meetingId).where('item_id', '=', itemId).executeTakeFirst();
  return row !== undefined;
}
