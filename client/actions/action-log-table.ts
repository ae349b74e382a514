import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Awareness } from 'y-protocols/awareness';
import { londonToday } from '../../shared/actions.js';
import type { Agency, BodyMember, PriorityOption } from '../../shared/api.js';
import { ActionLogController } from './action-log-controller.js';
import type { ActionLogStore } from './action-log-store.js';
import { CellEditing } from './action-cell-editing.js';
import './action-filters-bar.js';
import { readActionEditors } from './action-presence.js';
import { actionRowStyles, renderActionRow, renderHeaderRow } from './action-row.js';
import { actionStyles } from './action-styles.js';
import { DEFAULT_FILTER, DEFAULT_SORT, actionQuery, filterRows, sortRows, type ActionFilter, type ActionSort, type SortColumn } from './action-table.js';
import { actionsCsvUrl } from '../shell/api.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

/**
 * A body's action log as a live table: filter and sort it in the browser,
 * edit a cell in place from the keyboard (Enter or F2 to edit, Enter to save,
 * Escape to cancel), open an action's details, and see who else is editing
 * which action. Only the changes the user may make are offered, and each is
 * checked against the log's rules before it is written.
 */
@customElement('action-log-table')
export class ActionLogTable extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    actionStyles,
    actionRowStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      action-filters-bar {
        margin-bottom: 0.5rem;
      }
      .filter-actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1.5rem;
        margin: 0.5rem 0 1rem;
      }
      .filter-actions p {
        margin: 0;
      }
    `,
  ];

  /** The body's action log, and who is using it. */
  @property({ attribute: false }) store: ActionLogStore | null = null;

  /** This client's presence, to say which action it is editing and to show who else is. */
  @property({ attribute: false }) awareness: Awareness | null = null;

  /** The body's members: who may own an action. */
  @property({ attribute: false }) members: BodyMember[] = [];

  /** Agencies that may lead an action. */
  @property({ attribute: false }) agencies: Agency[] = [];

  /** The priorities routed to the body, which its actions may serve. */
  @property({ attribute: false }) priorities: PriorityOption[] = [];

  /** The body, for the CSV download link. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** When set, the log can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  /** Today in Europe/London (YYYY-MM-DD), for RAG and overdue; tests fix it. */
  @property() today = londonToday();

  @state() private _filter: ActionFilter = DEFAULT_FILTER;
  @state() private _sort: ActionSort = DEFAULT_SORT;
  @state() private _expanded = new Set<string>();
  @state() private _announcement = '';

  private readonly _cells: CellEditing;

  constructor() {
    super();
    new ActionLogController(this, { store: () => this.store, awareness: () => this.awareness });
    this._cells = new CellEditing(this, (message) => (this._announcement = message));
  }

  override render() {
    const store = this.store;
    if (!store) return nothing;
    const all = store.rows(this.members, this.agencies, this.today);
    const rows = sortRows(filterRows(all, this._filter, this.today), this._sort);
    const editors = readActionEditors(this.awareness);
    const themes = [...new Set(all.map((row) => row.action.theme.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en-GB'));
    return html`
      <action-filters-bar
        .filter=${this._filter}
        .members=${this.members}
        .agencies=${this.agencies}
        .themes=${themes}
        @action-filters-changed=${this._onFiltersChanged}
      ></action-filters-bar>
      <div class="filter-actions">
        <p role="status">Showing ${rows.length} of ${all.length} ${all.length === 1 ? 'action' : 'actions'}</p>
        <a href=${actionsCsvUrl(this.bodyId, actionQuery(this._filter, this._sort))} download>
          Download CSV<span class="visually-hidden"> of the actions shown</span>
        </a>
      </div>
      <div class="table-scroll" role="region" aria-label="Action log" tabindex="0">
        <table class="actions">
          <caption class="visually-hidden">
            Action log${this.readonly ? '' : ': press Enter or F2 on a cell to change it, Escape to cancel'}
          </caption>
          <thead>
            ${renderHeaderRow(this._sort, (column) => this._onSortClick(column))}
          </thead>
          <tbody>
            ${repeat(
              rows,
              (row) => row.action.id,
              (row) =>
                renderActionRow({
                  row,
                  editors: editors.get(row.action.id) ?? [],
                  expanded: this._expanded.has(row.action.id),
                  store,
                  awareness: this.awareness,
                  members: this.members,
                  priorities: this.priorities,
                  bodyId: this.bodyId,
                  today: this.today,
                  readonly: this.readonly,
                  cell: (each, field) => this._cells.cell(each, field),
                  onToggle: (actionId) => this._toggle(actionId),
                }),
            )}
          </tbody>
        </table>
      </div>
      ${rows.length === 0
        ? html`<p class="empty">${all.length === 0 ? 'There are no actions in the log yet.' : 'No actions match these filters.'}</p>`
        : nothing}
      <p class="visually-hidden" role="status">${this._announcement}</p>
    `;
  }

  private _toggle(actionId: string) {
    const expanded = new Set(this._expanded);
    if (expanded.has(actionId)) expanded.delete(actionId);
    else expanded.add(actionId);
    this._expanded = expanded;
  }

  /** Opens an action's details, e.g. after it was added. */
  async showDetails(actionId: string) {
    if (!this._expanded.has(actionId)) this._toggle(actionId);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-action-id="${actionId}"] button.toggle`)?.focus();
  }

  private _onSortClick(column: SortColumn) {
    const direction = this._sort.column === column && this._sort.direction === 'ascending' ? 'descending' : 'ascending';
    this._sort = { column, direction };
  }

  private _onFiltersChanged(event: CustomEvent<ActionFilter>) {
    this._filter = event.detail;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'action-log-table': ActionLogTable;
  }
}
