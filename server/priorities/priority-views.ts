import { isClosedStatus } from '../../shared/actions.js';
import type { ActionSummary, PriorityBodyState, PriorityCounts, PrioritySummary, ReceivedPriority } from '../../shared/api.js';
import type { PriorityRecord, TargetRecord } from './priority-repository.js';

export function toPrioritySummary(priority: PriorityRecord, targets: readonly TargetRecord[]): PrioritySummary {
  return {
    id: priority.id,
    body: { id: priority.bodyId, name: priority.bodyName },
    title: priority.title,
    description: priority.description,
    theme: priority.theme,
    period: priority.period,
    publishedBy: priority.publishedBy,
    publishedAt: priority.publishedAt,
    targets: targets.filter((target) => target.priorityId === priority.id).map((target) => ({ id: target.bodyId, name: target.bodyName })),
  };
}

export function toReceivedPriority(summary: PrioritySummary, target: TargetRecord): ReceivedPriority {
  return {
    ...summary,
    receivingBody: { id: target.bodyId, name: target.bodyName },
    acknowledgedAt: target.acknowledgedAt,
    acknowledgedBy: target.acknowledgedBy,
  };
}

/** Done, outstanding (not yet closed) and overdue, as the golden thread counts a body's linked actions. */
export function priorityCounts(actions: readonly ActionSummary[]): PriorityCounts {
  return {
    done: actions.filter((action) => action.status === 'done').length,
    outstanding: actions.filter((action) => !isClosedStatus(action.status)).length,
    overdue: actions.filter((action) => action.overdue).length,
  };
}

/**
 * One receiving body's part in the golden thread. Its linked actions go only
 * to those who may list them; the counts go to everyone who may read the priority.
 */
export function toBodyState(target: TargetRecord, linked: readonly ActionSummary[], mayListActions: boolean): PriorityBodyState {
  return {
    body: { id: target.bodyId, name: target.bodyName },
    acknowledgedAt: target.acknowledgedAt,
    acknowledgedBy: target.acknowledgedBy,
    actions: mayListActions ? [...linked] : [],
    actionsHidden: !mayListActions,
    counts: priorityCounts(linked),
  };
}
