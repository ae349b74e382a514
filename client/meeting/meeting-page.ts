import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { BodyMember, CurrentUser, MeetingResponse } from '../../shared/api.js';
import { mayStartOrCloseMeeting } from '../../shared/permissions.js';
import { ActionLogSession, ActionLogStore, type ActionAdded, type ActionLogSessionOptions, type NewActionForm } from '../actions/index.js';
import { LiveSessionHolder, type LiveConnection } from '../live/index.js';
import { pageTitleEvent } from '../shell/events.js';
import { formStyles } from '../shell/form-styles.js';
import { bodyPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { MeetingActionLog } from './meeting-action-log.js';
import { ACTION_REVIEW_ITEM, renderActionReview, renderRaiseActionForm } from './meeting-action-panels.js';
import { MeetingController } from './meeting-controller.js';
import { InvalidEdit } from './meeting-edits.js';
import {
  LOAD_FAILED_TITLE,
  UNLOADED_TITLES,
  loadMeeting,
  renderMeetingForbidden,
  renderMeetingLoadFailed,
  renderMeetingLoading,
  renderMeetingNotFound,
  type Loaded,
} from './meeting-page-states.js';
import type { MeetingRunBar } from './meeting-run-bar.js';
import './meeting-facts.js';
import './meeting-notices.js';
import './meeting-run-bar.js';
import { MeetingSession, type MeetingConnection, type MeetingSessionOptions } from './meeting-session.js';
import { meetingStanding, type MeetingStanding } from './meeting-standing.js';
import { meetingStoreFor, type MeetingStore } from './meeting-store.js';
import type { MeetingWorkspace } from './meeting-workspace.js';
import './meeting-workspace.js';
import type { MinutesEditor, RaiseActionRequest } from './minutes-editor.js';
import { minutesStageBanner, minutesStageBannerStyles } from './minutes-stage-banner.js';
import './raise-action-panel.js';
import { RaisedActionLines } from './raised-action-line.js';
import './meeting-shortcuts.js';

/**
 * The live meeting workspace page: loads the meeting, opens its live document
 * and the body's action log, and lays out the run bar, the notices and the
 * workspace. Only this page opens the documents; the elements get a store.
 */
@customElement('meeting-page')
export class MeetingPage extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    minutesStageBannerStyles,
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

  /** The meeting as the server last told it (after a start or close, newer than the load's). */
  @state() private _meeting: MeetingResponse | null = null;
  /** The item an action is being raised under, and the words it starts from. */
  @state() private _raising: RaiseActionRequest | null = null;
  @state() private _selectedItemId: string | null = null;
  @state() private _actionError = '';

  @query('meeting-run-bar') private _runBar!: MeetingRunBar | null;
  @query('meeting-workspace') private _workspace!: MeetingWorkspace | null;

  private readonly _sessions = new LiveSessionHolder<MeetingConnection>(this);
  private readonly _actionLogs = new MeetingActionLog(this, (docName) => this.openActionLogSession({ docName, userId: this.user?.id ?? 0 }));
  private readonly _raisedLines = new RaisedActionLines();

  private readonly _load = new Task(this, {
    task: async ([meetingId]): Promise<Loaded> => {
      this._closeSessions();
      return loadMeeting(this, meetingId);
    },
    args: () => [this.meetingId] as const,
    onComplete: (load) => this._onLoaded(load),
    onError: () => this.dispatchEvent(pageTitleEvent(LOAD_FAILED_TITLE)),
  });

  private get _session(): MeetingConnection | null {
    return this._sessions.current;
  }

  private get _store(): MeetingStore | null {
    return this._session ? meetingStoreFor(this._session.doc) : null;
  }

  /** The body's action log and the live connection to it, when both are there. */
  private get _actionLog() {
    return this._actionLogs.current;
  }

  constructor() {
    super();
    new MeetingController(this, { store: () => this._store });
    this.addEventListener('keydown', this._onKeyDown);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this._raisedLines.dispose();
  }

  override render() {
    return this._load.render({
      initial: renderMeetingLoading,
      pending: renderMeetingLoading,
      error: (error) => renderMeetingLoadFailed(error, () => this._load.run()),
      complete: (load) => {
        if (load.state === 'not-found') return renderMeetingNotFound();
        if (load.state === 'forbidden') return renderMeetingForbidden(load.message);
        return this._renderMeeting(this._meeting ?? load.meeting, load.members);
      },
    });
  }

  private _standing(response: MeetingResponse): MeetingStanding {
    const store = this._store;
    return meetingStanding(response, store?.loaded ? store.snapshot : null, this._session?.state === 'refused');
  }

  private _renderMeeting(response: MeetingResponse, members: BodyMember[]) {
    const { meeting, body } = response;
    const session = this._session;
    const { status, stage, phase, readonly } = this._standing(response);
    const mayRaise = this._actionLogs.mayRaise(readonly);
    const shown = this._workspace?.shownItem;
    return html`<p class="caption"><a href=${bodyPath(body.id)}>${body.name}</a></p>
      <h1 tabindex="-1">${meeting.title}</h1>
      <meeting-facts .meeting=${meeting} .status=${status}></meeting-facts>
      <meeting-run-bar
        .meeting=${meeting}
        .status=${status}
        .session=${session}
        .connectionState=${session?.state ?? null}
        .store=${this._store}
        ?can-run=${mayStartOrCloseMeeting(body.myRole)}
        ?minuting=${phase === 'minuting'}
        @meeting-changed=${this._onMeetingChanged}
      ></meeting-run-bar>
      ${this._actionError ? html`<div class="error-panel" role="alert"><p>${this._actionError}</p></div>` : nothing}
      ${minutesStageBanner(meeting.id, status, stage)}
      <meeting-notices
        .session=${session}
        .connectionNews=${session ? `${session.state} ${session.refusedChange ?? ''}` : null}
        .status=${status}
        ?readonly=${readonly && phase !== 'minuting'}
      ></meeting-notices>
      ${session
        ? html`<meeting-workspace
            .store=${this._store}
            .awareness=${session.awareness}
            .user=${this.user}
            .members=${members}
            .myRole=${body.myRole}
            .status=${status}
            .phase=${phase}
            .selectedItemId=${this._selectedItemId}
            ?readonly=${readonly}
            ?can-raise-actions=${mayRaise}
            @item-selected=${this._onItemSelected}
            @raise-action-requested=${this._onRaiseActionRequested}
            @run-bar-requested=${this._onRunBarRequested}
          >
            ${this._raising && mayRaise && this._raising.itemId === shown?.id ? this._renderRaiseForm(shown.title) : nothing}
            ${shown && ACTION_REVIEW_ITEM.test(shown.title) ? this._renderActionReview(body.id) : nothing}
          </meeting-workspace>`
        : nothing}
      <meeting-shortcuts></meeting-shortcuts>`;
  }

  private _renderRaiseForm(itemTitle: string) {
    return renderRaiseActionForm({
      actionLog: this._actionLog!,
      raising: this._raising!,
      itemTitle,
      meetingId: this.meetingId,
      onActionRaised: this._onActionRaised,
      onCancelled: this._onRaiseCancelled,
    });
  }

  private _renderActionReview(bodyId: number) {
    const actionLog = this._actionLog;
    if (!actionLog) return nothing;
    const readonly = this._meeting !== null && this._standing(this._meeting).status === 'closed';
    return renderActionReview({ actionLog, bodyId, role: this._meeting?.body.myRole ?? null, userId: this.user?.id ?? 0, readonly });
  }

  private async _onRaiseActionRequested(event: CustomEvent<RaiseActionRequest>) {
    this._raising = event.detail;
    await this.updateComplete;
    await this.renderRoot.querySelector<NewActionForm>('new-action-form')?.focusTitle();
  }

  private _onActionRaised(event: CustomEvent<ActionAdded>) {
    const raising = this._raising;
    const store = this._store;
    const actionLog = this._actionLog;
    this._raising = null;
    if (raising && store && actionLog) {
      try {
        this._raisedLines.record(store, ActionLogStore.of(actionLog.session.doc), raising, event.detail);
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
    const workspace = this._workspace;
    await workspace?.updateComplete;
    await workspace?.renderRoot.querySelector<MinutesEditor>('minutes-editor')?.focusMinutes();
  }

  private _onItemSelected(event: CustomEvent<string>) {
    this._selectedItemId = event.detail;
  }

  private _onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyR') {
      event.preventDefault();
      void this._runBar?.focusControls();
    }
  };

  private _onRunBarRequested() {
    void this._runBar?.focusControls();
  }

  private _onMeetingChanged(event: CustomEvent<MeetingResponse>) {
    this._meeting = event.detail;
  }

  private _closeSessions() {
    this._sessions.close();
    this._actionLogs.close();
    this._raisedLines.dispose();
    this._meeting = null;
    this._raising = null;
    this._selectedItemId = null;
  }

  private _onLoaded(load: Loaded) {
    if (load.state === 'loaded') {
      this._meeting = load.meeting;
      const { docName } = load.meeting;
      this._sessions.open(() => this.openSession({ docName, userId: this.user?.id ?? 0 }));
      void this._actionLogs.open(load.meeting.body.id);
    }
    this.dispatchEvent(pageTitleEvent(load.state === 'loaded' ? load.meeting.meeting.title : UNLOADED_TITLES[load.state]));
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
