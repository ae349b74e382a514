import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ActionLogResponse, BodyMember, CurrentUser, MeetingResponse } from '../../shared/api.js';
import { formatDateTime } from '../../shared/dates.js';
import { metaOf, readAgenda, readMeta, type AgendaItem } from '../../shared/meeting-doc.js';
import { MEETING_STATUSES, MEETING_STATUS_LABELS, type MeetingStatus } from '../../shared/meetings.js';
import { mayEditAgenda, mayRecordDecisions, maySetCurrentItem, meetingAccess } from '../../shared/permissions.js';
import { ActionLogSession, ActionLogStore, type ActionAdded, type ActionLogSessionOptions, type NewActionForm } from '../actions/index.js';
import { ApiError, closeMeeting, getActionLog, getBody, getMeeting, startMeeting } from '../shell/api.js';
import { pageTitleEvent, sessionExpiredEvent } from '../shell/events.js';
import { connectionStatus, connectionStyles, LiveSessionHolder, refusalNotices, type LiveConnection } from '../live/index.js';
import { MeetingController } from './meeting-controller.js';
import { InvalidEdit, appendMinutesLine } from './meeting-edits.js';
import { MeetingSession, type MeetingConnection, type MeetingSessionOptions } from './meeting-session.js';
import { readParticipants } from './presence.js';
import { formStyles } from '../shell/form-styles.js';
import { bodyPath, minutesPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import './agenda-list.js';
import './attendance-panel.js';
import type { ConfirmDialog } from '../shell/confirm-dialog.js';
import '../shell/confirm-dialog.js';
import './decisions-list.js';
import './declarations-panel.js';
import type { MinutesEditor, RaiseActionRequest } from './minutes-editor.js';
import './minutes-editor.js';
import './presence-list.js';

/** The standing item under which the body reviews its outstanding actions. */
const ACTION_REVIEW_ITEM = /matters arising|action review/i;

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; meeting: MeetingResponse; members: BodyMember[] }
  | { state: 'not-found' }
  | { state: 'forbidden'; message: string }
  | { state: 'failed'; message: string };

/**
 * The live meeting workspace: agenda, minutes, decisions, attendance and
 * declarations, co-edited by everyone in the meeting, with who is here and
 * the state of the connection. Only this page opens the live document; the
 * elements inside get it as a property.
 */
