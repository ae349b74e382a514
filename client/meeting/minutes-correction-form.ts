import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { MinutesStatusView } from '../../shared/minutes-api.js';
import { MINUTES_LIMITS, minutesStepRequest } from '../../shared/minutes-lifecycle.js';
import { fieldProblems, focusFirstProblem } from '../shell/form-problems.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import { formCancelledEvent, submitMinutesStep } from './minutes-step-events.js';
import { minutesStepFormStyles } from './minutes-step-form-styles.js';

/**
 * Issuing a correction to confirmed minutes: it is stored as a new version
 * with its reason, and the versions before it stay readable as they were.
 */
@customElement('minutes-correction-form')
export class MinutesCorrectionForm extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    minutesStepFormStyles,
    css`
      textarea {
        min-height: 6rem;
        resize: vertical;
      }
    `,
  ];

  /** Where the minutes stand (the correction's meeting). */
  @property({ attribute: false }) status: MinutesStatusView | null = null;

  @state() private _error = '';
  @state() private _formError = '';
  @state() private _saving = false;

  @query('textarea') private _reason!: HTMLTextAreaElement;

  override render() {
    if (!this.status) return nothing;
    const error = this._error;
    return html`<form @submit=${this._onSubmit} novalidate aria-labelledby="correction-heading">
      <h3 id="correction-heading">Issue the correction</h3>
      ${this._formError ? html`<div class="error-panel" role="alert"><p>${this._formError}</p></div>` : nothing}
      <div class="field">
        <label for="correction-reason">Reason for the correction</label>
        <span class="hint" id="correction-reason-hint">What it changes and why. It is kept with the new version for everyone who reads it.</span>
        ${error ? html`<span class="field-error" id="correction-reason-error">${error}</span>` : nothing}
        <textarea
          id="correction-reason"
          name="reason"
          maxlength=${MINUTES_LIMITS.reasonLength}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="correction-reason-hint ${error ? 'correction-reason-error' : ''}"
        ></textarea>
      </div>
      <div class="actions">
        <button type="submit" ?disabled=${this._saving}>${this._saving ? 'Saving…' : 'Issue correction'}</button>
        <button type="button" class="secondary" ?disabled=${this._saving} @click=${this._onCancelClick}>Cancel</button>
      </div>
    </form>`;
  }

  /** Moves focus to the reason, for when the form opens. */
  async focusFirstField() {
    await this.updateComplete;
    this._reason?.focus();
  }

  private _onCancelClick() {
    this.dispatchEvent(formCancelledEvent());
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const status = this.status;
    if (!status || this._saving) return;
    const values = { step: 'issue-correction', reason: this._reason.value };
    const problems = fieldProblems(minutesStepRequest, values);
    this._error = problems.reason ?? '';
    this._formError = '';
    if (focusFirstProblem(this, ['reason'], problems, () => this._reason)) return;
    this._saving = true;
    this._formError = await submitMinutesStep(this, status.meetingId, minutesStepRequest.parse(values));
    this._saving = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'minutes-correction-form': MinutesCorrectionForm;
  }
}
