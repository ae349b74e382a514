import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PriorityOption } from '../../shared/api.js';
import { ActionLogController } from './action-log-controller.js';
import { InvalidEdit } from './action-edits.js';
import type { ActionLogStore } from './action-log-store.js';
import { formStyles } from '../shell/form-styles.js';
import { priorityPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';

/** "Reduce repeat ASB (from Charnwood CSP)": how a priority is named where an action may serve it. */
export const priorityOptionLabel = (option: PriorityOption) => `${option.title} (from ${option.fromBody.name})`;

/**
 * The priority an action serves, in its details: a choice of the priorities
 * routed to the body, saved into the live log as soon as it is chosen, and a
 * link that follows the thread up to the priority itself.
 */
@customElement('action-priority-field')
export class ActionPriorityField extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      .serves {
        margin: 0 0 1rem;
      }
    `,
  ];

  /** The body's action log, and who is using it. */
  @property({ attribute: false }) store: ActionLogStore | null = null;

  /** The action whose priority to show. */
  @property({ attribute: 'action-id' }) actionId = '';

  /** The priorities routed to the body, which the action may serve. */
  @property({ attribute: false }) priorities: PriorityOption[] = [];

  /** When set, the priority can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  @state() private _error = '';
  @state() private _announcement = '';

  constructor() {
    super();
    new ActionLogController(this, { store: () => this.store });
  }

  override render() {
    const action = this.store?.action(this.actionId);
    if (!action) return nothing;
    const chosen = this.priorities.find((option) => option.id === action.priorityId);
    const editable = !this.readonly && this.store!.mayLinkToPriority(action);
    const id = `action-${action.id}-priority`;
    return html`${editable
        ? html`<div class="field">
            <label for=${id}>Priority</label>
            <span class="hint" id="${id}-hint">The priority routed to this body that the action serves.</span>
            ${this._error ? html`<span class="field-error" id="${id}-error">${this._error}</span>` : nothing}
            <select
              id=${id}
              aria-invalid=${this._error ? 'true' : 'false'}
              aria-describedby=${this._error ? `${id}-hint ${id}-error` : `${id}-hint`}
              @change=${this._onChange}
            >
              <option value="" ?selected=${action.priorityId === null}>None</option>
              ${action.priorityId !== null && !chosen
                ? html`<option value=${action.priorityId} selected>A priority no longer routed to this body</option>`
                : nothing}
              ${this.priorities.map(
                (option) => html`<option value=${option.id} ?selected=${option.id === action.priorityId}>${priorityOptionLabel(option)}</option>`,
              )}
            </select>
          </div>`
        : html`<p class="label">Priority</p>`}
      ${action.priorityId === null
        ? editable
          ? nothing
          : html`<p class="serves">Serves no priority.</p>`
        : html`<p class="serves">
            <a href=${priorityPath(action.priorityId)}>Serves the priority: ${chosen?.title ?? 'one no longer routed to this body'}</a>
          </p>`}
      <p class="visually-hidden" role="status">${this._announcement}</p>`;
  }

  private _onChange(event: Event) {
    if (!this.store) return;
    const value = (event.target as HTMLSelectElement).value;
    const priorityId = value === '' ? null : Number(value);
    try {
      this.store.setPriority(this.actionId, priorityId, new Set(this.priorities.map((option) => option.id)));
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._error = error.message;
      return;
    }
    this._error = '';
    const chosen = this.priorities.find((option) => option.id === priorityId);
    this._announcement = chosen ? `Priority set to ${chosen.title}` : 'Priority removed';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'action-priority-field': ActionPriorityField;
  }
}
