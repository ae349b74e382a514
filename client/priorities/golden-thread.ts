/**
 * One receiving body's part in a priority's golden thread: whether it
 * acknowledged the priority, how its linked actions stand, and the actions
 * themselves for those who may read the body.
 */
import { html, nothing } from 'lit';
import type { ActionSummary, PriorityBodyState } from '../../shared/api.js';
import { actionSummaryTable } from '../actions/action-summary-table.js';
import { actionLogPath } from '../shell/routes.js';
import { acknowledgement } from './priority-facts.js';
import './acknowledge-priority-button.js';

export interface BodyThreadOptions {
  state: PriorityBodyState;
  priorityId: number;
  priorityTitle: string;
  /** The caller may acknowledge the priority for this body. */
  mayAcknowledge: boolean;
}

export function renderBodyThread({ state, priorityId, priorityTitle, mayAcknowledge }: BodyThreadOptions) {
  const { body, counts } = state;
  const headingId = `thread-${body.id}`;
  return html`<section class="priority" aria-labelledby=${headingId}>
    <h3 id=${headingId} tabindex="-1">${body.name}</h3>
    ${acknowledgement(state.acknowledgedAt, state.acknowledgedBy)}
    ${mayAcknowledge
      ? html`<acknowledge-priority-button
          priority-id=${priorityId}
          body-id=${body.id}
          priority-title=${priorityTitle}
          body-name=${body.name}
        ></acknowledge-priority-button>`
      : nothing}
    <h4>Linked actions</h4>
    <dl class="counts">
      <div><dt>Done</dt> <dd>${counts.done}</dd></div>
      <div><dt>Outstanding</dt> <dd>${counts.outstanding}</dd></div>
      <div><dt>Overdue</dt> <dd>${counts.overdue}</dd></div>
    </dl>
    ${state.actionsHidden
      ? html`<p class="hidden-actions">${body.name}’s actions are confidential to its members.</p>`
      : renderActions(state.actions, body.id, body.name)}
  </section>`;
}

function renderActions(actions: readonly ActionSummary[], bodyId: number, bodyName: string) {
  const log = html`<p><a href=${actionLogPath(bodyId)}>${bodyName} action log</a></p>`;
  if (actions.length === 0) return html`<p>No actions are linked to this priority yet.</p>${log}`;
  return html`${actionSummaryTable({
      actions,
      label: `Actions of ${bodyName} serving this priority`,
      columns: ['reference', 'title', 'owner', 'rag', 'status', 'dueDate'],
    })}
    ${log}`;
}
