import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ActionStatus } from '../../shared/actions.js';
import type { ActionEscalationsResponse, EscalationSummary } from '../../shared/api.js';
import { LiveListController } from '../live/index.js';
import { formStyles } from '../shell/form-styles.js';
import { loadUnlessNotFound } from '../shell/page-load.js';
import { baseStyles } from '../shell/styles.js';
import { ESCALATION_SENT, type EscalateDialog } from './escalate-dialog.js';
import './escalate-dialog.js';
import { whereItStands } from './escalation-format.js';
import './escalation-trail.js';
import { getActionEscalations } from './escalations-api.js';

const NOTHING_TO_SHOW: ActionEscalationsResponse = { trails: [], escalateTo: null, canEscalate: false };

/**
 * Under an action's details: where the action stands if it has been escalated
 * (or came from an escalation), the trail, and for the chair the button that
 * sends it up a tier.
 */
@customElement('action-escalation-panel')
export class ActionEscalationPanel extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      .where {
        font-weight: 700;
      }
    `,
  ];

  /** The body whose log holds the action. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** The action. */
  @property({ attribute: 'action-id' }) actionId = '';

  /** The action's status in the live log: when it changes, what may be done with it may too. */
  @property() status: ActionStatus | '' = '';

  @state() private _announcement = '';

  @query('escalate-dialog') private _dialog!: EscalateDialog;

  private readonly _escalations = new Task(this, {
    // An action the server has not projected yet has no escalations to show.
    task: ([bodyId, actionId]) => loadUnlessNotFound(this, () => getActionEscalations(bodyId, actionId), NOTHING_TO_SHOW),
    args: () => [this.bodyId, this.actionId, this.status] as const,
  });

  constructor() {
    super();
    new LiveListController(this, {
      bodyId: () => this.bodyId || null,
      lists: ['escalations', 'actions'],
      refresh: () => void this._escalations.run(),
    });
  }

  override render() {
    // Keeps showing what it had while it refreshes, so a live change does not blank the panel.
    const loaded = this._escalations.value;
    return html`<h3 tabindex="-1">Escalation</h3>
      ${this._escalations.status === TaskStatus.ERROR
        ? html`<p class="field-error">${(this._escalations.error as Error).message}</p>
            <button type="button" class="secondary small" @click=${this._onRetryClick}>Try again</button>`
        : loaded
          ? this._renderLoaded(loaded)
          : html`<p class="status">Loading…</p>`}
      <p class="visually-hidden" role="status">${this._announcement}</p>`;
  }

  private _renderLoaded({ trails, escalateTo, canEscalate }: ActionEscalationsResponse) {
    return html`${trails.length === 0
        ? html`<p>This action has not been escalated.</p>`
        : trails.map((trail) => this._renderTrail(trail))}
      ${canEscalate && escalateTo
        ? html`<button type="button" class="secondary" @click=${this._onEscalateClick}>Escalate to ${escalateTo.name}</button>
            <escalate-dialog
              body-id=${this.bodyId}
              action-id=${this.actionId}
              target-name=${escalateTo.name}
              @escalation-sent=${this._onSent}
            ></escalate-dialog>`
        : nothing}`;
  }

  private _renderTrail(trail: EscalationSummary[]) {
    const latest = trail.at(-1);
    if (!latest) return nothing;
    return html`<p class="where">${whereItStands(latest)}</p>
      <escalation-trail .hops=${trail}></escalation-trail>`;
  }

  private _onEscalateClick() {
    void this._dialog.show();
  }

  private async _onSent(event: CustomEvent<EscalationSummary>) {
    this._announcement = `Escalated to ${event.detail.toBody.name}`;
    await this._escalations.run();
    // The button that opened the dialog is gone once the action is escalated; the heading keeps focus in the panel.
    if (!(this.renderRoot as ShadowRoot).activeElement) {
      this.renderRoot.querySelector<HTMLElement>('h3')?.focus();
    }
  }

  private _onRetryClick() {
    void this._escalations.run();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'action-escalation-panel': ActionEscalationPanel;
  }
}
