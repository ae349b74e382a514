/** Priorities routed down the structure: limits and which bodies sit below which. */
import type { EscalationNode } from './escalation.js';

export const PRIORITY_LIMITS = {
  titleLength: 200,
  descriptionLength: 5_000,
  themeLength: 100,
  periodLength: 100,
  targets: 100,
} as const;

/** The agenda item a priority lands under on a receiving body's next meeting. */
export const prioritiesAgendaTitle = (fromBodyName: string) => `Priorities from ${fromBodyName}`;

/** Every body below `bodyId` at any depth, nearest first. Stops rather than loops if the data holds a cycle. */
export function bodiesBelow<T extends EscalationNode>(bodies: readonly T[], bodyId: number): T[] {
  const below: T[] = [];
  const seen = new Set<number>([bodyId]);
  let frontier = [bodyId];
  while (frontier.length > 0) {
    const children = bodies.filter((body) => body.parentId !== null && frontier.includes(body.parentId) && !seen.has(body.id));
    for (const child of children) seen.add(child.id);
    below.push(...children);
    frontier = children.map((child) => child.id);
  }
  return below;
}
