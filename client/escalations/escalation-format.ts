/** How escalations read in sentences: where one stands, and what an action is called. */
import type { ActionRef, EscalationSummary } from '../../shared/api.js';

/** "JAG-0012: Close the alleyway", or the title alone before it has a reference. */
export function actionName(action: Pick<ActionRef, 'reference' | 'title'>): string {
  return action.reference ? `${action.reference}: ${action.title}` : action.title;
}

/** Where a chain stands, from its latest hop: "Escalated to Charnwood CSP — awaiting an answer". */
export function whereItStands(latest: EscalationSummary): string {
  const to = latest.toBody.name;
  switch (latest.status) {
    case 'open':
      return `Escalated to ${to} — awaiting an answer`;
    case 'accepted':
      return latest.adoptedAction?.reference
        ? `Accepted by ${to} as ${latest.adoptedAction.reference}`
        : `Accepted by ${to} into its action log`;
    case 'returned':
      return `Returned by ${to} with guidance`;
    case 'resolved':
      return `Resolved by ${to}`;
    case 'escalated':
      return `Escalated further by ${to}`;
  }
}
