import type { ActionStatus } from '../../shared/actions.js';
import type { ActionEscalationsResponse, BodyEscalationsResponse, BodyRef, BodySummary, EscalationResponse, EscalationSummary } from '../../shared/api.js';
import { mayAnswerEscalation, mayEscalateAction, mayReadBody } from '../../shared/permissions.js';
import type { EscalateRequest } from '../../shared/schemas.js';
import { findActionSummary } from '../actions/action-repository.js';
import type { AppDeps } from '../app-deps.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import { forbidden, HttpError, notFound } from '../http/http-error.js';
import { hopsOfOrigins, maySeeHop, rootOf, standingsOf, visibleHop, visibleTrail, type Standings } from './escalation-access.js';
import { placeOnNextMeeting } from './escalation-agenda.js';
import { changeActionLog, liveAction } from './escalation-log-changes.js';
import { hopsChanged, tellEscalationReceived } from './escalation-notices.js';
import { findHop, insertHop, listActionHolders, listAdoptingHops, listBodyHops, listOriginHops, type HopRow, type NewHop } from './escalation-repository.js';
import { bodyRef, describeHop, describeHops } from './escalation-summary.js';

export const conflict = (message: string) => new HttpError(409, 'conflict', message);

/** Where a body escalates to: its parent in the structure, or null at the top. */
export const escalationTarget = (standings: Standings, bodyId: number): BodyRef | null => {
  const parentId = standings.get(bodyId)?.parentId ?? null;
  return parentId === null ? null : bodyRef(standings, parentId);
};

/** A hop sent up: stored, put on the receiving body's agenda, announced and audited. */
export async function raiseHop(deps: AppDeps, hop: Omit<NewHop, 'raisedAt' | 'agendaMeetingId'>): Promise<HopRow> {
  const raised = await insertHop(deps.db, { ...hop, raisedAt: new Date().toISOString(), agendaMeetingId: null });
  await placeOnNextMeeting(deps, raised);
  await recordAuditEvent(deps.db, {
    actorUserId: hop.raisedBy,
    action: 'escalation.raised',
    subjectType: 'escalation',
    subjectId: raised.id,
    details: { fromBodyId: hop.fromBodyId, toBodyId: hop.toBodyId, previousId: hop.previousId },
  });
  await tellEscalationReceived(deps, raised);
  hopsChanged(deps, [raised]);
  return (await findHop(deps.db, raised.id)) ?? raised;
}

/** Escalations through the API; every decision is the rulebook's, on the caller's standing on each body. */
export function createEscalationService(deps: AppDeps) {
  const { db } = deps;

  async function readableBody(standings: Standings, bodyId: number): Promise<BodySummary> {
    const body = standings.get(bodyId);
    if (!body || !mayReadBody(body)) throw notFound('Body');
    return body;
  }

  /** Which of the caller's bodies' actions with this id they mean; ids are unique only within a body. */
  async function actionToEscalate(standings: Standings, actionId: string, bodyId: number | undefined) {
    const holders = (await listActionHolders(db, actionId))
      .filter((holder) => bodyId === undefined || holder.body_id === bodyId)
      .flatMap((holder) => {
        const body = standings.get(holder.body_id);
        return body && mayReadBody(body) ? [{ body, status: holder.status }] : [];
      });
    if (holders.length === 0) throw notFound('Action');
    const may = (body: BodySummary, status: ActionStatus) => mayEscalateAction(body.myRole, status, body.parentId !== null);
    const escalatable = holders.filter(({ body, status }) => may(body, status));
    if (escalatable.length > 1) throw new HttpError(400, 'validation_failed', 'More than one of your bodies has an action with this id: say which with bodyId');
    if (escalatable.length === 1) return escalatable[0]!.body;
    if (holders.some(({ body }) => may(body, 'open'))) throw conflict('This action is already escalated or closed');
    throw forbidden('Only the chair or vice-chair can escalate an action, and only from a body that has one above it');
  }

  return {
    async escalateAction(actionId: string, userId: number, { summary, reason, bodyId }: EscalateRequest): Promise<EscalationSummary> {
      const standings = await standingsOf(db, userId);
      const body = await actionToEscalate(standings, actionId, bodyId);
      // Judged again on the live log, which the projection may trail by a moment.
      await changeActionLog(
        deps,
        body.id,
        (doc) => {
          const map = liveAction(doc, actionId);
          if (!map) throw notFound('Action');
          if (!mayEscalateAction(body.myRole, map.get('status') as ActionStatus, body.parentId !== null)) throw conflict('This action is already escalated or closed');
          map.set('status', 'escalated');
        },
        userId,
      );
      const hop = await raiseHop(deps, {
        previousId: null,
        originBodyId: body.id,
        originActionId: actionId,
        fromBodyId: body.id,
        toBodyId: body.parentId!,
        summary,
        reason,
        raisedBy: userId,
      });
      return describeHop(db, hop, standings);
    },

    async bodyEscalations(bodyId: number, userId: number): Promise<BodyEscalationsResponse> {
      const standings = await standingsOf(db, userId);
      await readableBody(standings, bodyId);
      const { received, sent } = await listBodyHops(db, bodyId);
      const hopsById = await hopsOfOrigins(db, [...received, ...sent]);
      const seen = (hops: HopRow[]) => hops.filter((hop) => maySeeHop(hop, hopsById, standings));
      return { received: await describeHops(db, seen(received), standings), sent: await describeHops(db, seen(sent), standings) };
    },

    async escalation(id: number, userId: number): Promise<EscalationResponse> {
      const standings = await standingsOf(db, userId);
      const found = await visibleHop(db, id, standings);
      if (!found) throw notFound('Escalation');
      const { hop, hopsById } = found;
      return {
        escalation: await describeHop(db, hop, standings),
        trail: await describeHops(db, visibleTrail(hop, hopsById, standings), standings),
        canAnswer: mayAnswerEscalation(standings.get(hop.to_body_id)?.myRole ?? null, hop.status),
        escalateTo: escalationTarget(standings, hop.to_body_id),
      };
    },

    /** The chains an action started, and those it was adopted from, as far as the caller may see each. */
    async actionEscalations(bodyId: number, actionId: string, userId: number): Promise<ActionEscalationsResponse> {
      const standings = await standingsOf(db, userId);
      const body = await readableBody(standings, bodyId);
      const action = await findActionSummary(db, bodyId, actionId);
      if (!action) throw notFound('Action');
      const own = [...(await listOriginHops(db, bodyId, actionId)), ...(await listAdoptingHops(db, bodyId, actionId))];
      const hopsById = await hopsOfOrigins(db, own);
      const roots = new Map(own.map((hop) => [rootOf(hop, hopsById), hop]));
      const trails: EscalationSummary[][] = [];
      for (const hop of [...roots.values()].sort((a, b) => a.id - b.id)) {
        const trail = visibleTrail(hop, hopsById, standings);
        if (trail.length > 0) trails.push(await describeHops(db, trail, standings));
      }
      const escalateTo = escalationTarget(standings, bodyId);
      return { trails, escalateTo, canEscalate: mayEscalateAction(body.myRole, action.status, escalateTo !== null) };
    },
  };
}

export type EscalationService = ReturnType<typeof createEscalationService>;
