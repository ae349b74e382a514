import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ACTION_STATUS_LABELS, londonToday } from '../../shared/actions.js';
import type { Agency, BodyMember } from '../../shared/api.js';
import { ActionLogController } from './action-log-controller.js';
import type { ActionLogStore } from './action-log-store.js';
import { formatDueDate, ragLabel } from './action-format.js';
import { actionStyles } from './action-styles.js';
import { DEFAULT_FILTER, DEFAULT_SORT, filterRows, sortRows, type ActionRow } from './action-table.js';
import './outstanding-action-update.js';
import { actionLogPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';

const COLUMNS = ['Ref.', 'Action', 'Owner', 'Due date', 'Status', 'RAG', 'Latest progress'];

/**
 * The body's outstanding actions, live from its action log, for the
 * meeting's "Matters arising and action review" item: what each owner
 * promised, by when, and the latest they have said about it; and, for those
 * the rulebook allows, the meeting's update to each as it is discussed.
 */
@customElement('outstanding-actions')
export class OutstandingActions extends LitElement {
  static override styles = [
    baseStyles,
    actionStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      tr.update > td {
        background: #fafafa;
        padding: 0.5rem 1rem 1rem;
      }
      button.toggle {
        white-space: nowrap;
      }
    `,
  ];

  /** The body's action log, and who is using it. */
  @property({ attribute: false }) store: ActionLogStore | null = null;

  /** The body's members, to name owners. */
  @property({ attribute: false }) members: BodyMember[] = [];

  /** Agencies, to name lead agencies. */
  @property({ attribute: false }) agencies: Agency[] = [];

  /** The body, to link to its full action log. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** When set, the actions can be read but not updated (a closed meeting, say). */
  @property({ type: Boolean }) readonly = false;

  /** Today in Europe/London (YYYY-MM-DD), for RAG and overdue; tests fix it. */
  @property() today = londonToday();

  @state() private _open = new Set<string>();

  constructor() {
    super();
    new ActionLogController(this, { store: () => this.store });
  }

  override render() {
    const store = this.store;
    if (!store) return nothing;
    const rows = sortRows(filterRows(store.rows(this.members, this.agencies, this.today), DEFAULT_FILTER, this.today), DEFAULT_SORT);
    // The meeting's section already carries the name "Outstanding actions"; the scrolling table is named apart.
    return html`${rows.length === 0
        ? html`<p>There are no outstanding actions.</p>`
        : html`<div class="table-scroll" role="region" aria-label="Table of outstanding actions" tabindex="0">
            <table class="actions">
              <thead>
                <tr>
                  ${COLUMNS.map((column) => html`<th scope="col">${column}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${rows.map((row) => this._renderRow(row))}
              </tbody>
            </table>
          </div>`}
      <p><a href=${actionLogPath(this.bodyId)}>Open the full action log</a></p>`;
  }

  private _mayUpdate(row: ActionRow): boolean {
    const store = this.store!;
    const { action } = row;
    return !this.readonly && (store.mayChangeStatus(action) || store.mayEditField(action, 'dueDate') || store.mayOverrideRag() || store.mayAddProgress(action));
  }

  private _renderRow(row: ActionRow) {
    const { action } = row;
    const open = this._open.has(action.id);
    const updateId = `update-${action.id}`;
    return html`<tr data-action-id=${action.id}>
        <td class="reference">
          ${this._mayUpdate(row)
            ? html`<button
                type="button"
                class="link-like toggle"
                aria-expanded=${open ? 'true' : 'false'}
                aria-controls=${updateId}
                @click=${() => this._onToggleClick(action.id)}
              >
                ${action.reference ?? 'New'}<span class="visually-hidden">: update ${action.title}</span>
              </button>`
            : (action.reference ?? 'New')}
        </td>
        <td>${action.title}</td>
        <td>${row.ownerName || 'No owner'}</td>
        <td>${formatDueDate(action.dueDate)} ${row.overdue ? html`<span class="overdue">(overdue)</span>` : nothing}</td>
        <td>${ACTION_STATUS_LABELS[action.status]}</td>
        <td><span class="rag ${row.rag ?? 'none'}">${ragLabel(row.rag)}</span></td>
        <td>${row.latestProgress || 'None yet'}</td>
      </tr>
      ${open && this._mayUpdate(row)
        ? html`<tr class="update" id=${updateId}>
            <td colspan=${COLUMNS.length}>
              <outstanding-action-update .store=${this.store} action-id=${action.id}></outstanding-action-update>
            </td>
          </tr>`
        : nothing}`;
  }

  private _onToggleClick(actionId: string) {
    const open = new Set(this._open);
    if (open.has(actionId)) open.delete(actionId);
    else open.add(actionId);
    this._open = open;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'outstanding-actions': OutstandingActions;
  }
}
