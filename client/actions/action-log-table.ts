import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { ACTION_LOG_LIMITS, readActions } from '../../shared/action-log-doc.js';
import { ACTION_STATUS_LABELS, londonToday, type ActionStatus } from '../../shared/actions.js';
import type { Agency, BodyMember } from '../../shared/api.js';
import type { PresenceUser } from '../../shared/realtime-protocol.js';
import type { Role } from '../../shared/roles.js';
import { ActionLogController } from './action-log-controller.js';
import { InvalidEdit, fieldProblem, mayEditField, setActionField, setStatus, statusChoices, type ActionChoices } from './action-edits.js';
import { formatDueDate, ragLabel } from './action-format.js';
import { readActionEditors, setEditingAction } from './action-presence.js';
import { actionStyles } from './action-styles.js';
import {
  DEFAULT_FILTER,
  DEFAULT_SORT,
  STATUS_FILTERS,
  actionQuery,
  actionRows,
  filterRows,
  sortRows,
  type ActionFilter,
  type ActionRow,
  type ActionSort,
  type SortColumn,
  type StatusFilter,
} from './action-table.js';
import { actionsCsvUrl } from '../shell/api.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import './action-detail.js';

/** Cells edited in place; RAG and progress change through the action's details. */
type CellField = 'title' | 'ownerId' | 'leadAgencyId' | 'dueDate' | 'status' | 'theme';

const FIELD_LABELS: Record<CellField, string> = {
  title: 'title',
  ownerId: 'owner',
  leadAgencyId: 'lead agency',
  dueDate: 'due date',
  status: 'status',
  theme: 'theme',
};

const COLUMNS: { column: SortColumn; label: string }[] = [
  { column: 'reference', label: 'Ref.' },
  { column: 'title', label: 'Action' },
  { column: 'owner', label: 'Owner' },
  { column: 'agency', label: 'Lead agency' },
  { column: 'due', label: 'Due date' },
  { column: 'status', label: 'Status' },
  { column: 'rag', label: 'RAG' },
  { column: 'theme', label: 'Theme' },
  { column: 'progress', label: 'Latest progress' },
];

const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  outstanding: 'Outstanding (not done or dropped)',
  all: 'All',
  closed: 'Closed (done or dropped)',
  ...ACTION_STATUS_LABELS,
};

