/** The shape escalation rules need: a body and the body it escalates to. */
export interface EscalationNode {
  id: number;
  parentId: number | null;
}

/**
 * The escalation route from a body up to the top of the structure, starting
 * with the body itself. Stops rather than loops if the data holds a cycle.
 */
export function escalationRoute<T extends EscalationNode>(bodies: readonly T[], fromId: number): T[] {
  const byId = new Map(bodies.map((body) => [body.id, body]));
  const route: T[] = [];
  const seen = new Set<number>();
  let current = byId.get(fromId);
  while (current && !seen.has(current.id)) {
    route.push(current);
    seen.add(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return route;
}

/** Ids of bodies whose escalation chain loops back on itself or points at a missing body. */
export function brokenEscalationChains(bodies: readonly EscalationNode[]): number[] {
  // A healthy route ends at a top-level body; one that stops anywhere else
  // stopped because it met itself again or a parent that does not exist.
  return bodies
    .filter((body) => escalationRoute(bodies, body.id).at(-1)?.parentId !== null)
    .map((body) => body.id);
}

// ── Escalations ───────────────────────────────────────────────────────────

/**
 * Where one hop of an escalation stands: waiting for the receiving body
 * (`open`), adopted into its log, sent back with guidance, resolved there, or
 * passed on to the tier above.
 */
export const ESCALATION_STATUSES = ['open', 'accepted', 'returned', 'resolved', 'escalated'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const ESCALATION_STATUS_LABELS: Record<EscalationStatus, string> = {
  open: 'Awaiting an answer',
  accepted: 'Accepted',
  returned: 'Returned with guidance',
  resolved: 'Resolved',
  escalated: 'Escalated further',
};

/** How a receiving chair answers an escalation. */
export const ESCALATION_ANSWERS = ['accept', 'return', 'resolve', 'escalate'] as const;
export type EscalationAnswer = (typeof ESCALATION_ANSWERS)[number];

export const ANSWER_STATUS: Record<EscalationAnswer, Exclude<EscalationStatus, 'open'>> = {
  accept: 'accepted',
  return: 'returned',
  resolve: 'resolved',
  escalate: 'escalated',
};

export const ESCALATION_LIMITS = {
  summaryLength: 2_000,
  reasonLength: 1_000,
  answerLength: 2_000,
} as const;

/** The agenda item escalations land under on the receiving body's next meeting. */
export const ESCALATIONS_AGENDA_TITLE = 'Escalations received';

/**
 * Which hops of an escalation chain someone may see. A chain runs through
 * bodies b0 (the origin) → b1 → … → bn; hop i is written by b(i) for b(i+1).
 * Each tier sees the summaries written for it and for the tiers above it, so
 * someone whose lowest readable body on the chain is b(j) sees hops from
 * max(0, j − 1) on; someone who may read none of the chain's bodies sees none.
 *
 * `mayReadAt[k]` says whether the person may read body b(k) (`mayReadBody`).
 * Returns the index of the first visible hop, or null for none.
 */
export function firstVisibleHop(mayReadAt: readonly boolean[]): number | null {
  const lowest = mayReadAt.findIndex(Boolean);
  return lowest === -1 ? null : Math.max(0, lowest - 1);
}
