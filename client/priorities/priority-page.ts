import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { PriorityResponse } from '../../shared/api.js';
import { formatDate } from '../../shared/dates.js';
import { actionStyles } from '../actions/action-styles.js';
import { LiveListController } from '../live/index.js';
import { formStyles } from '../shell/form-styles.js';
import { loadTitledPage, pageBody, type Found } from '../shell/page-load.js';
import { HOME_PATH, prioritiesPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { PRIORITY_ACKNOWLEDGED, type PriorityAcknowledged } from './acknowledge-priority-button.js';
import { renderBodyThread } from './golden-thread.js';
import { getPriority } from './priority-api.js';
import { priorityFacts } from './priority-facts.js';
import { priorityStyles } from './priority-styles.js';

type Loaded = { priorityId: number } & Found<{ response: PriorityResponse }>;

const FAILED_HEADING = 'Sorry, the priority could not be loaded';

/**
 * One priority and its golden thread: what the publishing body asked for,
 * then each body it was routed to, whether it acknowledged it and how the
 * actions serving it stand. Refreshes as bodies acknowledge it or link
 * actions to it.
 */
@customElement('priority-page')
export class PriorityPage extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    actionStyles,
    priorityStyles,
    css`
      :host {
        display: block;
        max-width: 60rem;
      }
      .summary {
        margin-bottom: 2rem;
      }
      h4 {
        margin: 0.75rem 0 0;
      }
    `,
  ];

  /** The priority to show. */
  @property({ type: Number, attribute: 'priority-id' }) priorityId = 0;

  @state() private _announcement = '';

  private readonly _task = new Task(this, {
    task: ([priorityId], { signal }) =>
      loadTitledPage<Loaded>(this, signal, {
        load: async () => ({ priorityId, found: true, response: await getPriority(priorityId) }),
        notFound: { priorityId, found: false },
        heading: headingFor,
        failedHeading: FAILED_HEADING,
      }),
    args: () => [this.priorityId] as const,
  });

  constructor() {
    super();
    new LiveListController(this, { priorityId: () => this.priorityId || null, refresh: () => void this._task.run() });
    // The event bubbles out of the shadow root, so the page hears it wherever in the thread it starts.
    this.addEventListener(PRIORITY_ACKNOWLEDGED, (event) => void this._onAcknowledged(event));
  }

  private get _loaded(): Loaded | undefined {
    // A live refresh keeps the thread on screen until the new one arrives.
    const { status, value } = this._task;
    if (status === TaskStatus.COMPLETE) return value;
    return status === TaskStatus.PENDING && value?.priorityId === this.priorityId ? value : undefined;
  }

  override render() {
    const loaded = this._loaded;
    const priority = loaded?.found ? loaded.response.priority : null;
    return html`${priority
        ? html`<p class="caption">Priority from <a href=${prioritiesPath(priority.body.id)}>${priority.body.name}</a></p>`
        : nothing}
      ${pageBody({
        task: this._task,
        loaded,
        heading: headingFor,
        failedHeading: FAILED_HEADING,
        loadingHeading: 'Loading priority…',
        notFound: html`<p>There is no priority at this address.</p>
          <p><a href=${HOME_PATH}>Go to your home page</a></p>`,
        content: ({ response }) => this._renderThread(response),
      })}
      <p class="visually-hidden" role="status">${this._announcement}</p>`;
  }

  private _renderThread({ priority, canAcknowledgeFor }: PriorityResponse) {
    return html`<div class="summary">
        ${priorityFacts(priority)}
        <p class="description">${priority.description}</p>
        <p class="facts">Published by ${priority.publishedBy.name} on ${formatDate(priority.publishedAt)}</p>
      </div>
      <h2>The golden thread</h2>
      ${priority.bodies.length === 0
        ? html`<p>This priority has not been routed to any body you can see.</p>`
        : priority.bodies.map((state) =>
            renderBodyThread({
              state,
              priorityId: priority.id,
              priorityTitle: priority.title,
              mayAcknowledge: canAcknowledgeFor.includes(state.body.id),
            }),
          )}`;
  }

  private async _onAcknowledged(event: CustomEvent<PriorityAcknowledged>) {
    const loaded = this._loaded;
    const body = loaded?.found ? loaded.response.priority.bodies.find((each) => each.body.id === event.detail.bodyId) : undefined;
    this._announcement = `Acknowledged${body ? ` for ${body.body.name}` : ''}`;
    await this._task.run();
    await this.updateComplete;
    // The button has gone: keep the keyboard where it was, on the body just acknowledged for.
    this.renderRoot.querySelector<HTMLElement>(`#thread-${event.detail.bodyId}`)?.focus();
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

function headingFor(loaded: Loaded): string {
  return loaded.found ? loaded.response.priority.title : 'Priority not found';
}

declare global {
  interface HTMLElementTagNameMap {
    'priority-page': PriorityPage;
  }
}
