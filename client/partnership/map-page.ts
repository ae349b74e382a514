import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { BodiesResponse, BodySummary } from '../../shared/api.js';
import { mayWatchBody } from '../../shared/permissions.js';
import { liveEvents } from '../live/index.js';
import { getBodies } from '../shell/api.js';
import { explainApiError } from '../shell/api-errors.js';
import { isLoading, loadFailedPanel, loadingStatus } from '../shell/page-load.js';
import { baseStyles } from '../shell/styles.js';
import './partnership-map.js';

/**
 * The partnership map: loads the bodies and hands them to `<partnership-map>`,
 * and loads them again when escalations arrive at or are answered by any body
 * the user may read, so the waiting badges stay true.
 */
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
    task: async (): Promise<BodiesResponse> => {
      try {
        const response = await getBodies();
        this._watch(response.bodies);
        return response;
      } catch (error) {
        throw new Error(explainApiError(this, error));
      }
    },
    args: () => [],
  });

  /** How to stop watching each body, by id. */
  private readonly _watches = new Map<number, () => void>();
  private _stopListening: (() => void) | null = null;

  override connectedCallback() {
    super.connectedCallback();
    this._stopListening = liveEvents.on('body:changed', ({ bodyId, list }) => {
      if (list === 'escalations' && this._watches.has(bodyId) && this._bodies.status !== TaskStatus.PENDING) {
        void this._bodies.run();
      }
    });
    // Back on the page: watch again what the last load showed.
    if (this._bodies.value) this._watch(this._bodies.value.bodies);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._stopListening?.();
    this._stopListening = null;
    for (const stop of this._watches.values()) stop();
    this._watches.clear();
  }

  private _watch(bodies: BodySummary[]) {
    if (!this.isConnected) return;
    const readable = new Set(bodies.filter(mayWatchBody).map((body) => body.id));
    for (const [bodyId, stop] of this._watches) {
      if (readable.has(bodyId)) continue;
      stop();
      this._watches.delete(bodyId);
    }
    for (const bodyId of readable) if (!this._watches.has(bodyId)) this._watches.set(bodyId, liveEvents.watchBody(bodyId));
  }

  override render() {
    // A live refresh keeps the map on screen while it loads, so nobody loses their place.
    const shown = this._bodies.value;
    return html`
      <h1 tabindex="-1">Partnership map</h1>
      <p class="lede">
        How the partnership fits together: each body escalates issues up to the one above it, and priorities
        flow down. Select a body to see its members and meetings.
      </p>
      <div aria-busy=${!shown && isLoading(this._bodies) ? 'true' : 'false'}>
        ${this._bodies.render({
          initial: () => loadingStatus,
          pending: () => (shown ? this._renderMap(shown) : loadingStatus),
          error: (error) => html`${loadFailedPanel(error, () => this._bodies.run(), 'The partnership map could not be loaded')}
            ${shown ? this._renderMap(shown) : nothing}`,
          complete: (response) => this._renderMap(response),
        })}
      </div>
    `;
  }

  private _renderMap({ bodies, waitingEscalations }: BodiesResponse) {
    return html`<partnership-map .bodies=${bodies} .waitingEscalations=${waitingEscalations}></partnership-map>`;
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