interface Editing {
  actionId: string;
  field: CellField;
  error: string;
}

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
    css`
      :host {
        display: block;
      }
      form.filters {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
        gap: 0 1rem;
        align-items: end;
        padding: 1rem 1rem 0;
        background: var(--q-muted-background);
        margin-bottom: 0.5rem;
      }
      input[type='search'] {
        font: inherit;
        width: 100%;
        min-height: 2.75rem;
        padding: 0.375rem 0.5rem;
        border: 2px solid var(--q-text);
        border-radius: 0;
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
      .table-scroll {
        overflow-x: auto;
      }
      th button.sort {
        background: none;
        box-shadow: none;
        color: var(--q-text);
        padding: 0.25rem 0;
        min-height: 2.25rem;
        font-weight: 700;
        text-align: left;
      }
      th button.sort:hover {
        text-decoration: underline;
      }
      .arrow {
        display: inline-block;
        width: 1em;
      }
      button.cell {
        display: block;
        width: 100%;
        min-height: 2.25rem;
        min-width: 0;
        padding: 0.25rem;
        background: none;
        box-shadow: none;
        color: var(--q-text);
        font-weight: 400;
        text-align: left;
        border: 2px dashed transparent;
      }
      button.cell:hover {
        background: var(--q-highlight-background);
        border-color: var(--q-border);
      }
      .cell-text {
        padding: 0.25rem;
        display: block;
      }
      .blank {
        color: var(--q-secondary-text);
      }
      td.title {
        min-width: 14rem;
      }
      td.progress {
        min-width: 12rem;
        color: var(--q-secondary-text);
      }
      .editor input,
      .editor select {
        min-height: 2.25rem;
        min-width: 8rem;
      }
      tr.being-edited > td:first-child {
        box-shadow: inset 6px 0 0 var(--q-highlight);
      }
      .editors {
        display: block;
        color: var(--q-highlight);
        font-weight: 600;
        font-size: 0.875rem;
        padding: 0 0.25rem;
      }
      tr.detail > td {
        background: #fafafa;
        padding: 0.5rem 1rem 1rem;
      }
      button.toggle {
        white-space: nowrap;
      }
      .empty {
        padding: 1rem 0;
      }
    `,
  ];

  /** The body's action log document. */
  @property({ attribute: false }) doc: Y.Doc | null = null;

  /** This client's presence, to say which action it is editing and to show who else is. */
  @property({ attribute: false }) awareness: Awareness | null = null;

  /** The body's members: who may own an action. */
  @property({ attribute: false }) members: BodyMember[] = [];

  /** Agencies that may lead an action. */
  @property({ attribute: false }) agencies: Agency[] = [];

  /** The user's role on the body, which decides the statuses offered. */
  @property({ attribute: false }) myRole: Role | null = null;

  /** The signed-in user's id: owners may mark their own actions done. */
  @property({ type: Number, attribute: 'user-id' }) userId = 0;

  /** The body, for the CSV download link. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** When set, the log can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  /** Today in Europe/London (YYYY-MM-DD), for RAG and overdue; tests fix it. */
  @property() today = londonToday();

  @state() private _filter: ActionFilter = DEFAULT_FILTER;
  @state() private _sort: ActionSort = DEFAULT_SORT;
  @state() private _editing: Editing | null = null;
  @state() private _expanded = new Set<string>();
  @state() private _announcement = '';

  constructor() {
    super();
    new ActionLogController(this, { doc: () => this.doc, awareness: () => this.awareness });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this._editing) setEditingAction(this.awareness, null);
  }

  private get _choices(): ActionChoices {
    return { memberIds: new Set(this.members.map((member) => member.userId)), agencyIds: new Set(this.agencies.map((agency) => agency.id)) };
  }

  override render() {
    if (!this.doc) return nothing;
    const all = actionRows(readActions(this.doc), this.members, this.agencies, this.today);
    const rows = sortRows(filterRows(all, this._filter), this._sort);
    const editors = readActionEditors(this.awareness);
    return html`
      ${this._renderFilters(all)}
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
            <tr>
              ${COLUMNS.map(({ column, label }) => this._renderHeader(column, label))}
            </tr>
          </thead>
          <tbody>
            ${repeat(
              rows,
              (row) => row.action.id,
              (row) => this._renderRow(row, editors.get(row.action.id) ?? []),
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

  private _renderFilters(all: ActionRow[]) {
    const themes = [...new Set(all.map((row) => row.action.theme.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'en-GB'));
    const filter = this._filter;
    return html`<form class="filters" role="search" aria-label="Filter actions" @input=${this._onFilterInput} @submit=${this._onFilterSubmit}>
      <div class="field">
        <label for="filter-status">Status</label>
        <select id="filter-status" name="status">
          ${STATUS_FILTERS.map((status) => html`<option value=${status} ?selected=${filter.status === status}>${STATUS_FILTER_LABELS[status]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-owner">Owner</label>
        <select id="filter-owner" name="owner">
          <option value="" ?selected=${filter.ownerId === null}>Anyone</option>
          ${this.members.map(
            (member) => html`<option value=${member.userId} ?selected=${filter.ownerId === member.userId}>${member.name}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="filter-agency">Lead agency</label>
        <select id="filter-agency" name="agency">
          <option value="" ?selected=${filter.agencyId === null}>Any agency</option>
          ${this.agencies.map((agency) => html`<option value=${agency.id} ?selected=${filter.agencyId === agency.id}>${agency.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-overdue">Overdue</label>
        <select id="filter-overdue" name="overdue">
          <option value="any" ?selected=${filter.overdue === 'any'}>Overdue or not</option>
          <option value="overdue" ?selected=${filter.overdue === 'overdue'}>Overdue only</option>
          <option value="not-overdue" ?selected=${filter.overdue === 'not-overdue'}>Not overdue</option>
        </select>
      </div>
      <div class="field">
        <label for="filter-theme">Theme</label>
        <select id="filter-theme" name="theme">
          <option value="" ?selected=${filter.theme === ''}>Any theme</option>
          ${themes.map((theme) => html`<option value=${theme} ?selected=${filter.theme === theme}>${theme}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-text">Search</label>
        <input id="filter-text" name="text" type="search" .value=${filter.text} autocomplete="off" />
      </div>
    </form>`;
  }

  private _renderHeader(column: SortColumn, label: string) {
    const sorted = this._sort.column === column ? this._sort.direction : null;
    return html`<th scope="col" aria-sort=${sorted ?? nothing}>
      <button type="button" class="sort" @click=${() => this._onSortClick(column)}>
        ${label}<span class="arrow" aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span>
      </button>
    </th>`;
  }

  private _renderRow(row: ActionRow, editors: PresenceUser[]) {
    const { action } = row;
    const expanded = this._expanded.has(action.id);
    const name = action.reference ?? 'new action';
    const detailId = `detail-${action.id}`;
    return html`<tr class=${editors.length > 0 ? 'being-edited' : ''} data-action-id=${action.id}>
        <td class="reference">
          <button
            type="button"
            class="link-like toggle"
            aria-expanded=${expanded ? 'true' : 'false'}
            aria-controls=${detailId}
            @click=${() => this._toggle(action.id)}
          >
            ${action.reference ?? 'New'}<span class="visually-hidden">: details of ${action.title}</span>
          </button>
        </td>
        <td class="title">
          ${this._renderCell(row, 'title', html`${action.title}`, name)}
          ${editors.length > 0
            ? html`<span class="editors">${editors.map((editor) => editor.name).join(', ')} editing</span>`
            : nothing}
        </td>
        <td>${this._renderCell(row, 'ownerId', row.ownerName ? html`${row.ownerName}` : html`<span class="blank">No owner</span>`, name)}</td>
        <td>
          ${this._renderCell(row, 'leadAgencyId', row.agencyName ? html`${row.agencyName}` : html`<span class="blank">None</span>`, name)}
        </td>
        <td>
          ${this._renderCell(
            row,
            'dueDate',
            html`${action.dueDate ? formatDueDate(action.dueDate) : html`<span class="blank">No date</span>`}
            ${row.overdue ? html`<span class="overdue">(overdue)</span>` : nothing}`,
            name,
          )}
        </td>
        <td>${this._renderCell(row, 'status', html`${ACTION_STATUS_LABELS[action.status]}`, name)}</td>
        <td><span class="rag ${row.rag ?? 'none'}">${row.rag ? ragLabel(row.rag) : 'None'}</span></td>
        <td>${this._renderCell(row, 'theme', action.theme ? html`${action.theme}` : html`<span class="blank">None</span>`, name)}</td>
        <td class="progress">${row.latestProgress || html`<span class="blank">None yet</span>`}</td>
      </tr>
      ${expanded
        ? html`<tr class="detail" id=${detailId}>
            <td colspan=${COLUMNS.length}>
              <action-detail
                .doc=${this.doc}
                .awareness=${this.awareness}
                .members=${this.members}
                .myRole=${this.myRole}
                user-id=${this.userId}
                body-id=${this.bodyId}
                action-id=${action.id}
                today=${this.today}
                ?readonly=${this.readonly}
              ></action-detail>
            </td>
          </tr>`
        : nothing}`;
  }

  private _mayEdit(row: ActionRow, field: CellField): boolean {
    if (this.readonly || this.myRole === null || this.myRole === 'observer') return false;
    const me = { role: this.myRole, userId: this.userId };
    if (field === 'status') return statusChoices(row.action, me).length > 1;
    return mayEditField(row.action, field, me);
  }

  private _renderCell(row: ActionRow, field: CellField, display: TemplateResult, name: string) {
    if (!this._mayEdit(row, field)) return html`<span class="cell-text">${display}</span>`;
    const editing = this._editing;
    if (editing?.actionId === row.action.id && editing.field === field) return this._renderEditor(row, field, editing.error, name);
    return html`<button
      type="button"
      class="cell"
      data-field=${field}
      @click=${() => this._startEdit(row.action.id, field)}
      @keydown=${(event: KeyboardEvent) => this._onCellKeyDown(event, row.action.id, field)}
    >
      ${display}<span class="visually-hidden">: change ${FIELD_LABELS[field]} of ${name}</span>
    </button>`;
  }

  private _renderEditor(row: ActionRow, field: CellField, error: string, name: string) {
    const id = `edit-${row.action.id}-${field}`;
    const label = html`<label class="visually-hidden" for=${id}>${FIELD_LABELS[field][0]!.toUpperCase()}${FIELD_LABELS[field].slice(1)} of ${name}</label>`;
    const common = {
      describedBy: error ? `${id}-error` : undefined,
      invalid: error ? 'true' : 'false',
    };
    const onKeyDown = (event: KeyboardEvent) => this._onEditorKeyDown(event, row.action.id, field);
    const onBlur = (event: FocusEvent) => this._onEditorBlur(event, row.action.id, field);
    let control: TemplateResult;
    switch (field) {
      case 'title':
      case 'theme':
        control = html`<input
          id=${id}
          type="text"
          maxlength=${field === 'title' ? ACTION_LOG_LIMITS.titleLength : ACTION_LOG_LIMITS.themeLength}
          aria-invalid=${common.invalid}
          aria-describedby=${common.describedBy ?? nothing}
          @keydown=${onKeyDown}
          @blur=${onBlur}
        />`;
        break;
      case 'dueDate':
        control = html`<input
          id=${id}
          type="date"
          aria-invalid=${common.invalid}
          aria-describedby=${common.describedBy ?? nothing}
          @keydown=${onKeyDown}
          @blur=${onBlur}
        />`;
        break;
      case 'ownerId':
        control = html`<select id=${id} aria-invalid=${common.invalid} aria-describedby=${common.describedBy ?? nothing} @keydown=${onKeyDown} @blur=${onBlur}>
          <option value="">No owner</option>
          ${this.members.map((member) => html`<option value=${member.userId}>${member.name} (${member.agency.shortName})</option>`)}
        </select>`;
        break;
      case 'leadAgencyId':
        control = html`<select id=${id} aria-invalid=${common.invalid} aria-describedby=${common.describedBy ?? nothing} @keydown=${onKeyDown} @blur=${onBlur}>
          <option value="">No lead agency</option>
          ${this.agencies.map((agency) => html`<option value=${agency.id}>${agency.name}</option>`)}
        </select>`;
        break;
      case 'status':
        control = html`<select id=${id} aria-invalid=${common.invalid} aria-describedby=${common.describedBy ?? nothing} @keydown=${onKeyDown} @blur=${onBlur}>
          ${statusChoices(row.action, { role: this.myRole!, userId: this.userId }).map(
            (status) => html`<option value=${status}>${ACTION_STATUS_LABELS[status]}</option>`,
          )}
        </select>`;
        break;
    }
    return html`<div class="editor">
      ${label} ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing} ${control}
    </div>`;
  }

  private _editorOf(actionId: string, field: CellField): HTMLInputElement | HTMLSelectElement | null {
    return this.renderRoot.querySelector(`#edit-${actionId}-${field}`);
  }

  private _cellOf(actionId: string, field: CellField): HTMLButtonElement | null {
    return this.renderRoot.querySelector(`tr[data-action-id="${actionId}"] button.cell[data-field="${field}"]`);
  }

  /** The stored value as the editor shows it. */
  private _editorValue(actionId: string, field: CellField): string {
    const action = this.doc ? readActions(this.doc).find((each) => each.id === actionId) : undefined;
    const value = action?.[field];
    return value === null || value === undefined ? '' : String(value);
  }

  private async _startEdit(actionId: string, field: CellField) {
    this._editing = { actionId, field, error: '' };
    setEditingAction(this.awareness, actionId);
    await this.updateComplete;
    const editor = this._editorOf(actionId, field);
    if (!editor) return;
    editor.value = this._editorValue(actionId, field);
    editor.focus();
    if (editor instanceof HTMLInputElement && editor.type === 'text') editor.select();
  }

  private async _endEdit(actionId: string, field: CellField, { focus }: { focus: boolean }) {
    this._editing = null;
    setEditingAction(this.awareness, null);
    if (!focus) return;
    await this.updateComplete;
    this._cellOf(actionId, field)?.focus();
  }

  private _onCellKeyDown(event: KeyboardEvent, actionId: string, field: CellField) {
    // Enter activates the button itself; F2 is the spreadsheet habit.
    if (event.key === 'F2') {
      event.preventDefault();
      void this._startEdit(actionId, field);
    }
  }

  private _onEditorKeyDown(event: KeyboardEvent, actionId: string, field: CellField) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      void this._endEdit(actionId, field, { focus: true });
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this._save(actionId, field, { focus: true });
    }
  }

  private _onEditorBlur(_event: FocusEvent, actionId: string, field: CellField) {
    const editing = this._editing;
    // Blur also fires as the editor is removed after Enter or Escape.
    if (editing?.actionId !== actionId || editing.field !== field) return;
    this._save(actionId, field, { focus: false });
  }

  /** Writes the editor's value if it keeps the log's rules; otherwise says why beside it. */
  private _save(actionId: string, field: CellField, { focus }: { focus: boolean }) {
    const editor = this._editorOf(actionId, field);
    if (!this.doc || !editor || this.myRole === null) return;
    const raw = editor.value;
    const name = this.doc ? (readActions(this.doc).find((each) => each.id === actionId)?.reference ?? 'the new action') : '';
    const me = { role: this.myRole, userId: this.userId };
    try {
      switch (field) {
        case 'status':
          setStatus(this.doc, actionId, raw as ActionStatus, me);
          break;
        case 'ownerId':
        case 'leadAgencyId': {
          const value = raw === '' ? null : Number(raw);
          setActionField(this.doc, actionId, field, value, me, this._choices);
          break;
        }
        case 'dueDate': {
          const value = raw === '' ? null : raw;
          const problem = fieldProblem('dueDate', value);
          if (problem) throw new InvalidEdit(problem);
          setActionField(this.doc, actionId, 'dueDate', value, me);
          break;
        }
        case 'title':
        case 'theme':
          setActionField(this.doc, actionId, field, field === 'theme' ? raw.trim() : raw, me);
          break;
      }
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._editing = { actionId, field, error: error.message };
      if (focus) editor.focus();
      return;
    }
    this._announcement = `${FIELD_LABELS[field][0]!.toUpperCase()}${FIELD_LABELS[field].slice(1)} of ${name} saved`;
    void this._endEdit(actionId, field, { focus });
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

  private _onFilterInput(event: Event) {
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
    const id = (name: string) => (value(name) === '' ? null : Number(value(name)));
    this._filter = {
      status: value('status') as StatusFilter,
      ownerId: id('owner'),
      agencyId: id('agency'),
      overdue: value('overdue') as ActionFilter['overdue'],
      theme: value('theme'),
      text: value('text'),
    };
  }

  private _onFilterSubmit(event: SubmitEvent) {
    event.preventDefault();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'action-log-table': ActionLogTable;
  }
}
