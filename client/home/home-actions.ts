import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HomeResponse } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';
import { MY_ACTIONS_PATH } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { homeListStyles } from './home-styles.js';

/** My outstanding and overdue actions: the counts, the first few, and the way to all of them. */
@customElement('home-actions')
export class HomeActions extends LitElement {
  static override styles = [
    baseStyles,
    homeListStyles,
    css`
      :host {
        display: block;
      }
      .counts {
        font-size: 1.125rem;
      }
      .overdue {
        color: var(--q-error);
        font-weight: 700;
      }
    `,
  ];

  /** My actions as the home endpoint gives them. */
  @property({ attribute: false }) actions: HomeResponse['myActions'] = { outstanding: 0, overdue: 0, first: [] };

  override render() {
    const { outstanding, overdue, first } = this.actions;
    return html`<section aria-labelledby="my-actions-heading">
      <h2 id="my-actions-heading">Your actions</h2>
      <p class="counts">
        ${outstanding === 0
          ? 'You have no outstanding actions.'
          : html`You have ${plural(outstanding, 'outstanding action')}${overdue > 0
                ? html`, <span class="overdue">${overdue} overdue</span>`
                : nothing}.`}
      </p>
      ${first.length > 0
        ? html`<ul class="plain">
            ${first.map(
              (action) => html`<li>
                <span class="title">${action.reference ? `${action.reference}: ` : ''}${action.title}</span>
                <span class="meta">
                  <span>${action.bodyName}</span>
                  <span class=${action.overdue ? 'overdue' : ''}
                    >${action.dueDate ? `${action.overdue ? 'Overdue, was due' : 'Due'} ${formatDate(`${action.dueDate}T12:00:00Z`)}` : 'No due date'}</span
                  >
                </span>
              </li>`,
            )}
          </ul>`
        : nothing}
      <p><a href=${MY_ACTIONS_PATH}>${outstanding > first.length ? `See all ${outstanding} in My actions` : 'Go to My actions'}</a></p>
    </section>`;
  }
}

function plural(count: number, one: string): string {
  return `${count} ${count === 1 ? one : `${one}s`}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'home-actions': HomeActions;
  }
}
