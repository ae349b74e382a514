import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDate } from '../../shared/dates.js';
import type { MinutesStatusView } from '../../shared/minutes-api.js';
import { MINUTES_STAGE_LABELS, MINUTES_STEP_LABELS, type MinutesStep } from '../../shared/minutes-lifecycle.js';
import { explainApiError } from '../shell/api-errors.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';
import { takeMinutesStep } from './minutes-api.js';
import type { MinutesConfirmForm } from './minutes-confirm-form.js';
import type { MinutesCorrectionForm } from './minutes-correction-form.js';
import { MINUTES_STEP_TAKEN, stepTakenEvent } from './minutes-step-events.js';
import './minutes-confirm-form.js';
import './minutes-correction-form.js';

/** Steps that need more than a click: who moved and seconded, or why a correction was made. */
type FormStep = Extract<MinutesStep, 'approve' | 'issue-correction'>;
const FORM_STEPS: readonly MinutesStep[] = ['approve', 'issue-correction'];

/** What each step means for those who read the minutes, said beside its button. */
const STEP_HINTS: Partial<Record<MinutesStep, string>> = {
  circulate: 'Members are notified and may comment.',
  publish: 'Every partner may then read the public version.',
  correct: 'The stored versions stay as they are.',
};

/**
 * Where a meeting's minutes stand after the meeting, and the steps the
 * server says this person may take next: circulate, withdraw, confirm,
 * publish, correct. Fires `minutes-step-taken` with the new standing.
 */
@customElement('minutes-lifecycle-panel')
export class MinutesLifecyclePanel extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
        border-top: 4px solid var(--q-brand);
        margin: 0 0 1.5rem;
      }
      h2 {
        font-size: 1.25rem;
        margin: 0.75rem 0 0.5rem;
      }
      .facts {
        margin: 0 0 0.75rem;
        padding-left: 1.25rem;
      }
      .step {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        margin: 0 0 0.5rem;
      }
      .hint {
        margin: 0;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** Where the minutes stand and what this person may do, from the server. */
  @property({ attribute: false }) status: MinutesStatusView | null = null;

  @state() private _open: FormStep | null = null;
  @state() private _saving: MinutesStep | null = null;
  @state() private _error = '';
  @state() private _done = '';

  constructor() {
    super();
    this.addEventListener(MINUTES_STEP_TAKEN, (event) => {
      this._open = null;
      this._done = `Saved. The minutes are now: ${MINUTES_STAGE_LABELS[event.detail.stage]}.`;
    });
  }

  override render() {
    const status = this.status;
    if (!status) return nothing;
    return html`<section aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading" tabindex="-1">Stage: ${MINUTES_STAGE_LABELS[status.stage]}</h2>
      ${this._renderFacts(status)}
      ${this._error ? html`<div class="error-panel" role="alert"><p>${this._error}</p></div>` : nothing}
      <p class="visually-hidden" role="status">${this._done}</p>
      ${status.steps.length > 0
        ? html`<div role="group" aria-label="What you can do next">${status.steps.map((step) => this._renderStep(step))}</div>`
        : nothing}
      ${this._open === 'approve'
        ? html`<minutes-confirm-form .status=${status} @minutes-form-cancelled=${this._onFormCancelled}></minutes-confirm-form>`
        : nothing}
      ${this._open === 'issue-correction'
        ? html`<minutes-correction-form .status=${status} @minutes-form-cancelled=${this._onFormCancelled}></minutes-correction-form>`
        : nothing}
    </section>`;
  }

  private _renderFacts(status: MinutesStatusView) {
    const facts = [
      status.circulatedAt ? `Circulated to members on ${formatDate(status.circulatedAt)}` : '',
      status.confirmation ? `Confirmed at the meeting held on ${status.confirmation.atMeeting}` : '',
      status.publishedAt ? `Published on ${formatDate(status.publishedAt)}` : '',
      status.commentCount > 0 ? `${status.commentCount} ${status.commentCount === 1 ? 'comment' : 'comments'} from members` : '',
    ].filter(Boolean);
    return facts.length > 0 ? html`<ul class="facts">${facts.map((fact) => html`<li>${fact}</li>`)}</ul>` : nothing;
  }

  private _renderStep(step: MinutesStep) {
    const saving = this._saving === step;
    const opens = FORM_STEPS.includes(step);
    const hint = STEP_HINTS[step];
    return html`<p class="step">
      <button
        type="button"
        class=${step === 'withdraw' || step === 'correct' ? 'secondary' : ''}
        data-step=${step}
        ?disabled=${this._saving !== null}
        aria-expanded=${opens ? String(this._open === step) : nothing}
        @click=${() => this._onStepClick(step)}
      >
        ${saving ? 'Saving…' : MINUTES_STEP_LABELS[step]}
      </button>
      ${hint ? html`<span class="hint">${hint}</span>` : nothing}
    </p>`;
  }

  private async _onStepClick(step: MinutesStep) {
    this._error = '';
    this._done = '';
    if (step === 'approve' || step === 'issue-correction') {
      this._open = this._open === step ? null : step;
      await this.updateComplete;
      await this.renderRoot.querySelector<MinutesConfirmForm | MinutesCorrectionForm>('minutes-confirm-form, minutes-correction-form')?.focusFirstField();
      return;
    }
    const status = this.status;
    if (!status || this._saving) return;
    this._open = null;
    this._saving = step;
    try {
      this.dispatchEvent(stepTakenEvent(await takeMinutesStep(status.meetingId, { step })));
    } catch (error) {
      this._error = explainApiError(this, error);
    } finally {
      this._saving = null;
    }
  }

  private async _onFormCancelled() {
    const step = this._open;
    this._open = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`button[data-step="${step}"]`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'minutes-lifecycle-panel': MinutesLifecyclePanel;
  }
}
