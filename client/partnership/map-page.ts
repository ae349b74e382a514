import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { getBodies } from '../shell/api.js';
import { explainApiError } from '../shell/api-errors.js';
import { baseStyles } from '../shell/styles.js';
import './partnership-map.js';

/** The partnership map: loads the bodies and hands them to `<partnership-map>`. */
@customElement('map-page')
export class MapPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .lede {
        max-width: 42rem;
        font-size: 1.125rem;
        margin: -0.5rem 0 1.5rem;
      }
    `,
  ];

  private readonly _bodies = new Task(this, {
    task: async () => {
      try {
        return (await getBodies()).bodies;
      } catch (error) {
        throw new Error(explainApiError(this, error));
      }
    },
    args: () => [],
  });

  override render() {
    return html`
      <h1 tabindex="-1">Partnership map</h1>
      <p class="lede">
        How the partnership fits together: each body escalates issues up to the one above it, and priorities
        flow down. Select a body to see its members and meetings.
      </p>
      <div aria-busy=${this._bodies.status === TaskStatus.INITIAL || this._bodies.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${this._bodies.render({
          initial: () => html`<p class="status" role="status">Loading…</p>`,
          pending: () => html`<p class="status" role="status">Loading…</p>`,
          error: (error) => html`<div class="error-panel" role="alert">
            <h2>The partnership map could not be loaded</h2>
            <p>${(error as Error).message}</p>
            <p><button type="button" class="secondary" @click=${() => this._bodies.run()}>Try again</button></p>
          </div>`,
          complete: (bodies) => html`<partnership-map .bodies=${bodies}></partnership-map>`,
        })}
      </div>
    `;
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'map-page': MapPage;
  }
}
