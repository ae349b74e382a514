import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { HomeResponse } from '../../shared/api.js';
import { getHome } from '../shell/api.js';
import { explainApiError } from '../shell/api-errors.js';
import { isLoading, loadFailedPanel, loadingStatus } from '../shell/page-load.js';
import { baseStyles } from '../shell/styles.js';
import './body-accountability.js';
import './home-actions.js';
import './home-meetings.js';

/** Home: my meetings live now and next, my actions, and for those who run bodies, who holds their overdue actions. */
@customElement('home-page')
export class HomePage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 56rem;
      }
    `,
  ];

  private readonly _home = new Task(this, {
    task: async (): Promise<HomeResponse> => {
      try {
        return await getHome();
      } catch (error) {
        throw new Error(explainApiError(this, error));
      }
    },
    args: () => [],
  });

  override render() {
    const busy = isLoading(this._home);
    return html`
      <h1 tabindex="-1">Home</h1>
      <div aria-busy=${busy ? 'true' : 'false'}>
        ${this._home.render({
          initial: () => loadingStatus,
          pending: () => loadingStatus,
          error: (error) => loadFailedPanel(error, () => this._onRetryClick(), 'Your home page could not be loaded'),
          complete: (home) => html`
            <home-meetings .live=${home.liveMeetings} .next=${home.nextMeetings}></home-meetings>
            <home-actions .actions=${home.myActions}></home-actions>
            ${home.accountability.length > 0
              ? html`<body-accountability .bodies=${home.accountability}></body-accountability>`
              : nothing}
          `,
        })}
      </div>
    `;
  }

  private _onRetryClick() {
    void this._home.run();
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'home-page': HomePage;
  }
}