@customElement('meeting-page')
export class MeetingPage extends LitElement {
  static override styles = [
    connectionStyles,
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      .caption {
        color: var(--q-secondary-text);
        font-size: 1.125rem;
        margin: 0 0 0.25rem;
      }
      h1 {
        margin-bottom: 0.75rem;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1.5rem;
        margin: 0 0 1rem;
      }
      .facts div {
        display: flex;
        gap: 0.375rem;
      }
      .facts dt {
        font-weight: 700;
      }
      .facts dd {
        margin: 0;
      }
      .status-tag {
        display: inline-block;
        padding: 0 0.375rem;
        font-weight: 700;
        background: var(--q-muted-background);
      }
      .status-tag.live {
        color: #fff;
        background: var(--q-success);
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
      .bar-actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem 1.5rem;
      }
      .notice {
        border-left: 6px solid var(--q-brand);
        background: var(--q-muted-background);
        padding: 0.75rem 1.25rem;
        margin: 0 0 1.5rem;
        font-size: 1.125rem;
      }
      .notice p {
        margin: 0.25rem 0;
      }
      .workspace {
        display: grid;
        grid-template-columns: minmax(16rem, 22rem) minmax(0, 1fr);
        gap: 2rem;
        align-items: start;
      }
      @media (max-width: 60rem) {
        .workspace {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .workspace > section > h2:first-child,
      .workspace > div > section:first-child > h2 {
        margin-top: 0;
      }
      .item-badges {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: -0.5rem 0 1rem;
      }
      details.shortcuts {
        margin-top: 2rem;
      }
      details.shortcuts summary {
        cursor: pointer;
        color: var(--q-link);
        font-weight: 600;
      }
      .shortcuts dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
      }
      .shortcuts dd {
        margin: 0;
      }
      kbd {
        font-family: inherit;
        font-weight: 700;
        border: 1px solid var(--q-border);
        padding: 0 0.25rem;
        background: #fff;
      }
    `,
  ];

  /** The id of the meeting to show. */
  @property({ type: Number, attribute: 'meeting-id' }) meetingId = 0;

  /** The signed-in user: their local copies are kept apart, and they head the presence list. */
  @property({ attribute: false }) user: CurrentUser | null = null;

  /** Opens the live document; tests replace it to hand the page a document without a server. */
  @property({ attribute: false }) openSession: (options: MeetingSessionOptions) => MeetingConnection = (options) =>
    new MeetingSession(options);

  /** Opens the body's action log, for raising actions and reviewing them; tests replace it. */
  @property({ attribute: false }) openActionLogSession: (options: ActionLogSessionOptions) => LiveConnection = (options) =>
    new ActionLogSession(options);

  @state() private _load: Load = { state: 'loading' };
  /** The body's action log, when the user may see it; its connection is held in `_actionLogSessions`. */
  @state() private _actionLogResponse: ActionLogResponse | null = null;
  /** The item an action is being raised under, and the text it starts with. */
  @state() private _raising: RaiseActionRequest | null = null;
  @state() private _selectedItemId: string | null = null;
  @state() private _actionError = '';
  @state() private _pending = false;
  @state() private _dismissedRefusedChange: string | null = null;

  @query('confirm-dialog') private _confirm!: ConfirmDialog;

  private readonly _sessions = new LiveSessionHolder<MeetingConnection>(this);
  /** The meeting works without the action log, so its connection does not report an ended session. */
  private readonly _actionLogSessions = new LiveSessionHolder<LiveConnection>(this, false);
  private _latestRequest = 0;

  private get _session(): MeetingConnection | null {
    return this._sessions.current;
  }

  /** The body's action log and the live connection to it, when both are there. */
  private get _actionLog(): { log: ActionLogResponse; session: LiveConnection } | null {
    const session = this._actionLogSessions.current;
    return this._actionLogResponse && session ? { log: this._actionLogResponse, session } : null;
  }

  constructor() {
    super();
    new MeetingController(this, { doc: () => this._session?.doc, awareness: () => this._session?.awareness });
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('meetingId')) void this._fetchMeeting();
  }

  override render() {
    const load = this._load;
    return html`
      ${load.state === 'loaded'
        ? html`<p class="caption"><a href=${bodyPath(load.meeting.body.id)}>${load.meeting.body.name}</a></p>`
        : nothing}
      <h1 tabindex="-1">${this._heading()}</h1>
      <div aria-busy=${load.state === 'loading' ? 'true' : 'false'}>${this._renderContent()}</div>
      <confirm-dialog></confirm-dialog>
    `;
  }

  private _heading(): string {
    switch (this._load.state) {
      case 'loading':
        return 'Loading meeting…';
      case 'loaded':
        return this._load.meeting.meeting.title;
      case 'not-found':
        return 'Meeting not found';
      case 'forbidden':
        return 'You cannot open this meeting';
      case 'failed':
        return 'Sorry, this meeting could not be loaded';
    }
  }

  private _renderContent() {
    const load = this._load;
    switch (load.state) {
      case 'loading':
        return html`<p class="status" role="status">Loading…</p>`;
      case 'not-found':
        return html`<p>There is no meeting at this address. It may have been removed, or the link may be wrong.</p>
          <p><a href="/">Go to the partnership map</a></p>`;
      case 'forbidden':
        return html`<p>${load.message}</p>
          <p><a href="/">Go to the partnership map</a></p>`;
      case 'failed':
        return html`<div class="error-panel" role="alert">
          <p>${load.message}</p>
          <p><button type="button" class="secondary" @click=${this._onRetryClick}>Try again</button></p>
        </div>`;
      case 'loaded':
        return this._renderMeeting(load.meeting, load.members);
    }
  }

  /**
   * Where the meeting has got to. Statuses only move forward (scheduled, live,
   * closed), so whichever of the live document and the API's last answer is
   * further along is the news the other has yet to hear.
   */
  private _status(response: MeetingResponse): MeetingStatus {
    const doc = this._session?.doc;
    const fromDoc = doc && metaOf(doc).has('status') ? readMeta(doc).status : response.meeting.status;
    return MEETING_STATUSES.indexOf(fromDoc) > MEETING_STATUSES.indexOf(response.meeting.status) ? fromDoc : response.meeting.status;
  }

  private _renderMeeting(response: MeetingResponse, members: BodyMember[]) {
    const { meeting, body } = response;
    const session = this._session;
    const status = this._status(response);
    const refused = session?.state === 'refused';
    const readonly = refused || meetingAccess(body.myRole, status) !== 'edit';
    return html`
      <dl class="facts">
        <div>
          <dt>When</dt>
          <dd><time datetime=${meeting.startsAt}>${formatDateTime(meeting.startsAt)}</time></dd>
        </div>
        ${meeting.location
          ? html`<div>
              <dt>Where</dt>
              <dd>${meeting.location}</dd>
            </div>`
          : nothing}
        <div>
          <dt>Status</dt>
          <dd><span class="status-tag ${status}">${MEETING_STATUS_LABELS[status]}</span></dd>
        </div>
      </dl>
      <div class="bar">
        ${connectionStatus(session)}
        <div class="bar-actions">
          <a href=${minutesPath(meeting.id)}>Printable minutes</a>
          ${response.canRunMeeting ? this._renderRunButtons(status) : nothing}
        </div>
      </div>
      ${this._actionError ? html`<div class="error-panel" role="alert"><p>${this._actionError}</p></div>` : nothing}
      ${this._renderNotices(session, status, readonly)}
      ${session ? this._renderWorkspace(session, response, members, readonly) : nothing}
    `;
  }

  private _renderRunButtons(status: MeetingStatus) {
    if (status === 'scheduled') {
      return html`<button type="button" ?disabled=${this._pending} @click=${this._onStartClick}>Start meeting</button>`;
    }
    if (status === 'live') {
      return html`<button type="button" class="warning" ?disabled=${this._pending} @click=${this._onCloseClick}>Close meeting</button>`;
    }
    return nothing;
  }

  private _renderNotices(session: MeetingConnection | null, status: MeetingStatus, readonly: boolean) {
    return html`
      ${refusalNotices({
        session,
        noun: 'meeting',
        dismissedRefusedChange: this._dismissedRefusedChange,
        onDismiss: () => this._onDismissRefusedChange(),
      })}
      ${readonly
        ? html`<div class="notice" role="note">
            ${status === 'closed'
              ? html`<p><strong>This meeting is closed.</strong></p>
                  <p>The minutes, decisions and attendance can be read but no longer changed.</p>`
              : html`<p><strong>You are observing: read only.</strong></p>
                  <p>
                    ${status === 'scheduled'
                      ? 'The chair, vice-chair and secretariat prepare the agenda; members can edit once the meeting is live.'
                      : 'Observers can follow the meeting but not change it.'}
                  </p>`}
          </div>`
        : nothing}
    `;
  }

  private _renderWorkspace(session: MeetingConnection, response: MeetingResponse, members: BodyMember[], readonly: boolean) {
    const doc = session.doc;
    const agenda = readAgenda(doc);
    const participants = readParticipants(session.awareness);
    const role = response.body.myRole;
    const status = this._status(response);
    // The rulebook decides each part; `readonly` adds a refused or lost connection.
    const agendaReadonly = readonly || !mayEditAgenda(role, status);
    const runsMeeting = !readonly && maySetCurrentItem(role, status);
    const meta = readMeta(doc);
    const selected = this._selectedItem(agenda, meta.currentItemId);
    const waiting = agenda.length === 0 && !metaOf(doc).has('status');
    return html`<div class="workspace">
        <div>
          <section aria-labelledby="presence-heading">
            <h2 id="presence-heading">Who is here</h2>
            <presence-list
              .user=${this.user}
              .participants=${participants}
              .itemTitles=${new Map(agenda.map((item) => [item.id, item.title]))}
            ></presence-list>
          </section>
          <section aria-labelledby="agenda-heading">
            <h2 id="agenda-heading">Agenda</h2>
            ${waiting
              ? html`<p class="status">Loading the agenda…</p>`
              : html`<agenda-list
                  .doc=${doc}
                  .participants=${participants}
                  .selectedItemId=${selected?.id ?? null}
                  ?readonly=${agendaReadonly}
                  ?runs-meeting=${runsMeeting}
                  @item-selected=${this._onItemSelected}
                ></agenda-list>`}
          </section>
        </div>
        <section class="item" aria-labelledby="item-heading">
          ${selected
            ? html`<h2 id="item-heading">${selected.title}</h2>
                ${selected.partTwo || selected.id === meta.currentItemId
                  ? html`<p class="item-badges">
                      ${selected.partTwo ? html`<span class="badge part-two">Part II (confidential)</span>` : nothing}
                      ${selected.id === meta.currentItemId ? html`<span class="badge current">Current item</span>` : nothing}
                    </p>`
                  : nothing}
                <minutes-editor
                  .doc=${doc}
                  .awareness=${session.awareness}
                  .participants=${participants}
                  item-id=${selected.id}
                  ?readonly=${readonly}
                  ?can-raise-actions=${this._mayRaiseActions(readonly)}
                  @raise-action-requested=${this._onRaiseActionRequested}
                ></minutes-editor>
                ${this._raising?.itemId === selected.id && this._mayRaiseActions(readonly) ? this._renderRaiseForm(selected) : nothing}
                ${ACTION_REVIEW_ITEM.test(selected.title) ? this._renderActionReview() : nothing}
                <decisions-list .doc=${doc} item-id=${selected.id} ?readonly=${readonly || !mayRecordDecisions(role, status)}></decisions-list>`
            : html`<h2 id="item-heading">Minutes</h2>
                <p>${waiting ? 'Loading…' : 'Add an item to the agenda to start the minutes.'}</p>`}
        </section>
      </div>
      <section class="panel" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">Attendance</h2>
        <attendance-panel
          .doc=${doc}
          .members=${members}
          .myRole=${role}
          .status=${status}
          user-id=${this.user?.id ?? 0}
          ?readonly=${readonly}
        ></attendance-panel>
      </section>
      <section class="panel" aria-labelledby="declarations-heading">
        <h2 id="declarations-heading">Declarations of interest</h2>
        <declarations-panel
          .doc=${doc}
          .members=${members}
          .myRole=${role}
          .status=${status}
          user-id=${this.user?.id ?? 0}
          ?readonly=${readonly}
        ></declarations-panel>
      </section>
      ${this._renderShortcuts()}`;
  }

  private _renderShortcuts() {
    return html`<details class="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <dl>
        <dt><kbd>Tab</kbd> / <kbd>Shift</kbd>+<kbd>Tab</kbd></dt>
        <dd>Move between items, fields and buttons</dd>
        <dt><kbd>↑</kbd> / <kbd>↓</kbd> on an agenda item</dt>
        <dd>Go to the previous or next item</dd>
        <dt><kbd>Enter</kbd> on an agenda item</dt>
        <dd>Open its minutes and decisions, and show its buttons</dd>
        <dt><kbd>Alt</kbd>+<kbd>↑</kbd> / <kbd>Alt</kbd>+<kbd>↓</kbd> on an agenda item</dt>
        <dd>Move the item up or down the agenda</dd>
        <dt><kbd>Enter</kbd> / <kbd>Escape</kbd> while renaming</dt>
        <dd>Save or cancel the new title</dd>
        <dt><kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>A</kbd> in the minutes</dt>
        <dd>Raise an action, with the selected text as its title; it goes in the action log and the minutes</dd>
        <dt><kbd>Escape</kbd> in the action form</dt>
        <dd>Cancel, and go back to the minutes</dd>
        <dt><kbd>Escape</kbd> in a confirmation</dt>
        <dd>Cancel</dd>
      </dl>
    </details>`;
  }

  private _mayRaiseActions(readonly: boolean): boolean {
    const actionLog = this._actionLog;
    return !readonly && actionLog !== null && actionLog.log.access === 'edit' && actionLog.session.state !== 'refused';
  }

  private _renderRaiseForm(item: AgendaItem) {
    const { log, session } = this._actionLog!;
    return html`<new-action-form
      heading="Raise an action under ${item.title}"
      cancellable
      .store=${ActionLogStore.of(session.doc)}
      .members=${log.members}
      .agencies=${log.agencies}
      .initialTitle=${this._raising?.selectedText ?? ''}
      source-meeting-id=${this.meetingId}
      source-item-id=${item.id}
      @action-added=${this._onActionRaised}
      @action-form-cancelled=${this._onRaiseCancelled}
    ></new-action-form>`;
  }

  private _renderActionReview() {
    const actionLog = this._actionLog;
    if (!actionLog || this._load.state !== 'loaded') return nothing;
    return html`<section class="action-review" aria-labelledby="action-review-heading">
      <h3 id="action-review-heading">Outstanding actions</h3>
      <outstanding-actions
        .store=${ActionLogStore.of(actionLog.session.doc, { role: this._load.meeting.body.myRole, userId: this.user?.id ?? 0 })}
        .members=${actionLog.log.members}
        .agencies=${actionLog.log.agencies}
        body-id=${this._load.meeting.body.id}
      ></outstanding-actions>
    </section>`;
  }

  private async _onRaiseActionRequested(event: CustomEvent<RaiseActionRequest>) {
    this._raising = event.detail;
    await this.updateComplete;
    await this.renderRoot.querySelector<NewActionForm>('new-action-form')?.focusTitle();
  }

  private _onActionRaised(event: CustomEvent<ActionAdded>) {
    const itemId = this._raising?.itemId;
    const doc = this._session?.doc;
    this._raising = null;
    if (itemId && doc) {
      const { title, ownerName } = event.detail;
      try {
        appendMinutesLine(doc, itemId, `ACTION: ${title}${ownerName ? ` — ${ownerName}` : ''}`);
      } catch (error) {
        if (!(error instanceof InvalidEdit)) throw error;
        this._actionError = `The action was added to the action log, but not to the minutes: ${error.message}`;
      }
    }
    void this._focusMinutes();
  }

  private _onRaiseCancelled() {
    this._raising = null;
    void this._focusMinutes();
  }

  private async _focusMinutes() {
    await this.updateComplete;
    await this.renderRoot.querySelector<MinutesEditor>('minutes-editor')?.focusMinutes();
  }

  private _selectedItem(agenda: AgendaItem[], currentItemId: string | null): AgendaItem | undefined {
    return (
      agenda.find((item) => item.id === this._selectedItemId) ??
      agenda.find((item) => item.id === currentItemId) ??
      agenda[0]
    );
  }

  private _onItemSelected(event: CustomEvent<string>) {
    this._selectedItemId = event.detail;
  }

  private async _onStartClick() {
    await this._runMeeting(startMeeting);
  }

  private async _onCloseClick() {
    const confirmed = await this._confirm.ask({
      heading: 'Close this meeting?',
      message: 'Once it is closed, nobody can change its agenda, minutes, decisions or attendance.',
      confirmLabel: 'Close meeting',
    });
    if (confirmed) await this._runMeeting(closeMeeting);
  }

  private async _runMeeting(action: (id: number) => Promise<MeetingResponse>) {
    if (this._load.state !== 'loaded') return;
    const { members } = this._load;
    this._pending = true;
    this._actionError = '';
    try {
      const meeting = await action(this.meetingId);
      if (this._load.state === 'loaded') this._load = { state: 'loaded', meeting, members };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.dispatchEvent(sessionExpiredEvent());
      this._actionError = error instanceof ApiError ? error.message : String(error);
    } finally {
      this._pending = false;
    }
  }

  private _onDismissRefusedChange() {
    this._dismissedRefusedChange = this._session?.refusedChange ?? null;
  }

  private _onRetryClick() {
    void this._fetchMeeting();
  }

  private async _fetchMeeting() {
    const request = ++this._latestRequest;
    const meetingId = this.meetingId;
    this._sessions.close();
    this._actionLogSessions.close();
    this._actionLogResponse = null;
    this._raising = null;
    this._selectedItemId = null;
    this._load = { state: 'loading' };
    let load: Load;
    try {
      const meeting = await getMeeting(meetingId);
      const detail = await getBody(meeting.body.id);
      load = { state: 'loaded', meeting, members: detail.access === 'full' ? detail.members : [] };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        load = { state: 'not-found' };
      } else if (error instanceof ApiError && error.status === 403) {
        load = { state: 'forbidden', message: error.message };
      } else {
        if (error instanceof ApiError && error.status === 401) this.dispatchEvent(sessionExpiredEvent());
        load = { state: 'failed', message: error instanceof ApiError ? error.message : String(error) };
      }
    }
    if (request !== this._latestRequest) return;
    this._load = load;
    if (load.state === 'loaded') {
      if (load.meeting.access === 'none') {
        this._load = { state: 'forbidden', message: `Only members of ${load.meeting.body.name} can open its meetings.` };
      } else {
        const { docName } = load.meeting;
        this._sessions.open(() => this.openSession({ docName, userId: this.user?.id ?? 0 }));
        void this._fetchActionLog(request, load.meeting.body.id);
      }
    }
    this.dispatchEvent(pageTitleEvent(this._heading()));
  }

  /** The meeting works without the action log, so failing to open it only hides raising and reviewing actions. */
  private async _fetchActionLog(request: number, bodyId: number) {
    let log: ActionLogResponse;
    try {
      log = await getActionLog(bodyId);
    } catch {
      return;
    }
    if (request !== this._latestRequest || log.access === 'none') return;
    this._actionLogResponse = log;
    this._actionLogSessions.open(() => this.openActionLogSession({ docName: log.docName, userId: this.user?.id ?? 0 }));
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'meeting-page': MeetingPage;
  }
}
