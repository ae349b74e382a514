import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { BodySummary } from '../../shared/api.js';
import { ApiError, getBodies } from '../shell/api.js';
import { sessionExpiredEvent } from '../shell/events.js';
import { baseStyles } from '../shell/styles.js';
import './partnership-map.js';

type Load = { state: 'loading' } | { state: 'loaded'; bodies: BodySummary[] } | { state: 'failed'; message: string };

/** The home page: loads the bodies and hands them to `<partnership-map>`. */
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

  @state() private _load: Load = { state: 'loading' };

  override connectedCallback() {
    super.connectedCallback();
    void this._fetchBodies();
  }

  override render() {
    return html`
      <h1 tabindex="-1">Partnership map</h1>
      <p class="lede">
        How the partnership fits together: each body escalates issues up to the one above it, and priorities
        flow down. Select a body to see its members and meetings.
      </p>
      <div aria-busy=${this._load.state === 'loading' ? 'true' : 'false'}>${this._renderContent()}</div>
    `;
  }

  private _renderContent() {
    switch (this._load.state) {
      case 'loading':
        return html`<p class="status" role="status">Loading…</p>`;
      case 'failed':
        return html`<div class="error-panel" role="alert">
          <h2>The partnership map could not be loaded</h2>
          <p>${this._load.message}</p>
          <p><button type="button" class="secondary" @click=${this._onRetryClick}>Try again</button></p>
        </div>`;
      case 'loaded':
        return html`<partnership-map .bodies=${this._load.bodies}></partnership-map>`;
    }
  }

  private _onRetryClick() {
    void this._fetchBodies();
  }

  private async _fetchBodies() {
    this._load = { state: 'loading' };
    try {
      const { bodies } = await getBodies();
      this._load = { state: 'loaded', bodies };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.dispatchEvent(sessionExpiredEvent());
      }
      this._load = { state: 'failed', message: error instanceof ApiError ? error.message : String(error) };
    }
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
