import { mayReadPriority, type ReadableBody } from '../../shared/permissions.js';
import type { Db } from '../db/database.js';

/** The bodies a priority involves (the sender and every receiver), as the given user stands on each. */
export async function priorityBodies(
  db: Db,
  priorityId: number,
  userId: number,
): Promise<{ sender: ReadableBody & { id: number }; targets: (ReadableBody & { id: number })[] } | undefined> {
  const priority = await db.selectFrom('priorities').select('body_id').where('id', '=', priorityId).executeTakeFirst();
  if (!priority) return undefined;
  const targetIds = (await db.selectFrom('priority_targets').select('body_id').where('priority_id', '=', priorityId).execute()).map((row) => row.body_id);
  const rows = await db
    .selectFrom('bodies')
    .leftJoin('memberships', (join) => join.onRef('memberships.body_id', '=', 'bodies.id').on('memberships.user_id', '=', userId))
    .select(['bodies.id', 'bodies.confidential', 'memberships.role'])
    .where('bodies.id', 'in', [priority.body_id, ...targetIds])
    .execute();
  const standing = new Map(rows.map((row) => [row.id, { id: row.id, confidential: row.confidential === 1, myRole: row.role }]));
  const sender = standing.get(priority.body_id);
  if (!sender) return undefined;
  return { sender, targets: targetIds.flatMap((id) => standing.get(id) ?? []) };
}

/** Whether the user may read the priority at all (`mayReadPriority`); a priority they may not is answered as missing. */
export async function mayUserReadPriority(db: Db, priorityId: number, userId: number): Promise<boolean> {
  const bodies = await priorityBodies(db, priorityId, userId);
  return bodies !== undefined && mayReadPriority(bodies.sender, bodies.targets);
}
