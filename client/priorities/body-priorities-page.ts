import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BodyPrioritiesResponse, BodySummary, PrioritySummary, ReceivedPriority } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';
import { mayAcknowledgePriority } from '../../shared/permissions.js';
import { connectionStyles, LiveListController } from '../live/index.js';
import { getBody } from '../shell/api.js';
import { formStyles } from '../shell/form-styles.js';
import { loadTitledPage, pageBody, type Found } from '../shell/page-load.js';
import { bodyPath, MAP_PATH, priorityPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import './acknowledge-priority-button.js';
import { PRIORITY_ACKNOWLEDGED, type PriorityAcknowledged } from './acknowledge-priority-button.js';
import { getBodyPriorities } from './priority-api.js';
import { acknowledgement, priorityFacts } from './priority-facts.js';
import { priorityStyles } from './priority-styles.js';
import { PRIORITY_PUBLISHED } from './publish-priority-form.js';

/** `priorities` is null for a confidential body the reader is not a member of. */
type Loaded = { bodyId: number } & Found<{ body: BodySummary; priorities: BodyPrioritiesResponse | null }>;

const FAILED_HEADING = 'Sorry, the priorities could not be loaded';

/**
 * A body's priorities: those routed to it from above (which its chair
 * acknowledges), those it has sent down, and for its chair the form to
 * publish another. Refreshes when others publish or acknowledge.
 */
@customElement('body-priorities-page')
export class BodyPrioritiesPage extends LitElement {
  static override styles = [
    connectionStyles,
    baseStyles,
    formStyles,
    priorityStyles,
    css`
      :host {
        display: block;
        max-width: 56rem;
      }
    `,
  ];

  /** The body whose priorities to show. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  @state() private _announcement = '';

  private readonly _task = new Task(this, {
    task: ([bodyId], { signal }) =>
      loadTitledPage<Loaded>(this, signal, {
        load: async () => {
          const detail = await getBody(bodyId);
          if (detail.access === 'restricted') return { bodyId, found: true, body: detail.body, priorities: null };
          return { bodyId, found: true, body: detail.body, priorities: await getBodyPriorities(bodyId) };
        },
        notFound: { bodyId, found: false },
        heading: headingFor,
        failedHeading: FAILED_HEADING,
      }),
    args: () => [this.bodyId] as const,
  });

  constructor() {
    super();
    new LiveListController(this, { bodyId: () => this.bodyId || null, lists: ['priorities'], refresh: () => void this._task.run() });
    // The events bubble out of the shadow root, so the page hears them wherever in it they start.
    this.addEventListener(PRIORITY_ACKNOWLEDGED, (event) => void this._onAcknowledged(event));
    this.addEventListener(PRIORITY_PUBLISHED, (event) => this._onPublished(event));
  }

  private get _loaded(): Loaded | undefined {
    // While a live refresh is under way, the page keeps showing what it had (and the form keeps its typing).
    const { status, value } = this._task;
    if (status === TaskStatus.COMPLETE) return value;
    return status === TaskStatus.PENDING && value?.bodyId === this.bodyId ? value : undefined;
  }

  override render() {
    const loaded = this._loaded;
    const body = loaded?.found ? loaded.body : null;
    return html`${body ? html`<p class="caption"><a href=${bodyPath(body.id)}>${body.name}</a></p>` : nothing}
      ${pageBody({
        task: this._task,
        loaded,
        heading: headingFor,
        failedHeading: FAILED_HEADING,
        loadingHeading: 'Loading priorities…',
        notFound: html`<p>There is no body at this address.</p>
          <p><a href=${MAP_PATH}>Go to the partnership map</a></p>`,
        content: ({ body, priorities }) =>
          priorities
            ? this._renderPriorities(body, priorities)
            : html`<div class="notice" role="note">
                <p><strong>This body is confidential.</strong></p>
                <p>Only members of ${body.name} can see its priorities.</p>
              </div>`,
      })}
      <p class="visually-hidden" role="status">${this._announcement}</p>`;
  }

  private _renderPriorities(body: BodySummary, { received, sent, canPublish, below }: BodyPrioritiesResponse) {
    return html`<section aria-labelledby="received-heading">
        <h2 id="received-heading">Received</h2>
        ${received.length === 0
          ? html`<p>No priorities have been routed to ${body.shortName} yet.</p>`
          : html`<ul class="priorities">
              ${received.map((priority) => this._renderReceived(body, priority))}
            </ul>`}
      </section>
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">Sent</h2>
        ${sent.length === 0
          ? html`<p>${body.shortName} has not sent any priorities.</p>`
          : html`<ul class="priorities">
              ${sent.map((priority) => this._renderSent(priority))}
            </ul>`}
      </section>
      ${canPublish ? html`<publish-priority-form body-id=${body.id} .below=${below}></publish-priority-form>` : nothing}`;
  }

  private _renderReceived(body: BodySummary, priority: ReceivedPriority) {
    const acknowledged = priority.acknowledgedAt !== null;
    return html`<li class="priority" id="received-${priority.id}">
      <h3><a href=${priorityPath(priority.id)}>${priority.title}</a></h3>
      ${priorityFacts(priority)}
      <p class="description">${priority.description}</p>
      ${acknowledgement(priority.acknowledgedAt, priority.acknowledgedBy)}
      ${mayAcknowledgePriority(body.myRole, acknowledged)
        ? html`<acknowledge-priority-button priority-id=${priority.id} body-id=${body.id} priority-title=${priority.title}></acknowledge-priority-button>`
        : nothing}
    </li>`;
  }

  private _renderSent(priority: PrioritySummary) {
    return html`<li class="priority">
      <h3><a href=${priorityPath(priority.id)}>${priority.title}</a></h3>
      <p class="facts">
        Published by ${priority.publishedBy.name} on ${formatDate(priority.publishedAt)} to
        ${priority.targets.map((target) => target.name).join(', ')}
      </p>
    </li>`;
  }

  private async _onAcknowledged(event: CustomEvent<PriorityAcknowledged>) {
    this._announcement = `Acknowledged: ${event.detail.title}`;
    await this._task.run();
    await this.updateComplete;
    // The button has gone: keep the keyboard where it was, on the priority just acknowledged.
    this.renderRoot.querySelector<HTMLElement>(`#received-${event.detail.priorityId} h3 a`)?.focus();
  }

  private _onPublished(event: CustomEvent<PrioritySummary>) {
    this._announcement = `Priority published: ${event.detail.title}`;
    void this._task.run();
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

function headingFor(loaded: Loaded): string {
  return loaded.found ? `${loaded.body.shortName} priorities` : 'Body not found';
}

declare global {
  interface HTMLElementTagNameMap {
    'body-priorities-page': BodyPrioritiesPage;
  }
}
