import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { Awareness } from 'y-protocols/awareness';
import type { ActionStatus } from '../../shared/actions.js';
import type { Agency, BodyMember } from '../../shared/api.js';
import type { ActionLogStore } from './action-log-store.js';
import { InvalidEdit, fieldProblem, type ActionChoices } from './action-edits.js';
import { FIELD_LABELS, capitalised, cellEditorId, renderCellEditor, type CellField } from './action-cell-editor.js';
import { setEditingAction } from './action-presence.js';
import { renderCellButton } from './action-row.js';
import type { ActionRow } from './action-table.js';

interface Editing {
  actionId: string;
  field: CellField;
  error: string;
}

interface CellEditingHost extends ReactiveControllerHost {
  readonly store: ActionLogStore | null;
  readonly awareness: Awareness | null;
  readonly members: BodyMember[];
  readonly agencies: Agency[];
  readonly readonly: boolean;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Editing an action log cell in place from the keyboard: Enter or F2 to edit,
 * Enter to save, Escape to cancel. Each value is checked against the log's
 * rules before it is written, and a refusal is said beside the editor.
 */
export class CellEditing implements ReactiveController {
  private _editing: Editing | null = null;

  constructor(
    private readonly host: CellEditingHost,
    private readonly announce: (message: string) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    if (this._editing) setEditingAction(this.host.awareness, null);
  }

  private set editing(editing: Editing | null) {
    this._editing = editing;
    this.host.requestUpdate();
  }

  private get _choices(): ActionChoices {
    return {
      memberIds: new Set(this.host.members.map((member) => member.userId)),
      agencyIds: new Set(this.host.agencies.map((agency) => agency.id)),
    };
  }

  private _mayEdit(row: ActionRow, field: CellField): boolean {
    const store = this.host.store;
    if (this.host.readonly || !store) return false;
    if (field === 'status') return store.mayChangeStatus(row.action);
    return store.mayEditField(row.action, field);
  }

  /** How a cell renders: its editor, the button that opens one, or (null) plain text. */
  cell(row: ActionRow, field: CellField): ((display: TemplateResult, name: string) => TemplateResult) | null {
    if (!this._mayEdit(row, field)) return null;
    const actionId = row.action.id;
    const editing = this._editing;
    if (editing?.actionId === actionId && editing.field === field) {
      return (_display, name) =>
        renderCellEditor({
          actionId,
          field,
          error: editing.error,
          name,
          members: this.host.members,
          agencies: this.host.agencies,
          statuses: this.host.store?.statusChoices(row.action) ?? [],
          onKeyDown: (event) => this._onEditorKeyDown(event, actionId, field),
          onBlur: () => this._onEditorBlur(actionId, field),
        });
    }
    return (display, name) =>
      renderCellButton(
        field,
        display,
        name,
        () => void this._startEdit(actionId, field),
        (event) => this._onCellKeyDown(event, actionId, field),
      );
  }

  private _editorOf(actionId: string, field: CellField): HTMLInputElement | HTMLSelectElement | null {
    return this.host.renderRoot.querySelector(`#${cellEditorId(actionId, field)}`);
  }

  private _cellOf(actionId: string, field: CellField): HTMLButtonElement | null {
    return this.host.renderRoot.querySelector(`tr[data-action-id="${actionId}"] button.cell[data-field="${field}"]`);
  }

  private async _startEdit(actionId: string, field: CellField) {
    this.editing = { actionId, field, error: '' };
    setEditingAction(this.host.awareness, actionId);
    await this.host.updateComplete;
    const editor = this._editorOf(actionId, field);
    if (!editor) return;
    const value = this.host.store?.action(actionId)?.[field];
    editor.value = value === null || value === undefined ? '' : String(value);
    editor.focus();
    if (editor instanceof HTMLInputElement && editor.type === 'text') editor.select();
  }

  private async _endEdit(actionId: string, field: CellField, { focus }: { focus: boolean }) {
    this.editing = null;
    setEditingAction(this.host.awareness, null);
    if (!focus) return;
    await this.host.updateComplete;
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

  private _onEditorBlur(actionId: string, field: CellField) {
    const editing = this._editing;
    // Blur also fires as the editor is removed after Enter or Escape.
    if (editing?.actionId !== actionId || editing.field !== field) return;
    this._save(actionId, field, { focus: false });
  }

  /** Writes the editor's value if it keeps the log's rules; otherwise says why beside it. */
  private _save(actionId: string, field: CellField, { focus }: { focus: boolean }) {
    const store = this.host.store;
    const editor = this._editorOf(actionId, field);
    if (!store || !editor) return;
    const raw = editor.value;
    const name = store.action(actionId)?.reference ?? 'the new action';
    try {
      switch (field) {
        case 'status':
          store.setStatus(actionId, raw as ActionStatus);
          break;
        case 'ownerId':
        case 'leadAgencyId':
          store.setField(actionId, field, raw === '' ? null : Number(raw), this._choices);
          break;
        case 'dueDate': {
          const value = raw === '' ? null : raw;
          const problem = fieldProblem('dueDate', value);
          if (problem) throw new InvalidEdit(problem);
          store.setField(actionId, 'dueDate', value);
          break;
        }
        case 'title':
        case 'theme':
          store.setField(actionId, field, field === 'theme' ? raw.trim() : raw);
          break;
      }
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this.editing = { actionId, field, error: error.message };
      if (focus) editor.focus();
      return;
    }
    this.announce(`${capitalised(FIELD_LABELS[field])} of ${name} saved`);
    void this._endEdit(actionId, field, { focus });
  }
}
