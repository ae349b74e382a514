import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ActionLogResponse, ActionSummary, BodySummary, CurrentUser } from '../../shared/api.js';
import { ActionLogSession, type ActionLogSessionOptions } from './action-log-session.js';
import { ActionLogStore } from './action-log-store.js';
import { actionStyles } from './action-styles.js';
import { actionSummaryTable } from './action-summary-table.js';
import { getActionLog, getBody, getBodyActions } from '../shell/api.js';
import { pageTitleEvent } from '../shell/events.js';
import { connectionStatus, connectionStyles, LiveSessionHolder, refusalNotices, type LiveConnection } from '../live/index.js';
import { formStyles } from '../shell/form-styles.js';
import { isLoading, loadFailedPanel, loadingStatus, loadUnlessNotFound } from '../shell/page-load.js';
import { bodyPath, MAP_PATH } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import type { ActionLogTable } from './action-log-table.js';
import './action-log-table.js';
import type { ActionAdded } from './new-action-form.js';
import './new-action-form.js';

type Loaded =
  /** A member: the live log. */
  | { state: 'live'; body: BodySummary; log: ActionLogResponse }
  /** Not a member of an open body: the list as the server last projected it. */
  | { state: 'list'; body: BodySummary; actions: ActionSummary[] }
  | { state: 'restricted'; body: BodySummary }
  | { state: 'not-found' };

/**
 * A body's action log. Members get the live log, co-edited like the
 * minutes; anyone else signed in sees an open body's actions as a list, and
 * a confidential body's not at all.
 */
@customElement('action-log-page')
export class ActionLogPage extends LitElement {
  static override styles = [
    connectionStyles,
    baseStyles,
    formStyles,
    actionStyles,
    css`
      :host {
        display: block;
      }
      .caption {
        color: var(--q-secondary-text);
        font-size: 1.125rem;
        margin: 0 0 0.25rem;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem 1.5rem;
        padding: 0.75rem 0;
        border-top: 1px solid var(--q-border);
        border-bottom: 1px solid var(--q-border);
        margin-bottom: 1.5rem;
      }
      new-action-form {
        margin-top: 2rem;
        max-width: 60rem;
      }
    `,
  ];

  /** The body whose action log to show. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  /** The signed-in user: their local copy is kept apart, and their role decides what they may change. */
  @property({ attribute: false }) user: CurrentUser | null = null;

  /** Opens the live document; tests replace it to hand the page a document without a server. */
  @property({ attribute: false }) openSession: (options: ActionLogSessionOptions) => LiveConnection = (options) => new ActionLogSession(options);

  @state() private _dismissedRefusedChange: string | null = null;

  @query('action-log-table') private _table!: ActionLogTable | null;

  private readonly _sessions = new LiveSessionHolder<LiveConnection>(this);

  private readonly _log = new Task(this, {
    task: async ([bodyId], { signal }): Promise<Loaded> => {
      this._sessions.close();
      const loaded = await loadUnlessNotFound<Loaded>(this, () => this._fetch(bodyId), { state: 'not-found' });
      signal.throwIfAborted();
      if (loaded.state === 'live') {
        const { docName } = loaded.log;
        this._sessions.open(() => this.openSession({ docName, userId: this.user?.id ?? 0 }));
      }
      return loaded;
    },
    args: () => [this.bodyId] as const,
    onComplete: () => this.dispatchEvent(pageTitleEvent(this._heading())),
    onError: () => this.dispatchEvent(pageTitleEvent(this._heading())),
  });

  private get _session(): LiveConnection | null {
    return this._sessions.current;
  }

  override render() {
    const loaded = this._log.value;
    const body = this._log.status === TaskStatus.COMPLETE && loaded && 'body' in loaded ? loaded.body : null;
    const busy = isLoading(this._log);
    return html`
      ${body ? html`<p class="caption"><a href=${bodyPath(body.id)}>${body.name}</a></p>` : nothing}
      <h1 tabindex="-1">${this._heading()}</h1>
      <div aria-busy=${busy ? 'true' : 'false'}>
        ${this._log.render({
          initial: () => loadingStatus,
          pending: () => loadingStatus,
          error: (error) => loadFailedPanel(error, () => this._onRetryClick()),
          complete: (loaded) => this._renderContent(loaded),
        })}
      </div>
    `;
  }

