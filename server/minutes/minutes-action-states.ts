/**
 * How the actions a set of minutes lists stand today: read from the body's
 * action log when the minutes are read, never stored with a version.
 */
import { isOverdue, londonToday } from '../../shared/actions.js';
import type { MinutesAction } from '../../shared/council-minutes.js';
import type { ActionLiveState } from '../../shared/minutes-api.js';
import type { Db } from '../db/database.js';

export async function readActionStates(db: Db, bodyId: number, actionIds: readonly string[]): Promise<Map<string, ActionLiveState>> {
  if (actionIds.length === 0) return new Map();
  const [actions, hops] = await Promise.all([
    db.selectFrom('actions').select(['action_id', 'status', 'due_date']).where('body_id', '=', bodyId).where('action_id', 'in', [...actionIds]).execute(),
    db
      .selectFrom('escalations')
      .select(['id', 'origin_action_id', 'status'])
      .where('origin_body_id', '=', bodyId)
      .where('origin_action_id', 'in', [...actionIds])
      .orderBy('id')
      .execute(),
  ]);
  // The hop still waiting for an answer is where the action is now; failing that, the latest one.
  const hopOf = new Map<string, { id: number; open: boolean }>();
  for (const hop of hops) {
    if (hop.status === 'open' || !hopOf.get(hop.origin_action_id)?.open) hopOf.set(hop.origin_action_id, { id: hop.id, open: hop.status === 'open' });
  }
  const today = londonToday();
  return new Map(
    actions.map((action) => {
      const hop = action.status === 'escalated' ? hopOf.get(action.action_id) : undefined;
      return [
        action.action_id,
        {
          actionId: action.action_id,
          status: action.status,
          overdue: isOverdue({ status: action.status, dueDate: action.due_date }, today),
          escalationLink: hop === undefined ? null : `/escalations/${hop.id}`,
        },
      ];
    }),
  );
}

/** The minutes' actions with today's state; an action since removed from the log has none. */
export function withActionStates(actions: readonly MinutesAction[], states: ReadonlyMap<string, ActionLiveState>): MinutesAction[] {
  return actions.map((action) => ({ ...action, state: states.get(action.actionId) ?? null }));
}
