/**
 * One receiving body's part in a priority's golden thread: whether it
 * acknowledged the priority, how its linked actions stand, and the actions
 * themselves for those who may read the body.
 */
import { html, nothing } from 'lit';
import { ACTION_STATUS_LABELS } from '../../shared/actions.js';
import type { ActionSummary, PriorityBodyState } from '../../shared/api.js';
import { formatDueDate, ragLabel } from '../actions/action-format.js';
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
  return html`<div class="table-scroll" role="region" aria-label="Actions of ${bodyName} serving this priority" tabindex="0">
      <table class="actions">
        <caption class="visually-hidden">Actions of ${bodyName} serving this priority</caption>
        <thead>
          <tr>
            <th scope="col">Ref.</th>
            <th scope="col">Action</th>
            <th scope="col">Owner</th>
            <th scope="col">RAG</th>
            <th scope="col">Status</th>
            <th scope="col">Due date</th>
          </tr>
        </thead>
        <tbody>
          ${actions.map(
            (action) => html`<tr>
              <td class="reference">${action.reference ?? 'New'}</td>
              <td>${action.title}</td>
              <td>${action.owner?.name ?? 'No owner'}</td>
              <td><span class="rag ${action.rag ?? 'none'}">${ragLabel(action.rag)}</span></td>
              <td>${ACTION_STATUS_LABELS[action.status]}</td>
              <td>${formatDueDate(action.dueDate)} ${action.overdue ? html`<span class="overdue">(overdue)</span>` : nothing}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${log}`;
}
