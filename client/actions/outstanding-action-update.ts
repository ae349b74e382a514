import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ACTION_LOG_LIMITS } from '../../shared/action-log-doc.js';
import { ACTION_STATUS_LABELS, RAGS, RAG_LABELS, type ActionStatus, type Rag } from '../../shared/actions.js';
import { ActionLogController } from './action-log-controller.js';
import type { ActionLogStore } from './action-log-store.js';
import { InvalidEdit, fieldProblem } from './action-edits.js';
import './progress-form.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

/**
 * The meeting's update to one outstanding action, made live in the body's
 * log as it is discussed: status, due date, the chair's RAG and progress.
 * Each control is offered only to those the rulebook lets make that change.
 */
@customElement('outstanding-action-update')
export class OutstandingActionUpdate extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      .controls {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(14rem, 100%), 1fr));
        gap: 0 1rem;
        align-items: start;
      }
      .saved {
        color: var(--q-success);
        font-weight: 600;
      }
    `,
  ];

  /** The body's action log, and who is using it. */
  @property({ attribute: false }) store: ActionLogStore | null = null;

  /** The action to update. */
  @property({ attribute: 'action-id' }) actionId = '';

  @state() private _errors = new Map<string, string>();
  @state() private _announcement = '';

  constructor() {
    super();
    new ActionLogController(this, { store: () => this.store });
  }

  override render() {
    const store = this.store;
    const action = store?.action(this.actionId);
    if (!store || !action) return html`<p>This action is no longer in the log.</p>`;
    const id = (name: string) => `update-${action.id}-${name}`;
    const error = (name: string) => this._errors.get(name);
    const errorText = (name: string) => (error(name) ? html`<span class="field-error" id=${id(`${name}-error`)}>${error(name)}</span>` : nothing);
    const statuses = store.statusChoices(action);
    return html`<div class="controls">
        <div class="field">
          <label for=${id('status')}>Status</label>
          ${errorText('status')}
          <select id=${id('status')} ?disabled=${statuses.length < 2} @change=${this._onStatusChange}>
            ${statuses.map((status) => html`<option value=${status} ?selected=${status === action.status}>${ACTION_STATUS_LABELS[status]}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for=${id('due')}>Due date</label>
          ${errorText('due')}
          <input
            id=${id('due')}
            type="date"
            .value=${action.dueDate ?? ''}
            ?disabled=${!store.mayEditField(action, 'dueDate')}
            aria-invalid=${error('due') ? 'true' : 'false'}
            aria-describedby=${error('due') ? id('due-error') : nothing}
            @change=${this._onDueChange}
          />
        </div>
        ${store.mayOverrideRag()
          ? html`<form @submit=${this._onRagSubmit} novalidate aria-label="Chair’s RAG override">
              ${errorText('rag')}
              <div class="field">
                <label for=${id('rag')}>Chair’s RAG override</label>
                <select id=${id('rag')} name="rag">
                  <option value="" ?selected=${action.ragOverride === null}>No override: from the due date</option>
                  ${RAGS.map((rag) => html`<option value=${rag} ?selected=${action.ragOverride === rag}>${RAG_LABELS[rag]}</option>`)}
                </select>
              </div>
              <div class="field">
                <label for=${id('rag-reason')}>Reason for the override</label>
                <input
                  id=${id('rag-reason')}
                  name="reason"
                  type="text"
                  maxlength=${ACTION_LOG_LIMITS.ragReasonLength}
                  .value=${action.ragOverrideReason}
                  aria-invalid=${error('rag') ? 'true' : 'false'}
                  aria-describedby=${error('rag') ? id('rag-error') : nothing}
                />
              </div>
              <button type="submit" class="secondary small">Save RAG status</button>
            </form>`
          : nothing}
        ${store.mayAddProgress(action)
          ? html`<progress-form label="Progress update on ${action.reference ?? action.title}" .save=${this._saveProgress}></progress-form>`
          : nothing}
      </div>
      <p class="visually-hidden" role="status">${this._announcement}</p>`;
  }

  private _setError(key: string, message: string | null) {
    const errors = new Map(this._errors);
    if (message) errors.set(key, message);
    else errors.delete(key);
    this._errors = errors;
  }

  /** Runs an edit, saying what was saved or, beside the control, why not. */
  private _edit(key: string, edit: () => void, saved: string) {
    try {
      edit();
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._setError(key, error.message);
      return;
    }
    this._setError(key, null);
    this._announcement = saved;
  }

  private _onStatusChange(event: Event) {
    const status = (event.target as HTMLSelectElement).value as ActionStatus;
    this._edit('status', () => this.store!.setStatus(this.actionId, status), `Status set to ${ACTION_STATUS_LABELS[status]}`);
  }

  private _onDueChange(event: Event) {
    const raw = (event.target as HTMLInputElement).value;
    const value = raw === '' ? null : raw;
    this._edit(
      'due',
      () => {
        const problem = fieldProblem('dueDate', value);
        if (problem) throw new InvalidEdit(problem);
        this.store!.setField(this.actionId, 'dueDate', value);
      },
      'Due date saved',
    );
  }

  private _onRagSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const rag = ((form.elements.namedItem('rag') as HTMLSelectElement).value || null) as Rag | null;
    const reason = (form.elements.namedItem('reason') as HTMLInputElement).value;
    this._edit('rag', () => this.store!.setRagOverride(this.actionId, rag, reason), rag ? `RAG status set to ${RAG_LABELS[rag]}` : 'RAG override removed');
  }

  private readonly _saveProgress = (text: string) => this.store?.addProgress(this.actionId, text);
}

declare global {
  interface HTMLElementTagNameMap {
    'outstanding-action-update': OutstandingActionUpdate;
  }
}
