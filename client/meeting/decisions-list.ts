import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type * as Y from 'yjs';
import { MEETING_DOC_LIMITS, agendaOf, readAgendaItem, type Decision } from '../../shared/meeting-doc.js';
import { MeetingController } from './meeting-controller.js';
import { InvalidEdit, addDecision, decisionProblem, removeDecision, setDecisionText } from './meeting-edits.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import type { ConfirmDialog } from '../shell/confirm-dialog.js';
import '../shell/confirm-dialog.js';

/**
 * The decisions recorded under one agenda item. Each is saved when its field
 * loses focus; a new one starts "RESOLVED that ", ready to finish.
 */
@customElement('decisions-list')
export class DecisionsList extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      ol {
        margin: 0 0 1rem;
        padding-left: 1.5rem;
      }
      li {
        margin-bottom: 1rem;
      }
      textarea {
        min-height: 5rem;
        resize: vertical;
      }
      .empty {
        color: var(--q-secondary-text);
      }
    `,
  ];

  /** The meeting document. */
  @property({ attribute: false }) doc: Y.Doc | null = null;

  /** The agenda item whose decisions these are. */
  @property({ attribute: 'item-id' }) itemId = '';

  /** When set, the decisions can be read but not changed. */
  @property({ type: Boolean }) readonly = false;

  @state() private _errors: Record<string, string> = {};
  @state() private _formError = '';

  @query('confirm-dialog') private _confirm!: ConfirmDialog;

  constructor() {
    super();
    new MeetingController(this, { doc: () => this.doc });
  }

  override render() {
    const item = this.doc ? agendaOf(this.doc).get(this.itemId) : undefined;
    if (!item) return nothing;
    const { decisions } = readAgendaItem(item);
    return html`<h3 id="decisions-heading">Decisions</h3>
      ${decisions.length === 0 ? html`<p class="empty">No decisions recorded for this item.</p>` : nothing}
      <ol aria-labelledby="decisions-heading">
        ${repeat(decisions, (decision) => decision.id, (decision, index) => this._renderDecision(decision, index))}
      </ol>
      ${this._formError ? html`<p class="field-error" role="alert">${this._formError}</p>` : nothing}
      ${this.readonly
        ? nothing
        : html`<button
            type="button"
            class="secondary"
            ?disabled=${decisions.length >= MEETING_DOC_LIMITS.decisionsPerItem}
            @click=${this._onAddClick}
          >
            Add a decision
          </button>`}
      <confirm-dialog></confirm-dialog>`;
  }

  private _renderDecision(decision: Decision, index: number) {
    const id = `decision-${decision.id}`;
    const error = this._errors[decision.id];
    if (this.readonly) return html`<li><p>${decision.text}</p></li>`;
    return html`<li>
      <label for=${id}>Decision ${index + 1}</label>
      ${error ? html`<span class="field-error" id="${id}-error">${error}</span>` : nothing}
      <textarea
        id=${id}
        maxlength=${MEETING_DOC_LIMITS.decisionLength}
        .value=${decision.text}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @change=${(event: Event) => this._onTextChange(event, decision.id)}
      ></textarea>
      <div class="actions">
        <button type="button" class="warning small" @click=${() => this._remove(decision, index)}>
          Remove decision ${index + 1}
        </button>
      </div>
    </li>`;
  }

  private _onTextChange(event: Event, decisionId: string) {
    if (!this.doc) return;
    const text = (event.target as HTMLTextAreaElement).value;
    const problem = decisionProblem(text);
    if (problem) {
      this._errors = { ...this._errors, [decisionId]: problem };
      return;
    }
    const { [decisionId]: _cleared, ...rest } = this._errors;
    this._errors = rest;
    try {
      setDecisionText(this.doc, this.itemId, decisionId, text);
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._formError = error.message;
    }
  }

  private async _onAddClick() {
    if (!this.doc) return;
    let id: string;
    try {
      id = addDecision(this.doc, this.itemId);
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
      this._formError = error.message;
      return;
    }
    this._formError = '';
    await this.updateComplete;
    const field = this.renderRoot.querySelector<HTMLTextAreaElement>(`#decision-${id}`);
    if (field) {
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
  }

  private async _remove(decision: Decision, index: number) {
    const confirmed = await this._confirm.ask({
      heading: `Remove decision ${index + 1}?`,
      message: `“${decision.text}” will be removed for everyone in the meeting.`,
      confirmLabel: 'Remove decision',
    });
    if (!confirmed || !this.doc) return;
    try {
      removeDecision(this.doc, this.itemId, decision.id);
    } catch (error) {
      if (!(error instanceof InvalidEdit)) throw error;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('button.secondary')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'decisions-list': DecisionsList;
  }
}
