import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { EscalationSummary } from '../../shared/api.js';
import { ESCALATION_LIMITS } from '../../shared/escalation.js';
import { escalateRequest } from '../../shared/schemas.js';
import { explainApiError } from '../shell/api-errors.js';
import { dialogStyles } from '../shell/dialog-styles.js';
import { fieldProblems, focusFirstProblem } from '../shell/form-problems.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import { readFields, SUMMARY_HINT, textAreaField } from './escalation-fields.js';
import { escalateAction } from './escalations-api.js';

/** Fired when the escalation has been sent; `detail` is the new hop. */
export const ESCALATION_SENT = 'escalation-sent';

const FIELDS = ['summary', 'reason'] as const;

/**
 * The chair's form for sending an action up a tier, in a modal <dialog>
 * (which traps focus, closes on Escape and gives focus back to the button
 * that opened it).
 */
@customElement('escalate-dialog')
export class EscalateDialog extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    dialogStyles,
    css`
      dialog {
        width: min(40rem, calc(100vw - 2rem));
      }
      textarea {
        min-height: 6rem;
        resize: vertical;
      }
    `,
  ];

  /** The body whose log holds the action. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** The action to escalate. */
  @property({ attribute: 'action-id' }) actionId = '';

  /** The body it goes to, by name. */
  @property({ attribute: 'target-name' }) targetName = '';

  @state() private _errors: Record<string, string> = {};
  @state() private _formError = '';
  @state() private _sending = false;

  @query('dialog') private _dialog!: HTMLDialogElement;
  @query('form') private _form!: HTMLFormElement;

  /** Opens the dialog with empty fields. */
  async show() {
    await this.updateComplete;
    this._form.reset();
    this._errors = {};
    this._formError = '';
    if (!this._dialog.open) this._dialog.showModal();
  }

  override render() {
    const errors = this._errors;
    return html`<dialog aria-labelledby="escalate-heading">
      <h2 id="escalate-heading">Escalate to ${this.targetName}</h2>
      <form @submit=${this._onSubmit} novalidate>
        ${this._formError ? html`<div class="error-panel" role="alert"><p>${this._formError}</p></div>` : nothing}
        ${textAreaField({ id: 'escalate-summary', name: 'summary', label: 'Summary', hint: SUMMARY_HINT, max: ESCALATION_LIMITS.summaryLength, error: errors.summary })}
        ${textAreaField({ id: 'escalate-reason', name: 'reason', label: 'Reason for escalating', hint: 'Why this body cannot resolve it itself.', max: ESCALATION_LIMITS.reasonLength, error: errors.reason })}
        <div class="actions">
          <button type="submit" ?disabled=${this._sending}>${this._sending ? 'Escalating…' : `Escalate to ${this.targetName}`}</button>
          <button type="button" class="secondary" @click=${this._onCancelClick}>Cancel</button>
        </div>
      </form>
    </dialog>`;
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this._sending) return;
    const values = { ...readFields(this._form, FIELDS), bodyId: this.bodyId };
    this._errors = fieldProblems(escalateRequest, values);
    this._formError = '';
    if (focusFirstProblem(this, FIELDS, this._errors, (name) => this._form.elements.namedItem(name) as HTMLElement)) return;
    this._sending = true;
    try {
      const { escalation } = await escalateAction(this.actionId, values);
      this._dialog.close();
      this.dispatchEvent(new CustomEvent<EscalationSummary>(ESCALATION_SENT, { detail: escalation, bubbles: true, composed: true }));
    } catch (error) {
      this._formError = explainApiError(this, error);
    } finally {
      this._sending = false;
    }
  }

  private _onCancelClick() {
    this._dialog.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalate-dialog': EscalateDialog;
  }
  interface HTMLElementEventMap {
    [ESCALATION_SENT]: CustomEvent<EscalationSummary>;
  }
}
