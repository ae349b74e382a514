/**
 * A read-only table of actions as the server lists them, for pages that show
 * a body's actions without the live log. Each page picks its columns; a
 * column reads the same wherever it appears. Needs `actionStyles`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ACTION_STATUS_LABELS } from '../../shared/actions.js';
import type { ActionSummary } from '../../shared/api.js';
import { formatDueDate, ragLabel } from './action-format.js';

interface Column {
  heading: string;
  cell: (action: ActionSummary) => TemplateResult;
}

const COLUMNS = {
  reference: { heading: 'Ref.', cell: (action) => html`<td class="reference">${action.reference ?? 'New'}</td>` },
  title: { heading: 'Action', cell: (action) => html`<td>${action.title}</td>` },
  owner: { heading: 'Owner', cell: (action) => html`<td>${action.owner?.name ?? 'No owner'}</td>` },
  leadAgency: { heading: 'Lead agency', cell: (action) => html`<td>${action.leadAgency?.shortName ?? 'None'}</td>` },
  dueDate: {
    heading: 'Due date',
    cell: (action) => html`<td>${formatDueDate(action.dueDate)} ${action.overdue ? html`<span class="overdue">(overdue)</span>` : nothing}</td>`,
  },
  status: { heading: 'Status', cell: (action) => html`<td>${ACTION_STATUS_LABELS[action.status]}</td>` },
  rag: { heading: 'RAG', cell: (action) => html`<td><span class="rag ${action.rag ?? 'none'}">${ragLabel(action.rag)}</span></td>` },
  theme: { heading: 'Theme', cell: (action) => html`<td>${action.theme || 'None'}</td>` },
  latestProgress: { heading: 'Latest progress', cell: (action) => html`<td>${action.latestProgress?.text ?? 'None yet'}</td>` },
} satisfies Record<string, Column>;

export type ActionColumn = keyof typeof COLUMNS;

export interface ActionSummaryTable {
  actions: readonly ActionSummary[];
  /** Names the scrolling region and captions the table, for screen readers. */
  label: string;
  columns: readonly ActionColumn[];
}

export function actionSummaryTable({ actions, label, columns }: ActionSummaryTable) {
  return html`<div class="table-scroll" role="region" aria-label=${label} tabindex="0">
    <table class="actions">
      <caption class="visually-hidden">${label}</caption>
      <thead>
        <tr>
          ${columns.map((column) => html`<th scope="col">${COLUMNS[column].heading}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${actions.map((action) => html`<tr>${columns.map((column) => COLUMNS[column].cell(action))}</tr>`)}
      </tbody>
    </table>
  </div>`;
}
