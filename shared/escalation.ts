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
