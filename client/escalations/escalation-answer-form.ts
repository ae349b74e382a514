import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ActionSummary, BodyRef, EscalationSummary } from '../../shared/api.js';
import { ESCALATION_ANSWERS, ESCALATION_LIMITS, type EscalationAnswer } from '../../shared/escalation.js';
import { acceptEscalationRequest, escalateRequest, resolveEscalationRequest, returnEscalationRequest } from '../../shared/schemas.js';
import { explainApiError } from '../shell/api-errors.js';
import { fieldProblems, focusFirstProblem } from '../shell/form-problems.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import { readFields, SUMMARY_HINT, textAreaField } from './escalation-fields.js';
import { answerEscalation, type AnswerRequests } from './escalations-api.js';

/** Fired once the answer is recorded: what to tell the user, and the new action when it was accepted. */
export interface EscalationAnswered {
  message: string;
  action: ActionSummary | null;
}
export const ESCALATION_ANSWERED = 'escalation-answered';

const ANSWER_FIELDS = {
  accept: ['note'],
  return: ['guidance'],
  resolve: ['outcome'],
  escalate: ['summary', 'reason'],
} as const satisfies { [A in EscalationAnswer]: readonly (keyof AnswerRequests[A])[] };

const ANSWER_SCHEMAS = {
  accept: acceptEscalationRequest,
  return: returnEscalationRequest,
  resolve: resolveEscalationRequest,
  escalate: escalateRequest,
};

/**
 * The receiving chair's answer to an escalation: accept it into the body's
 * log, return it with guidance, resolve it with an outcome, or pass it up a
 * tier. Each choice opens only the fields it needs.
 */
@customElement('escalation-answer-form')
export class EscalationAnswerForm extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      form {
        padding: 1rem 1.25rem;
        background: var(--q-muted-background);
      }
      fieldset {
        border: 0;
        margin: 0 0 1rem;
        padding: 0;
      }
      legend {
        font-weight: 700;
        font-size: 1.125rem;
        margin-bottom: 0.5rem;
      }
      .checkbox {
        margin: 0 0 0.5rem;
      }
      textarea {
        min-height: 6rem;
        resize: vertical;
      }
    `,
  ];

  /** The hop being answered. */
  @property({ attribute: false }) escalation: EscalationSummary | null = null;

  /** Where escalating further would send it; null at the top, when that answer is not offered. */
  @property({ attribute: false }) escalateTo: BodyRef | null = null;

  @state() private _answer: EscalationAnswer = 'accept';
  @state() private _errors: Record<string, string> = {};
  @state() private _formError = '';
  @state() private _sending = false;

  @query('form') private _form!: HTMLFormElement;

  override render() {
    const answers = ESCALATION_ANSWERS.filter((answer) => answer !== 'escalate' || this.escalateTo);
    return html`<form @submit=${this._onSubmit} novalidate aria-labelledby="answer-legend">
      ${this._formError ? html`<div class="error-panel" role="alert"><p>${this._formError}</p></div>` : nothing}
      <fieldset>
        <legend id="answer-legend">Your answer</legend>
        ${answers.map(
          (answer) => html`<label class="checkbox">
            <input type="radio" name="answer" value=${answer} .checked=${this._answer === answer} @change=${this._onAnswerChange} />
            ${this._choiceLabel(answer)}
          </label>`,
        )}
      </fieldset>
      ${this._renderFields()}
      <button type="submit" ?disabled=${this._sending}>${this._sending ? 'Sending…' : this._submitLabel()}</button>
    </form>`;
  }

  private _choiceLabel(answer: EscalationAnswer): string {
    switch (answer) {
      case 'accept':
        return 'Accept into our action log';
      case 'return':
        return 'Return with guidance';
      case 'resolve':
        return 'Resolve with an outcome';
      case 'escalate':
        return `Escalate further to ${this.escalateTo?.name ?? ''}`;
    }
  }

  private _submitLabel(): string {
    switch (this._answer) {
      case 'accept':
        return 'Accept';
      case 'return':
        return 'Return with guidance';
      case 'resolve':
        return 'Resolve';
      case 'escalate':
        return `Escalate to ${this.escalateTo?.name ?? ''}`;
    }
  }

  private _renderFields() {
    const errors = this._errors;
    const max = ESCALATION_LIMITS.answerLength;
    switch (this._answer) {
      case 'accept':
        return textAreaField({ id: 'answer-note', name: 'note', label: 'Note (optional)', hint: 'For the body that sent it.', max, error: errors.note });
      case 'return':
        return textAreaField({ id: 'answer-guidance', name: 'guidance', label: 'Guidance', hint: 'What the body that sent it should do next.', max, error: errors.guidance });
      case 'resolve':
        return textAreaField({ id: 'answer-outcome', name: 'outcome', label: 'Outcome', hint: 'How it was resolved.', max, error: errors.outcome });
      case 'escalate':
        return html`${textAreaField({ id: 'answer-summary', name: 'summary', label: 'Summary', hint: SUMMARY_HINT, max: ESCALATION_LIMITS.summaryLength, error: errors.summary })}
        ${textAreaField({ id: 'answer-reason', name: 'reason', label: 'Reason for escalating', hint: 'Why this body cannot resolve it itself.', max: ESCALATION_LIMITS.reasonLength, error: errors.reason })}`;
    }
  }

  private _onAnswerChange(event: Event) {
    this._answer = (event.target as HTMLInputElement).value as EscalationAnswer;
    this._errors = {};
    this._formError = '';
  }

  private async _onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const escalation = this.escalation;
    if (!escalation || this._sending) return;
    const answer = this._answer;
    const names: readonly string[] = ANSWER_FIELDS[answer];
    const values = readFields(this._form, names);
    this._errors = fieldProblems(ANSWER_SCHEMAS[answer], values);
    this._formError = '';
    if (focusFirstProblem(this, names, this._errors, (name) => this._form.elements.namedItem(name) as HTMLElement)) return;
    this._sending = true;
    try {
      const response = await answerEscalation(escalation.id, answer, values as never);
      const action = 'action' in response ? response.action : null;
      this.dispatchEvent(
        new CustomEvent<EscalationAnswered>(ESCALATION_ANSWERED, {
          detail: { message: this._doneMessage(answer, escalation), action },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this._formError = explainApiError(this, error);
    } finally {
      this._sending = false;
    }
  }

  private _doneMessage(answer: EscalationAnswer, escalation: EscalationSummary): string {
    switch (answer) {
      case 'accept':
        return `Accepted into ${escalation.toBody.name}’s action log`;
      case 'return':
        return `Returned to ${escalation.fromBody.name} with guidance`;
      case 'resolve':
        return 'Resolved';
      case 'escalate':
        return `Escalated to ${this.escalateTo?.name ?? 'the tier above'}`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalation-answer-form': EscalationAnswerForm;
  }
  interface HTMLElementEventMap {
    [ESCALATION_ANSWERED]: CustomEvent<EscalationAnswered>;
  }
}
