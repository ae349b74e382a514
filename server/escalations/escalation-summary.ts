import type { ActionRef, BodyRef, EscalationSummary } from '../../shared/api.js';
import { mayReadOriginAction } from '../../shared/permissions.js';
import type { Db } from '../db/database.js';
import { mayReadBodyId, type Standings } from './escalation-access.js';
import { findActionRefs, findNextIds, findUserNames, type HopRow } from './escalation-repository.js';

export function bodyRef(standings: Standings, bodyId: number): BodyRef {
  return { id: bodyId, name: standings.get(bodyId)?.name ?? 'Unknown body' };
}

const actionKey = (bodyId: number, actionId: string) => `${bodyId}/${actionId}`;

/**
 * Hops as the given person may be shown them. The origin action's own details
 * go only to those who may read the origin body, the adopted action's only to
 * those who may read the adopting body; summaries and names travel.
 */
export async function describeHops(db: Db, hops: readonly HopRow[], standings: Standings): Promise<EscalationSummary[]> {
  const people = await findUserNames(db, hops.flatMap((hop) => [hop.raised_by, ...(hop.answered_by === null ? [] : [hop.answered_by])]));
  const nextIds = await findNextIds(db, hops.map((hop) => hop.id));
  const keys = hops.flatMap((hop) => [
    ...(mayReadOriginAction(standings.get(hop.origin_body_id) ?? { confidential: true, myRole: null })
      ? [{ bodyId: hop.origin_body_id, actionId: hop.origin_action_id }]
      : []),
    ...(hop.adopted_action_id !== null && mayReadBodyId(standings, hop.to_body_id) ? [{ bodyId: hop.to_body_id, actionId: hop.adopted_action_id }] : []),
  ]);
  const actions = new Map(
    (await findActionRefs(db, keys)).map((row): [string, ActionRef] => [
      actionKey(row.body_id, row.action_id),
      { bodyId: row.body_id, id: row.action_id, reference: row.reference, title: row.title, status: row.status },
    ]),
  );
  const person = (id: number) => ({ id, name: people.get(id) ?? 'Unknown person' });
  return hops.map((hop) => ({
    id: hop.id,
    status: hop.status,
    originBody: bodyRef(standings, hop.origin_body_id),
    fromBody: bodyRef(standings, hop.from_body_id),
    toBody: bodyRef(standings, hop.to_body_id),
    summary: hop.summary,
    reason: hop.reason,
    raisedBy: person(hop.raised_by),
    raisedAt: hop.raised_at,
    answer:
      hop.status !== 'open' && hop.answered_by !== null && hop.answered_at !== null
        ? { status: hop.status, text: hop.answer ?? '', by: person(hop.answered_by), at: hop.answered_at }
        : null,
    // Looked up only where the rulebook allowed it above, so absent means not to be shown.
    originAction: actions.get(actionKey(hop.origin_body_id, hop.origin_action_id)) ?? null,
    adoptedAction: hop.adopted_action_id === null ? null : (actions.get(actionKey(hop.to_body_id, hop.adopted_action_id)) ?? null),
    previousId: hop.previous_id,
    nextId: nextIds.get(hop.id) ?? null,
  }));
}

export async function describeHop(db: Db, hop: HopRow, standings: Standings): Promise<EscalationSummary> {
  return (await describeHops(db, [hop], standings))[0]!;
}
