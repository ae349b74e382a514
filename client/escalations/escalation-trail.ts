import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ActionRef, EscalationSummary } from '../../shared/api.js';
import { formatDateTime } from '../../shared/dates.js';
import { ESCALATION_STATUS_LABELS } from '../../shared/escalation.js';
import { actionLogPath, escalationPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { actionName } from './escalation-format.js';
import { escalationStyles } from './escalation-styles.js';

/** An escalation's hops as a timeline, oldest first: who sent what to whom, and how each was answered. */
@customElement('escalation-trail')
export class EscalationTrail extends LitElement {
  static override styles = [
    baseStyles,
    escalationStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0 0 0 1rem;
        border-left: 4px solid var(--q-border);
      }
      li.hop {
        position: relative;
        padding: 0 0 1rem 1rem;
      }
      li.hop::before {
        content: '';
        position: absolute;
        left: -1.6rem;
        top: 0.35rem;
        width: 0.75rem;
        height: 0.75rem;
        border-radius: 50%;
        background: var(--q-text);
      }
      .route {
        font-weight: 700;
      }
      dl {
        margin: 0.25rem 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0 0 0.5rem;
        white-space: pre-line;
      }
      .meta {
        color: var(--q-secondary-text);
        font-size: 0.875rem;
      }
      .answer {
        border-left: 4px solid var(--q-brand);
        padding-left: 0.75rem;
        margin: 0.5rem 0;
      }
    `,
  ];

  /** The hops to show, oldest first. */
  @property({ attribute: false }) hops: EscalationSummary[] = [];

  /** The hop the page is about, marked as the current one. */
  @property({ type: Number }) current: number | null = null;

  override render() {
    return html`<ol aria-label="Escalation trail">
      ${this.hops.map((hop) => this._renderHop(hop))}
    </ol>`;
  }

  private _renderHop(hop: EscalationSummary) {
    const isCurrent = hop.id === this.current;
    return html`<li class="hop">
      <a class="route" href=${escalationPath(hop.id)} aria-current=${isCurrent ? 'page' : nothing}
        >${hop.fromBody.name} → ${hop.toBody.name}</a
      >
      <span class="status-tag ${hop.status}">${ESCALATION_STATUS_LABELS[hop.status]}</span>
      <dl>
        <dt>Summary</dt>
        <dd>${hop.summary}</dd>
        <dt>Reason</dt>
        <dd>${hop.reason}</dd>
      </dl>
      <p class="meta">Raised by ${hop.raisedBy.name}, <time datetime=${hop.raisedAt}>${formatDateTime(hop.raisedAt)}</time></p>
      ${hop.answer
        ? html`<div class="answer">
            <p><strong>${ESCALATION_STATUS_LABELS[hop.answer.status]}</strong>${hop.answer.text ? html`: ${hop.answer.text}` : nothing}</p>
            <p class="meta">${hop.answer.by.name}, <time datetime=${hop.answer.at}>${formatDateTime(hop.answer.at)}</time></p>
          </div>`
        : nothing}
      ${this._actionLink('Started by', hop.originAction)} ${this._actionLink('Adopted as', hop.adoptedAction)}
    </li>`;
  }

  private _actionLink(label: string, action: ActionRef | null) {
    if (!action) return nothing;
    return html`<p>${label} <a href=${actionLogPath(action.bodyId)}>${actionName(action)}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalation-trail': EscalationTrail;
  }
}
