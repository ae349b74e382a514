/**
 * The actions table of printable minutes: each reference links to its body's
 * action log, and, when the server filled it in for this reader, how the
 * action stands today (never part of the stored record).
 */
import { html, nothing } from 'lit';
import { ACTION_STATUS_LABELS } from '../../shared/actions.js';
import type { MinutesAction } from '../../shared/council-minutes.js';
import type { ActionLiveState } from '../../shared/minutes-api.js';
import { actionLogPath } from '../shell/routes.js';

function liveState(state: ActionLiveState) {
  if (state.status === 'escalated') {
    return state.escalationLink
      ? html`<a class="state escalated" href=${state.escalationLink}>Escalated</a>`
      : html`<span class="state escalated">Escalated</span>`;
  }
  if (state.overdue) return html`<span class="state overdue">Overdue</span>`;
  return html`<span class="state ${state.status}">${ACTION_STATUS_LABELS[state.status]}</span>`;
}

/** `bodyId` is null when the page does not know the body: the references are then plain text. */
export function minutesActionsTable(actions: readonly MinutesAction[], bodyId: number | null) {
  const showState = actions.some((action) => action.state !== null);
  return html`<table>
    <thead>
      <tr>
        <th scope="col">Reference</th>
        <th scope="col">Action</th>
        <th scope="col">Owner</th>
        <th scope="col">Lead agency</th>
        <th scope="col">Due</th>
        ${showState ? html`<th scope="col" class="now">Today</th>` : nothing}
      </tr>
    </thead>
    <tbody>
      ${actions.map(
        (action) => html`<tr>
          <td>${bodyId !== null && action.reference ? html`<a href=${actionLogPath(bodyId)}>${action.reference}</a>` : action.reference}</td>
          <td>${action.action}</td>
          <td>${action.owner}</td>
          <td>${action.leadAgency}</td>
          <td>${action.due}</td>
          ${showState ? html`<td class="now">${action.state ? liveState(action.state) : nothing}</td>` : nothing}
        </tr>`,
      )}
    </tbody>
  </table>`;
}
