import { ESCALATION_STATUS_LABELS } from '../../shared/escalation.js';
import { chairs, runsBody } from '../../shared/permissions.js';
import { ROLES } from '../../shared/roles.js';
import type { AppDeps } from '../app-deps.js';
import { cutTo, senderOf } from './escalation-text.js';
import { findActionRefs, findBodyNames, listBodyPeople, type HopRow } from './escalation-repository.js';

const RUN_BODY = ROLES.filter((role) => runsBody(role));
const CHAIR_BODY = ROLES.filter((role) => chairs(role));
const DETAIL_LENGTH = 280;

const linkTo = (hop: HopRow) => `/escalations/${hop.id}`;

/** Those watching either end of a hop see their inbox and sent lists refresh. */
export function hopsChanged({ notices }: AppDeps, hops: readonly HopRow[]): void {
  for (const bodyId of new Set(hops.flatMap((hop) => [hop.from_body_id, hop.to_body_id]))) notices.bodyChanged(bodyId, 'escalations');
}

/** The receiving body's chair, vice-chair and secretariat are told; only the summary and the bodies' names travel. */
export async function tellEscalationReceived(deps: AppDeps, hop: HopRow): Promise<void> {
  const { from, raisedIn } = await senderOf(deps.db, hop);
  await deps.notices.notify(await listBodyPeople(deps.db, hop.to_body_id, RUN_BODY), {
    kind: 'escalation-received',
    bodyId: hop.to_body_id,
    title: `Escalation from ${from}${raisedIn}`,
    detail: cutTo(hop.summary, DETAIL_LENGTH),
    link: linkTo(hop),
  });
}

/**
 * The origin's chair and vice-chair and the origin action's owner are told of
 * an answer; for a hop further up, the chairs of the body that sent it too.
 */
export async function tellEscalationAnswered(deps: AppDeps, hop: HopRow, text: string): Promise<void> {
  const names = await findBodyNames(deps.db, [hop.to_body_id]);
  const title = `${ESCALATION_STATUS_LABELS[hop.status]} by ${names.get(hop.to_body_id) ?? 'the body above'}`;
  const notice = { kind: 'escalation-answered' as const, title, detail: cutTo(text, DETAIL_LENGTH), link: linkTo(hop) };
  const [origin] = await findActionRefs(deps.db, [{ bodyId: hop.origin_body_id, actionId: hop.origin_action_id }]);
  const originPeople = await listBodyPeople(deps.db, hop.origin_body_id, CHAIR_BODY);
  await deps.notices.notify(origin?.owner_id ? [...originPeople, origin.owner_id] : originPeople, { ...notice, bodyId: hop.origin_body_id });
  if (hop.previous_id !== null && hop.from_body_id !== hop.origin_body_id) {
    await deps.notices.notify(await listBodyPeople(deps.db, hop.from_body_id, CHAIR_BODY), { ...notice, bodyId: hop.from_body_id });
  }
}
