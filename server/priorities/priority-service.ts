import { actionLogDocName } from '../../shared/action-log-doc.js';
import type { BodyPrioritiesResponse, BodySummary, PriorityResponse, PrioritySummary } from '../../shared/api.js';
import { mayAcknowledgePriority, mayListPriorityActions, mayPublishPriority, mayReadBody, mayReadPriority } from '../../shared/permissions.js';
import { bodiesBelow } from '../../shared/priorities.js';
import type * as z from 'zod';
import type { createPriorityRequest } from '../../shared/schemas.js';
import { listPriorityActions } from '../actions/action-repository.js';
import type { AppDeps } from '../app-deps.js';
import { recordAuditEvent } from '../audit/audit-log.js';
import { HttpError, forbidden, notFound } from '../http/http-error.js';
import { findBody, listBodies } from '../partnership/body-repository.js';
import { priorityBodies } from './priority-access.js';
import { placeRoutedPriority } from './priority-agenda.js';
import {
  acknowledgeTarget,
  findPriorities,
  insertPriority,
  listChairIds,
  listTargets,
  receivedPriorityIds,
  sentPriorityIds,
  type PriorityRecord,
} from './priority-repository.js';
import { toBodyState, toPrioritySummary, toReceivedPriority } from './priority-views.js';

/** The longest a priority's description runs in a notification. */
const NOTIFICATION_DETAIL_LENGTH = 300;

