import type { Db } from '../db/database.js';

/** Escalations awaiting an answer, per receiving body; for the map's badges. */
export async function countWaitingEscalations(db: Db): Promise<{ bodyId: number; count: number }[]> {
  const rows = await db
    .selectFrom('escalations')
    .select(['to_body_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('status', '=', 'open')
    .groupBy('to_body_id')
    .execute();
  return rows.map((row) => ({ bodyId: row.to_body_id, count: Number(row.count) }));
}
