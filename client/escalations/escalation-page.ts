import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EscalationResponse, EscalationSummary } from '../../shared/api.js';
import { formatDateTime } from '../../shared/dates.js';
import { ESCALATION_STATUS_LABELS } from '../../shared/escalation.js';
import { LiveListController } from '../live/index.js';
import { loadTitledPage, pageBody, type Found } from '../shell/page-load.js';
import { actionLogPath, bodyPath, escalationsPath, HOME_PATH } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { ESCALATION_ANSWERED, type EscalationAnswered } from './escalation-answer-form.js';
import './escalation-answer-form.js';
import { actionName } from './escalation-format.js';
import { escalationStyles } from './escalation-styles.js';
import './escalation-trail.js';
import { getEscalation } from './escalations-api.js';

type Loaded = Found<{ response: EscalationResponse }>;

const NOT_FOUND_HEADING = 'Escalation not found';
const FAILED_HEADING = 'Sorry, this escalation could not be loaded';

/** One escalation: what was sent, by whom and why, the trail so far, and for the receiving chair the answer. */
@customElement('escalation-page')
export class EscalationPage extends LitElement {
  static override styles = [
    baseStyles,
    escalationStyles,
    css`
      :host {
        display: block;
        max-width: 48rem;
      }
      .facts {
        display: grid;
        grid-template-columns: minmax(8rem, max-content) 1fr;
        margin: 1.5rem 0;
        border-top: 1px solid var(--q-border);
      }
      .facts dt,
      .facts dd {
        margin: 0;
        padding: 0.625rem 1rem 0.625rem 0;
        border-bottom: 1px solid var(--q-border);
      }
      .facts dt {
        font-weight: 700;
      }
      .facts dd {
        white-space: pre-line;
      }
      .done {
        border-left: 6px solid var(--q-success);
        background: var(--q-muted-background);
        padding: 1rem 1.25rem;
        font-size: 1.125rem;
      }
    `,
  ];

  /** The escalation (hop) to show. */
  @property({ type: Number, attribute: 'escalation-id' }) escalationId = 0;

  @state() private _answered: EscalationAnswered | null = null;

  private readonly _escalation = new Task(this, {
    task: ([escalationId], { signal }) =>
      loadTitledPage<Loaded>(this, signal, {
        load: async () => ({ found: true, response: await getEscalation(escalationId) }),
        notFound: { found: false },
        heading: headingFor,
        failedHeading: FAILED_HEADING,
      }),
    args: () => [this.escalationId] as const,
  });

  constructor() {
    super();
    new LiveListController(this, {
      bodyId: () => {
        const loaded = this._escalation.value;
        return loaded?.found ? loaded.response.escalation.toBody.id : null;
      },
      lists: ['escalations'],
      refresh: () => void this._escalation.run(),
    });
  }

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('escalationId')) this._answered = null;
  }

  override render() {
    return html`${pageBody({
        task: this._escalation,
        // What was loaded stays on screen while a live change is fetched again.
        loaded: this._escalation.value,
        heading: headingFor,
        failedHeading: FAILED_HEADING,
        loadingHeading: 'Loading escalation…',
        notFound: html`<p>There is no escalation at this address, or it is not shared with you.</p>
          <p><a href=${HOME_PATH}>Go to your home page</a></p>`,
        content: ({ response }) => this._renderEscalation(response),
      })}
      <div role="status">${this._answered ? this._renderAnswered(this._answered) : nothing}</div>`;
  }

  private _renderEscalation({ escalation, trail, canAnswer, escalateTo }: EscalationResponse) {
    return html`${this._renderFacts(escalation)}
      <p><a href=${escalationsPath(escalation.toBody.id)}>All escalations of ${escalation.toBody.name}</a></p>
      ${canAnswer
        ? html`<section aria-labelledby="answer-heading">
            <h2 id="answer-heading">Answer this escalation</h2>
            <escalation-answer-form .escalation=${escalation} .escalateTo=${escalateTo} @escalation-answered=${this._onAnswered}></escalation-answer-form>
          </section>`
        : nothing}
      <section aria-labelledby="trail-heading">
        <h2 id="trail-heading">Trail</h2>
        ${trail.length === 0 ? html`<p>No earlier steps are shared with you.</p>` : html`<escalation-trail .hops=${trail} .current=${escalation.id}></escalation-trail>`}
      </section>`;
  }

  private _renderFacts(escalation: EscalationSummary) {
    return html`<dl class="facts">
      <dt>Status</dt>
      <dd><span class="status-tag ${escalation.status}">${ESCALATION_STATUS_LABELS[escalation.status]}</span></dd>
      <dt>From</dt>
      <dd><a href=${bodyPath(escalation.fromBody.id)}>${escalation.fromBody.name}</a></dd>
      <dt>To</dt>
      <dd><a href=${bodyPath(escalation.toBody.id)}>${escalation.toBody.name}</a></dd>
      <dt>Origin body</dt>
      <dd>${escalation.originBody.name}</dd>
      ${escalation.originAction
        ? html`<dt>Origin action</dt>
            <dd><a href=${actionLogPath(escalation.originAction.bodyId)}>${actionName(escalation.originAction)}</a></dd>`
        : nothing}
      <dt>Raised</dt>
      <dd>${escalation.raisedBy.name}, <time datetime=${escalation.raisedAt}>${formatDateTime(escalation.raisedAt)}</time></dd>
      <dt>Summary</dt>
      <dd>${escalation.summary}</dd>
      <dt>Reason</dt>
      <dd>${escalation.reason}</dd>
    </dl>`;
  }

  private _renderAnswered({ message, action }: EscalationAnswered) {
    return html`<p class="done" tabindex="-1">
      ${message}.${action ? html` The new action is <a href=${actionLogPath(action.bodyId)}>${actionName(action)}</a>.` : nothing}
    </p>`;
  }

  private async _onAnswered(event: CustomEvent<EscalationAnswered>) {
    this._answered = event.detail;
    await this._escalation.run();
    // The form is gone once answered; the confirmation keeps focus near where it was.
    this.renderRoot.querySelector<HTMLElement>('.done')?.focus();
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

function headingFor(loaded: Loaded): string {
  if (!loaded.found) return NOT_FOUND_HEADING;
  const { escalation } = loaded.response;
  return `Escalation from ${escalation.fromBody.name} to ${escalation.toBody.name}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'escalation-page': EscalationPage;
  }
}
