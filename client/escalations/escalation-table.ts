import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { EscalationSummary } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';
import { ESCALATION_STATUS_LABELS } from '../../shared/escalation.js';
import { escalationPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { escalationStyles } from './escalation-styles.js';

/** A body's received or sent escalations, one row each, linking to each one's page. */
@customElement('escalation-table')
export class EscalationTable extends LitElement {
  static override styles = [
    baseStyles,
    escalationStyles,
    css`
      :host {
        display: block;
        overflow-x: auto;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: 0.5rem 1rem 0.5rem 0;
        border-bottom: 1px solid var(--q-border);
      }
      .summary {
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
    `,
  ];

  /** The escalations to list, in the order given. */
  @property({ attribute: false }) escalations: EscalationSummary[] = [];

  /** Received escalations show who sent them; sent ones show where they went. */
  @property() direction: 'received' | 'sent' = 'received';

  /** The table's caption, for screen readers. */
  @property() caption = '';

  override render() {
    const received = this.direction === 'received';
    return html`<table>
      <caption class="visually-hidden">${this.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Summary</th>
          <th scope="col">${received ? 'From' : 'To'}</th>
          <th scope="col">Origin body</th>
          <th scope="col">Raised on</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        ${this.escalations.map(
          (escalation) => html`<tr>
            <td><a class="summary" href=${escalationPath(escalation.id)}>${escalation.summary}</a></td>
            <td>${(received ? escalation.fromBody : escalation.toBody).name}</td>
            <td>${escalation.originBody.name}</td>
            <td><time datetime=${escalation.raisedAt}>${formatDate(escalation.raisedAt)}</time></td>
            <td><span class="status-tag ${escalation.status}">${ESCALATION_STATUS_LABELS[escalation.status]}</span></td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'escalation-table': EscalationTable;
  }
}
