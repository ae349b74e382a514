import { Task } from '@lit/task';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BodyEscalationsResponse, BodySummary, EscalationSummary } from '../../shared/api.js';
import { LiveListController } from '../live/index.js';
import { getBody } from '../shell/api.js';
import { loadTitledPage, pageBody, type Found } from '../shell/page-load.js';
import { bodyPath, MAP_PATH } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import './escalation-table.js';
import { getBodyEscalations } from './escalations-api.js';

type Loaded = Found<{ body: BodySummary; escalations: BodyEscalationsResponse }>;

const NOT_FOUND_HEADING = 'Escalations not found';
const FAILED_HEADING = 'Sorry, these escalations could not be loaded';

/** A body's escalations: those it has received, awaiting its answer or answered, and those it has sent up. */
@customElement('body-escalations-page')
export class BodyEscalationsPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        max-width: 64rem;
      }
    `,
  ];

  /** The body whose escalations to show. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  private readonly _escalations = new Task(this, {
    task: ([bodyId], { signal }) =>
      loadTitledPage<Loaded>(this, signal, {
        load: async () => {
          const [detail, escalations] = await Promise.all([getBody(bodyId), getBodyEscalations(bodyId)]);
          return { found: true, body: detail.body, escalations };
        },
        notFound: { found: false },
        heading: headingFor,
        failedHeading: FAILED_HEADING,
      }),
    args: () => [this.bodyId] as const,
  });

  constructor() {
    super();
    new LiveListController(this, {
      bodyId: () => this.bodyId || null,
      lists: ['escalations'],
      refresh: () => void this._escalations.run(),
    });
  }

  override render() {
    return pageBody({
      task: this._escalations,
      // What was loaded stays on screen while a live change is fetched again.
      loaded: this._escalations.value,
      heading: headingFor,
      failedHeading: FAILED_HEADING,
      loadingHeading: 'Loading escalations…',
      notFound: html`<p>There is no body at this address, or its escalations are not shared with you.</p>
        <p><a href=${MAP_PATH}>Go to the partnership map</a></p>`,
      content: ({ body, escalations }) => this._renderEscalations(body, escalations),
    });
  }

  private _renderEscalations(body: BodySummary, { received, sent }: BodyEscalationsResponse) {
    return html`<p><a href=${bodyPath(body.id)}>About ${body.name}</a></p>
      <section aria-labelledby="received-heading">
        <h2 id="received-heading">Received</h2>
        ${this._renderList(received, 'received', `Escalations received by ${body.name}`, 'No escalations have been received.')}
      </section>
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">Sent</h2>
        ${this._renderList(sent, 'sent', `Escalations sent by ${body.name}`, 'No escalations have been sent.')}
      </section>`;
  }

  private _renderList(escalations: EscalationSummary[], direction: 'received' | 'sent', caption: string, empty: string) {
    if (escalations.length === 0) return html`<p>${empty}</p>`;
    return html`<escalation-table .escalations=${escalations} direction=${direction} caption=${caption}></escalation-table>`;
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

function headingFor(loaded: Loaded): string {
  return loaded.found ? `${loaded.body.name}: escalations` : NOT_FOUND_HEADING;
}

declare global {
  interface HTMLElementTagNameMap {
    'body-escalations-page': BodyEscalationsPage;
  }
}