  private _heading(): string {
    if (this._log.status === TaskStatus.ERROR) return 'Sorry, the action log could not be loaded';
    const load = this._log.status === TaskStatus.COMPLETE ? this._log.value : undefined;
    switch (load?.state) {
      case undefined:
        return 'Loading action log…';
      case 'live':
      case 'list':
      case 'restricted':
        return `${load.body.shortName} action log`;
      case 'not-found':
        return 'Body not found';
    }
  }

  private _renderContent(load: Loaded) {
    switch (load.state) {
      case 'not-found':
        return html`<p>There is no body at this address.</p>
          <p><a href=${MAP_PATH}>Go to the partnership map</a></p>`;
      case 'restricted':
        return html`<div class="notice" role="note">
          <p><strong>This body is confidential.</strong></p>
          <p>Only members of ${load.body.name} can see its actions.</p>
        </div>`;
      case 'list':
        return this._renderList(load.body, load.actions);
      case 'live':
        return this._renderLive(load.body, load.log);
    }
  }

  private _renderList(body: BodySummary, actions: ActionSummary[]) {
    return html`<div class="notice" role="note">
        <p>You are not a member of ${body.name}, so you can read its outstanding actions but not change them.</p>
      </div>
      ${actions.length === 0
        ? html`<p>${body.shortName} has no outstanding actions.</p>`
        : actionSummaryTable({
            actions,
            label: 'Outstanding actions',
            columns: ['reference', 'title', 'owner', 'leadAgency', 'dueDate', 'status', 'rag', 'theme', 'latestProgress'],
          })}`;
  }

  private _renderLive(body: BodySummary, log: ActionLogResponse) {
    const session = this._session;
    const refused = session?.state === 'refused';
    const readonly = refused || log.access !== 'edit';
    const store = session ? ActionLogStore.of(session.doc, { role: body.myRole, userId: this.user?.id ?? 0 }) : null;
    return html`<div class="bar">
        ${connectionStatus(session)}
      </div>
      ${refusalNotices({
        session,
        noun: 'action log',
        dismissedRefusedChange: this._dismissedRefusedChange,
        onDismiss: () => this._onDismissRefusedChange(),
      })}
      ${log.access === 'read'
        ? html`<div class="notice" role="note"><p><strong>You are observing: read only.</strong></p></div>`
        : nothing}
      ${session
        ? html`<h2 class="visually-hidden">Actions in the log</h2>
            <action-log-table
              .store=${store}
              .awareness=${session.awareness}
              .members=${log.members}
              .agencies=${log.agencies}
              .priorities=${log.priorities}
              body-id=${body.id}
              ?readonly=${readonly}
            ></action-log-table>
            ${readonly
              ? nothing
              : html`<new-action-form
                  full
                  .store=${store}
                  .members=${log.members}
                  .agencies=${log.agencies}
                  .priorities=${log.priorities}
                  @action-added=${this._onActionAdded}
                ></new-action-form>`}`
        : nothing}`;
  }

  private _onActionAdded(event: CustomEvent<ActionAdded>) {
    void this._table?.showDetails(event.detail.actionId);
  }

  private _onDismissRefusedChange() {
    this._dismissedRefusedChange = this._session?.refusedChange ?? null;
  }

  private _onRetryClick() {
    void this._log.run();
  }

  private async _fetch(bodyId: number): Promise<Loaded> {
    const detail = await getBody(bodyId);
    if (detail.access === 'restricted') return { state: 'restricted', body: detail.body };
    const log = await getActionLog(bodyId);
    if (log.access !== 'none') return { state: 'live', body: detail.body, log };
    const { actions } = await getBodyActions(bodyId, new URLSearchParams({ status: 'outstanding', sort: 'due' }));
    return { state: 'list', body: detail.body, actions };
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'action-log-page': ActionLogPage;
  }
}
