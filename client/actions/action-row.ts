/**
 * One action as a row of the action log table, and its details beneath it
 * when opened: the cells a user may change are buttons that open an editor.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import { ACTION_STATUS_LABELS } from '../../shared/actions.js';
import type { BodyMember, PriorityOption } from '../../shared/api.js';
import type { PresenceUser } from '../../shared/realtime-protocol.js';
import { formatDueDate, ragLabel } from './action-format.js';
import type { ActionLogStore } from './action-log-store.js';
import type { ActionRow, ActionSort, SortColumn } from './action-table.js';
import { FIELD_LABELS, type CellField } from './action-cell-editor.js';
import './action-detail.js';

export const COLUMNS: { column: SortColumn; label: string }[] = [
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

export const COLUMN_COUNT = COLUMNS.length;

/** The column headers, each a button that sorts by it; `aria-sort` says which one does. */
export function renderHeaderRow(sort: ActionSort, onSort: (column: SortColumn) => void): TemplateResult {
  return html`<tr>
    ${COLUMNS.map(({ column, label }) => {
      const sorted = sort.column === column ? sort.direction : null;
      return html`<th scope="col" aria-sort=${sorted ?? nothing}>
        <button type="button" class="sort" @click=${() => onSort(column)}>
          ${label}<span class="arrow" aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}</span>
        </button>
      </th>`;
    })}
  </tr>`;
}

export interface ActionRowOptions {
  row: ActionRow;
  /** Everyone else editing this action. */
  editors: readonly PresenceUser[];
  expanded: boolean;
  store: ActionLogStore;
  awareness: Awareness | null;
  members: readonly BodyMember[];
  /** The priorities routed to the body, which its actions may serve. */
  priorities: readonly PriorityOption[];
  bodyId: number;
  today: string;
  readonly: boolean;
  /** The cell's editor if it is being edited, its button if the user may edit it, or null for plain text. */
  cell(row: ActionRow, field: CellField): ((display: TemplateResult, name: string) => TemplateResult) | null;
  onToggle(actionId: string): void;
}

export function renderActionRow(options: ActionRowOptions): TemplateResult {
  const { row, editors, expanded } = options;
  const { action } = row;
  const name = action.reference ?? 'new action';
  const detailId = `detail-${action.id}`;
  const cell = (field: CellField, display: TemplateResult) => options.cell(row, field)?.(display, name) ?? html`<span class="cell-text">${display}</span>`;
  const blank = (words: string) => html`<span class="blank">${words}</span>`;
  return html`<tr class=${editors.length > 0 ? 'being-edited' : ''} data-action-id=${action.id}>
      <td class="reference">
        <button
          type="button"
          class="link-like toggle"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${detailId}
          @click=${() => options.onToggle(action.id)}
        >
          ${action.reference ?? 'New'}<span class="visually-hidden">: details of ${action.title}</span>
        </button>
      </td>
      <td class="title">
        ${cell('title', html`${action.title}`)}
        ${editors.length > 0 ? html`<span class="editors">${editors.map((editor) => editor.name).join(', ')} editing</span>` : nothing}
      </td>
      <td>${cell('ownerId', row.ownerName ? html`${row.ownerName}` : blank('No owner'))}</td>
      <td>${cell('leadAgencyId', row.agencyName ? html`${row.agencyName}` : blank('None'))}</td>
      <td>
        ${cell(
          'dueDate',
          html`${action.dueDate ? formatDueDate(action.dueDate) : blank('No date')}
          ${row.overdue ? html`<span class="overdue">(overdue)</span>` : nothing}`,
        )}
      </td>
      <td>${cell('status', html`${ACTION_STATUS_LABELS[action.status]}`)}</td>
      <td><span class="rag ${row.rag ?? 'none'}">${row.rag ? ragLabel(row.rag) : 'None'}</span></td>
      <td>${cell('theme', action.theme ? html`${action.theme}` : blank('None'))}</td>
      <td class="progress">${row.latestProgress || blank('None yet')}</td>
    </tr>
    ${expanded
      ? html`<tr class="detail" id=${detailId}>
          <td colspan=${COLUMN_COUNT}>
            <action-detail
              .store=${options.store}
              .awareness=${options.awareness}
              .members=${options.members}
              .priorities=${options.priorities}
              body-id=${options.bodyId}
              action-id=${action.id}
              today=${options.today}
              ?readonly=${options.readonly}
            ></action-detail>
          </td>
        </tr>`
      : nothing}`;
}

/** The button that opens a cell's editor. */
export function renderCellButton(field: CellField, display: TemplateResult, name: string, onClick: () => void, onKeyDown: (event: KeyboardEvent) => void): TemplateResult {
  return html`<button type="button" class="cell" data-field=${field} @click=${onClick} @keydown=${onKeyDown}>
    ${display}<span class="visually-hidden">: change ${FIELD_LABELS[field]} of ${name}</span>
  </button>`;
}

/** The look of the header, the rows and their cells, for the table that renders them. */
export const actionRowStyles = css`
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
      .empty {
        padding: 1rem 0;
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
`;
