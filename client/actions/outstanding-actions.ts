import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type * as Y from 'yjs';
import { readActions } from '../../shared/action-log-doc.js';
import { ACTION_STATUS_LABELS, londonToday } from '../../shared/actions.js';
import type { Agency, BodyMember } from '../../shared/api.js';
import { ActionLogController } from './action-log-controller.js';
import { formatDueDate, ragLabel } from './action-format.js';
import { actionStyles } from './action-styles.js';
import { actionRows, filterRows, sortRows, DEFAULT_FILTER } from './action-table.js';
import { actionLogPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';

/**
 * The body's outstanding actions, live from its action log, for the
 * meeting's "Matters arising and action review" item: what each owner
 * promised, by when, and the latest they have said about it.
 */
@customElement('outstanding-actions')
export class OutstandingActions extends LitElement {
  static override styles = [
    baseStyles,
    actionStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The body's action log document. */
  @property({ attribute: false }) doc: Y.Doc | null = null;

  /** The body's members, to name owners. */
  @property({ attribute: false }) members: BodyMember[] = [];

  /** Agencies, to name lead agencies. */
  @property({ attribute: false }) agencies: Agency[] = [];

  /** The body, to link to its full action log. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** Today in Europe/London (YYYY-MM-DD), for RAG and overdue; tests fix it. */
  @property() today = londonToday();

  constructor() {
    super();
    new ActionLogController(this, { doc: () => this.doc });
  }

  override render() {
    if (!this.doc) return nothing;
    const rows = sortRows(
      filterRows(actionRows(readActions(this.doc), this.members, this.agencies, this.today), DEFAULT_FILTER),
      { column: 'due', direction: 'ascending' },
    );
    return html`${rows.length === 0
        ? html`<p>There are no outstanding actions.</p>`
        : html`<div class="table-scroll" role="region" aria-labelledby="outstanding-caption" tabindex="0">
            <table class="actions">
              <caption id="outstanding-caption" class="visually-hidden">Outstanding actions</caption>
              <thead>
                <tr>
                  <th scope="col">Ref.</th>
                  <th scope="col">Action</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due date</th>
                  <th scope="col">Status</th>
                  <th scope="col">RAG</th>
                  <th scope="col">Latest progress</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (row) => html`<tr>
                    <td class="reference">${row.action.reference ?? 'New'}</td>
                    <td>${row.action.title}</td>
                    <td>${row.ownerName || 'No owner'}</td>
                    <td>${formatDueDate(row.action.dueDate)} ${row.overdue ? html`<span class="overdue">(overdue)</span>` : nothing}</td>
                    <td>${ACTION_STATUS_LABELS[row.action.status]}</td>
                    <td><span class="rag ${row.rag ?? 'none'}">${ragLabel(row.rag)}</span></td>
                    <td>${row.latestProgress || 'None yet'}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
      <p><a href=${actionLogPath(this.bodyId)}>Open the full action log</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'outstanding-actions': OutstandingActions;
  }
}
