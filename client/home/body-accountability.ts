import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BodyAccountability, OverdueTally } from '../../shared/api.js';
import { actionLogPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';

/**
 * For those who run bodies: where each body's overdue actions sit, by owner
 * and by lead agency — "where is accountability in all of this?" (seed 002).
 */
@customElement('body-accountability')
export class BodyAccountabilityList extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .tallies {
        display: flex;
        flex-wrap: wrap;
        gap: 0 2rem;
      }
      table {
        border-collapse: collapse;
        margin-bottom: 1rem;
        min-width: 16rem;
      }
      caption {
        text-align: left;
        font-weight: 700;
        padding-bottom: 0.25rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.375rem 1rem 0.375rem 0;
        border-bottom: 1px solid var(--q-border);
      }
      td.count,
      th.count {
        text-align: right;
      }
    `,
  ];

  /** The bodies the user runs, each with its overdue actions counted. */
  @property({ attribute: false }) bodies: BodyAccountability[] = [];

  override render() {
    return html`<section aria-labelledby="accountability-heading">
      <h2 id="accountability-heading">Overdue actions in the bodies you run</h2>
      ${this.bodies.map((body) => this._renderBody(body))}
    </section>`;
  }

  private _renderBody(body: BodyAccountability) {
    return html`<h3>${body.bodyName}</h3>
      ${body.overdue === 0
        ? html`<p>No actions are overdue.</p>`
        : html`<p>${body.overdue === 1 ? '1 action is' : `${body.overdue} actions are`} overdue.</p>
            <div class="tallies">
              ${this._renderTally(`By owner, ${body.bodyName}`, 'Owner', body.byOwner, 'No owner')}
              ${this._renderTally(`By lead agency, ${body.bodyName}`, 'Lead agency', body.byLeadAgency, 'No lead agency')}
            </div>`}
      <p><a href=${actionLogPath(body.bodyId)}>${body.bodyName} action log</a></p>`;
  }

  private _renderTally(caption: string, who: string, tallies: OverdueTally[], nobody: string) {
    return html`<table>
      <caption>${caption}</caption>
      <thead>
        <tr><th scope="col">${who}</th><th scope="col" class="count">Overdue</th></tr>
      </thead>
      <tbody>
        ${tallies.map((tally) => html`<tr><th scope="row">${tally.name ?? nobody}</th><td class="count">${tally.overdue}</td></tr>`)}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'body-accountability': BodyAccountabilityList;
  }
}
