import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ACTION_STATUS_LABELS, isClosedStatus, type ActionStatus } from '../../shared/actions.js';
import type { ActionSummary } from '../../shared/api.js';
import { formatDateTime } from '../../shared/dates.js';
import type { Role } from '../../shared/roles.js';
import { mayAddProgress, statusChoices } from './action-edits.js';
import { changeActionStatus } from './action-api.js';
import { formatDueDate, ragLabel } from './action-format.js';
import { actionStyles } from './action-styles.js';
import './progress-form.js';
import { addProgressUpdate } from '../shell/api.js';
import { explainApiError } from '../shell/api-errors.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

export const ACTION_UPDATED = 'action-updated';

/**
 * One action on My actions: what is due and how it stands, and the changes
 * the rulebook lets this person make from here (status, marking it done,
 * progress), each written into the body's live log by the server.
 */
@customElement('owned-action')
export class OwnedAction extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    actionStyles,
    css`
      :host {
        display: block;
      }
      h3,
      h4 {
        margin: 0 0 0.5rem;
      }
      dl.facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
        margin: 0 0 0.5rem;
      }
      dl.facts div {
        display: flex;
        gap: 0.375rem;
      }
      dl.facts dt {
        font-weight: 700;
      }
      dl.facts dd {
        margin: 0;
      }
      .latest {
        color: var(--q-secondary-text);
        margin: 0 0 0.5rem;
      }
      form.status {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem 1rem;
      }
      form.status .field {
        margin: 0;
      }
      details summary {
        cursor: pointer;
        color: var(--q-link);
        font-weight: 600;
        padding: 0.25rem 0;
      }
    `,
  ];

  /** The action, as the server last listed it. */
  @property({ attribute: false }) action: ActionSummary | null = null;

  /** The signed-in person's role on the action's body, or null if they are not a member. */
  @property({ attribute: false }) myRole: Role | null = null;

  /** The level of the action's heading on the page. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: 3 | 4 = 3;

  /** The signed-in person's id: owners may mark their own actions done. */
  @property({ type: Number, attribute: 'user-id' }) userId = 0;

  @state() private _error = '';
  @state() private _sending = false;
  @state() private _announcement = '';

  override render() {
    const action = this.action;
    if (!action) return nothing;
    const editor = this.myRole === null ? null : { role: this.myRole, userId: this.userId };
    const asAction = { status: action.status, ownerId: action.owner?.id ?? null };
    const statuses = editor ? statusChoices(asAction, editor) : [action.status];
    const id = `status-${action.id}`;
    const title = html`${action.reference ? html`<span class="reference">${action.reference}</span>: ` : nothing}${action.title}`;
    return html`${this.headingLevel === 4 ? html`<h4>${title}</h4>` : html`<h3>${title}</h3>`}
      <dl class="facts">
        <div>
          <dt>Due</dt>
          <dd>${formatDueDate(action.dueDate)} ${action.overdue ? html`<span class="overdue">(overdue)</span>` : nothing}</dd>
        </div>
        <div>
          <dt>RAG</dt>
          <dd><span class="rag ${action.rag ?? 'none'}">${ragLabel(action.rag)}</span></dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>${ACTION_STATUS_LABELS[action.status]}</dd>
        </div>
        ${action.owner && action.owner.id !== this.userId
          ? html`<div>
              <dt>Owner</dt>
              <dd>${action.owner.name}</dd>
            </div>`
          : nothing}
      </dl>
      <p class="latest">
        ${action.latestProgress
          ? html`Latest progress (${formatDateTime(action.latestProgress.at)}): ${action.latestProgress.text}`
          : 'No progress updates yet.'}
      </p>
      ${statuses.length > 1
        ? html`<form class="status" @submit=${this._onStatusSubmit} novalidate>
            <div class="field">
              <label for=${id}>Status of ${action.title}</label>
              ${this._error ? html`<span class="field-error" id="${id}-error">${this._error}</span>` : nothing}
              <select id=${id} name="status" aria-invalid=${this._error ? 'true' : 'false'} aria-describedby=${this._error ? `${id}-error` : nothing}>
                ${statuses.map((status) => html`<option value=${status} ?selected=${status === action.status}>${ACTION_STATUS_LABELS[status]}</option>`)}
              </select>
            </div>
            <button type="submit" class="secondary small" ?disabled=${this._sending}>Change status</button>
            ${statuses.includes('done') && action.status !== 'done'
              ? html`<button type="button" class="small" ?disabled=${this._sending} @click=${this._onMarkDoneClick}>
                  Mark done<span class="visually-hidden">: ${action.title}</span>
                </button>`
              : nothing}
          </form>`
        : nothing}
      ${editor && mayAddProgress(asAction, editor)
        ? html`<details>
            <summary>Add progress<span class="visually-hidden"> to ${action.title}</span></summary>
            <progress-form label="Progress update on ${action.title}" .save=${this._saveProgress}></progress-form>
          </details>`
        : nothing}
      <p class="visually-hidden" role="status">${this._announcement}</p>`;
  }

  private _onStatusSubmit(event: SubmitEvent) {
    event.preventDefault();
    const select = (event.currentTarget as HTMLFormElement).elements.namedItem('status') as HTMLSelectElement;
    void this._changeStatus(select.value as ActionStatus);
  }

  private _onMarkDoneClick() {
    void this._changeStatus('done');
  }

  private async _changeStatus(status: ActionStatus) {
    const action = this.action;
    if (!action || status === action.status) return;
    this._sending = true;
    try {
      await changeActionStatus(action.bodyId, action.id, status);
      this._error = '';
      this._announcement = `${action.title}: ${isClosedStatus(status) ? `marked ${ACTION_STATUS_LABELS[status].toLowerCase()}` : `now ${ACTION_STATUS_LABELS[status]}`}`;
      this._updated({ ...action, status, rag: isClosedStatus(status) ? null : action.rag, overdue: isClosedStatus(status) ? false : action.overdue });
    } catch (error) {
      this._error = explainApiError(this, error);
    } finally {
      this._sending = false;
    }
  }

  private readonly _saveProgress = async (text: string) => {
    const action = this.action;
    if (!action) return;
    await addProgressUpdate(action.bodyId, action.id, text);
    this._updated({ ...action, latestProgress: { text, at: new Date().toISOString() } });
  };

  private _updated(action: ActionSummary) {
    this.dispatchEvent(new CustomEvent(ACTION_UPDATED, { detail: action, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'owned-action': OwnedAction;
  }
  interface HTMLElementEventMap {
    [ACTION_UPDATED]: CustomEvent<ActionSummary>;
  }
}
