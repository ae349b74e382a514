/**
 * The in-place editor of one cell of the action log table: a text, date or
 * choice control labelled for the cell, with the rule it broke beside it.
 * Rendered into the table's own rows (a custom element cannot sit in a table).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ACTION_LOG_LIMITS } from '../../shared/action-log-doc.js';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../shared/actions.js';
import type { Agency, BodyMember } from '../../shared/api.js';

/** Cells edited in place; RAG and progress change through the action's details. */
export type CellField = 'title' | 'ownerId' | 'leadAgencyId' | 'dueDate' | 'status' | 'theme';

export const FIELD_LABELS: Record<CellField, string> = {
  title: 'title',
  ownerId: 'owner',
  leadAgencyId: 'lead agency',
  dueDate: 'due date',
  status: 'status',
  theme: 'theme',
};

export const capitalised = (words: string) => `${words[0]!.toUpperCase()}${words.slice(1)}`;

/** The id of a cell's editor, for focusing it and reading its value. */
export const cellEditorId = (actionId: string, field: CellField) => `edit-${actionId}-${field}`;

export interface CellEditorOptions {
  actionId: string;
  field: CellField;
  /** The rule the last value broke, or ''. */
  error: string;
  /** The action as a reader names it: its reference, or "new action". */
  name: string;
  members: readonly BodyMember[];
  agencies: readonly Agency[];
  /** The statuses the user may choose, for the status cell. */
  statuses: readonly ActionStatus[];
  onKeyDown(event: KeyboardEvent): void;
  onBlur(event: FocusEvent): void;
}

export function renderCellEditor({ actionId, field, error, name, members, agencies, statuses, onKeyDown, onBlur }: CellEditorOptions): TemplateResult {
  const id = cellEditorId(actionId, field);
  const describedBy = error ? `${id}-error` : nothing;
  const invalid = error ? 'true' : 'false';
  let control: TemplateResult;
  switch (field) {
    case 'title':
    case 'theme':
      control = html`<input
        id=${id}
        type="text"
        maxlength=${field === 'title' ? ACTION_LOG_LIMITS.titleLength : ACTION_LOG_LIMITS.themeLength}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        @keydown=${onKeyDown}
        @blur=${onBlur}
      />`;
      break;
    case 'dueDate':
      control = html`<input id=${id} type="date" aria-invalid=${invalid} aria-describedby=${describedBy} @keydown=${onKeyDown} @blur=${onBlur} />`;
      break;
    case 'ownerId':
      control = html`<select id=${id} aria-invalid=${invalid} aria-describedby=${describedBy} @keydown=${onKeyDown} @blur=${onBlur}>
        <option value="">No owner</option>
        ${members.map((member) => html`<option value=${member.userId}>${member.name} (${member.agency.shortName})</option>`)}
      </select>`;
      break;
    case 'leadAgencyId':
      control = html`<select id=${id} aria-invalid=${invalid} aria-describedby=${describedBy} @keydown=${onKeyDown} @blur=${onBlur}>
        <option value="">No lead agency</option>
        ${agencies.map((agency) => html`<option value=${agency.id}>${agency.name}</option>`)}
      </select>`;
      break;
    case 'status':
      control = html`<select id=${id} aria-invalid=${invalid} aria-describedby=${describedBy} @keydown=${onKeyDown} @blur=${onBlur}>
        ${statuses.map((status) => html`<option value=${status}>${ACTION_STATUS_LABELS[status]}</option>`)}
      </select>`;
      break;
  }
  return html`<div class="editor">
    <label class="visually-hidden" for=${id}>${capitalised(FIELD_LABELS[field])} of ${name}</label>
    ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing} ${control}
  </div>`;
}