/** Priorities routed down the structure: publishing, each receiving body's list, acknowledging, and the golden thread. */
export function createPriorityService(deps: AppDeps) {
  const { db, registry, notices } = deps;

  /** A body the caller may read; a confidential body answers non-members as a missing one does. */
  async function readableBody(bodyId: number, userId: number): Promise<BodySummary> {
    const body = await findBody(db, bodyId, userId);
    if (!body || !mayReadBody(body)) throw notFound('Body');
    return body;
  }

  async function summaries(priorityIds: readonly number[]): Promise<PrioritySummary[]> {
    const targets = await listTargets(db, priorityIds);
    return (await findPriorities(db, priorityIds)).map((priority) => toPrioritySummary(priority, targets));
  }

  /** Tells a receiving body's chairs, puts the priority on its next meeting, and lets its open log link to it. */
  async function deliver(priority: PriorityRecord, bodyId: number): Promise<void> {
    const detail = priority.description.length > NOTIFICATION_DETAIL_LENGTH ? `${priority.description.slice(0, NOTIFICATION_DETAIL_LENGTH - 1)}…` : priority.description;
    await notices.notify(await listChairIds(db, bodyId), {
      kind: 'priority-routed',
      bodyId,
      title: `Priority from ${priority.bodyName}: ${priority.title}`,
      detail,
      link: `/priorities/${priority.id}`,
    });
    await placeRoutedPriority(deps, priority, bodyId);
    await registry.refreshAccess(actionLogDocName(bodyId));
    notices.bodyChanged(bodyId, 'priorities');
  }

  return {
    async publish(bodyId: number, userId: number, request: z.output<typeof createPriorityRequest>): Promise<PrioritySummary> {
      const sender = await readableBody(bodyId, userId);
      const below = bodiesBelow(await listBodies(db, userId), sender.id);
      if (!mayPublishPriority(sender.myRole, below.length > 0)) {
        throw forbidden('Only the chair or vice-chair of a body with bodies below it publishes priorities');
      }
      const belowIds = new Set(below.map((body) => body.id));
      const targetBodyIds = request.targetBodyIds === 'all' ? [...belowIds] : [...new Set(request.targetBodyIds)];
      const notBelow = targetBodyIds.filter((id) => !belowIds.has(id));
      if (notBelow.length > 0) {
        const message = `A priority is routed only to bodies below ${sender.name}; these are not: ${notBelow.join(', ')}`;
        throw new HttpError(400, 'validation_failed', message, { issues: [{ path: 'targetBodyIds', message }] });
      }
      const priorityId = await insertPriority(db, {
        bodyId: sender.id,
        title: request.title,
        description: request.description,
        theme: request.theme,
        period: request.period,
        publishedBy: userId,
        targetBodyIds,
      });
      await recordAuditEvent(db, {
        actorUserId: userId,
        action: 'priority.published',
        subjectType: 'priority',
        subjectId: priorityId,
        details: { bodyId: sender.id, targetBodyIds },
      });
      const [priority] = await findPriorities(db, [priorityId]);
      for (const targetId of targetBodyIds) await deliver(priority!, targetId);
      notices.bodyChanged(sender.id, 'priorities');
      return (await summaries([priorityId]))[0]!;
    },

    async bodyPriorities(bodyId: number, userId: number): Promise<BodyPrioritiesResponse> {
      const body = await readableBody(bodyId, userId);
      const below = bodiesBelow(await listBodies(db, userId), body.id);
      const receivedIds = [...(await receivedPriorityIds(db, body.id))];
      const targets = await listTargets(db, receivedIds);
      const here = new Map(targets.filter((target) => target.bodyId === body.id).map((target) => [target.priorityId, target]));
      return {
        received: (await findPriorities(db, receivedIds)).map((priority) => toReceivedPriority(toPrioritySummary(priority, targets), here.get(priority.id)!)),
        sent: await summaries(await sentPriorityIds(db, body.id)),
        canPublish: mayPublishPriority(body.myRole, below.length > 0),
        below: below.map((each) => ({ id: each.id, name: each.name })),
      };
    },

    async acknowledge(priorityId: number, bodyId: number, userId: number): Promise<void> {
      const bodies = await priorityBodies(db, priorityId, userId);
      if (!bodies || !mayReadPriority(bodies.sender, bodies.targets)) throw notFound('Priority');
      const body = bodies.targets.find((target) => target.id === bodyId);
      // A confidential body's non-members are told nothing of what it received: answered as a missing priority is.
      if (!body || !mayReadBody(body)) throw notFound('Priority');
      const target = (await listTargets(db, [priorityId])).find((each) => each.bodyId === bodyId)!;
      const acknowledged = target.acknowledgedAt !== null;
      const alreadyAcknowledged = () => new HttpError(409, 'conflict', `${target.bodyName} has already acknowledged this priority`);
      if (!mayAcknowledgePriority(body.myRole, acknowledged)) {
        if (acknowledged && mayAcknowledgePriority(body.myRole, false)) throw alreadyAcknowledged();
        throw forbidden('Only the chair or vice-chair of the body it was routed to acknowledges a priority');
      }
      // Two chairs at once: only the first is recorded.
      if (!(await acknowledgeTarget(db, priorityId, bodyId, userId))) throw alreadyAcknowledged();
      await recordAuditEvent(db, { actorUserId: userId, action: 'priority.acknowledged', subjectType: 'priority', subjectId: priorityId, details: { bodyId } });
      notices.priorityChanged(priorityId);
      notices.bodyChanged(bodyId, 'priorities');
      notices.bodyChanged(bodies.sender.id, 'priorities');
    },

    /** The golden thread: each receiving body's acknowledgement, linked actions (where the caller may list them) and counts. */
    async priority(priorityId: number, userId: number): Promise<PriorityResponse> {
      const bodies = await priorityBodies(db, priorityId, userId);
      if (!bodies || !mayReadPriority(bodies.sender, bodies.targets)) throw notFound('Priority');
      const standing = new Map(bodies.targets.map((body) => [body.id, body]));
      const [priority] = await findPriorities(db, [priorityId]);
      const targets = await listTargets(db, [priorityId]);
      const linked = await listPriorityActions(db, priorityId);
      return {
        priority: {
          ...toPrioritySummary(priority!, targets),
          bodies: targets.map((target) =>
            toBodyState(
              target,
              linked.filter((action) => action.bodyId === target.bodyId),
              mayListPriorityActions(standing.get(target.bodyId)!),
            ),
          ),
        },
        canAcknowledgeFor: targets
          .filter((target) => mayAcknowledgePriority(standing.get(target.bodyId)!.myRole, target.acknowledgedAt !== null))
          .map((target) => target.bodyId),
      };
    },
  };
}

export type PriorityService = ReturnType<typeof createPriorityService>;
