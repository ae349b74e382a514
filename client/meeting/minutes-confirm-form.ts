import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { MinutesStatusView } from '../../shared/minutes-api.js';
import { minutesStepRequest } from '../../shared/minutes-lifecycle.js';
import { fieldProblems, focusFirstProblem } from '../shell/form-problems.js';
import { formStyles } from '../shell/form-styles.js';
import { meetingPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { formCancelledEvent, submitMinutesStep } from './minutes-step-events.js';
import { minutesStepFormStyles } from './minutes-step-form-styles.js';

const FIELDS = ['movedBy', 'secondedBy'] as const;

/**
 * Confirming circulated minutes as a correct record, as the meeting that
 * confirms them records it: who moved it and who seconded. The chair who
 * signs is the one submitting.
 */
@customElement('minutes-confirm-form')
export class MinutesConfirmForm extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    minutesStepFormStyles,
  ];

  /** Where the minutes stand: the members who may move or second, and the live meeting that confirms them. */
  @property({ attribute: false }) status: MinutesStatusView | null = null;

  @state() private _movedBy = '';
  @state() private _errors: Record<string, string> = {};
  @state() private _formError = '';
  @state() private _saving = false;

  @query('form') private _form!: HTMLFormElement;

  override render() {
    const status = this.status;
    if (!status) return nothing;
    const seconders = status.movers.filter((mover) => String(mover.userId) !== this._movedBy);
    const errors = this._errors;
    return html`<form @submit=${this._onSubmit} novalidate aria-labelledby="confirm-heading">
      <h3 id="confirm-heading">Confirm as a correct record</h3>
      ${status.confirmingMeeting
        ? html`<p>To be confirmed at <a href=${meetingPath(status.confirmingMeeting.id)}>${status.confirmingMeeting.title}</a>, which is live now.</p>`
        : html`<p>Minutes are confirmed at a later meeting of the body, while it is live.</p>`}
      ${this._formError ? html`<div class="error-panel" role="alert"><p>${this._formError}</p></div>` : nothing}
      <div class="field">
        <label for="moved-by">Moved by</label>
        ${errors.movedBy ? html`<span class="field-error" id="moved-by-error">${errors.movedBy}</span>` : nothing}
        <select
          id="moved-by"
          name="movedBy"
          aria-invalid=${errors.movedBy ? 'true' : 'false'}
          aria-describedby=${errors.movedBy ? 'moved-by-error' : nothing}
          @change=${this._onMoverChange}
        >
          <option value="" ?selected=${this._movedBy === ''}>Choose a member</option>
          ${status.movers.map((mover) => html`<option value=${mover.userId} ?selected=${String(mover.userId) === this._movedBy}>${mover.name}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="seconded-by">Seconded by</label>
        <select id="seconded-by" name="secondedBy">
          <option value="">Nobody seconded</option>
          ${seconders.map((mover) => html`<option value=${mover.userId}>${mover.name}</option>`)}
        </select>
      </div>
      <div class="actions">
        <button type="submit" ?disabled=${this._saving}>${this._saving ? 'Saving…' : 'Confirm and sign'}</button>
        <button type="button" class="secondary" ?disabled=${this._saving} @click=${this._onCancelClick}>Cancel</button>
      </div>
    </form>`;
  }

  /** Moves focus to the first field, for when the form opens. */
  async focusFirstField() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#moved-by')?.focus();
  }

  private _onMoverChange(event: Event) {
    this._movedBy = (event.target as HTMLSelectElement).value;
  }

  private _onCancelClick() {
    this.dispatchEvent(formCancelledEvent());
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const status = this.status;
    if (!status || this._saving) return;
    const seconded = (this._form.elements.namedItem('secondedBy') as HTMLSelectElement).value;
    const values = { step: 'approve', movedBy: this._movedBy ? Number(this._movedBy) : undefined, secondedBy: seconded ? Number(seconded) : null };
    const problems = fieldProblems(minutesStepRequest, values);
    // The schema's own words for a missing number are no help to a clerk.
    if (problems.movedBy) problems.movedBy = 'Choose who moved that the minutes be confirmed';
    this._errors = problems;
    this._formError = '';
    if (focusFirstProblem(this, FIELDS, problems, (name) => this._form.elements.namedItem(name) as HTMLElement)) return;
    this._saving = true;
    this._formError = await submitMinutesStep(this, status.meetingId, minutesStepRequest.parse(values));
    this._saving = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'minutes-confirm-form': MinutesConfirmForm;
  }
}
