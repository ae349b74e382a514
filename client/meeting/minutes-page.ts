import { Task } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BodyMember, CurrentUser, MeetingResponse } from '../../shared/api.js';
import { ApiError, getBody, getMeeting } from '../shell/api.js';
import { explainApiError } from '../shell/api-errors.js';
import { pageTitleEvent } from '../shell/events.js';
import { LiveSessionHolder } from '../live/index.js';
import { MeetingController } from './meeting-controller.js';
import { meetingStoreFor } from './meeting-store.js';
import { MeetingSession, type MeetingConnection, type MeetingSessionOptions } from './meeting-session.js';
import { MAP_PATH, meetingPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import type { PrintableMinutes } from './printable-minutes.js';
import './printable-minutes.js';

type Loaded = { state: 'loaded'; meeting: MeetingResponse; members: BodyMember[] } | { state: 'not-found' };

/**
 * A meeting's minutes on their own, ready to print: the live document read
 * (never edited) through the same session as the workspace, so what prints
 * is what the meeting wrote, up to the moment.
 */
@customElement('minutes-page')
export class MinutesPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem 1.5rem;
        margin: 0 0 1.5rem;
      }
      @media print {
        .toolbar {
          display: none;
        }
      }
    `,
  ];

  /** The id of the meeting whose minutes to show. */
  @property({ type: Number, attribute: 'meeting-id' }) meetingId = 0;

  /** The signed-in user, whose local copy of the meeting is read. */
  @property({ attribute: false }) user: CurrentUser | null = null;

  /** Opens the live document; tests replace it to hand the page a document without a server. */
  @property({ attribute: false }) openSession: (options: MeetingSessionOptions) => MeetingConnection = (options) =>
    new MeetingSession(options);

  private readonly _sessions = new LiveSessionHolder<MeetingConnection>(this);

  private get _session(): MeetingConnection | null {
    return this._sessions.current;
  }

  private readonly _load = new Task(this, {
    task: async ([meetingId]): Promise<Loaded> => {
      this._sessions.close();
      try {
        const meeting = await getMeeting(meetingId);
        if (meeting.access === 'none') throw new Error(`Only members of ${meeting.body.name} can read its minutes.`);
        const detail = await getBody(meeting.body.id);
        return { state: 'loaded', meeting, members: detail.access === 'full' ? detail.members : [] };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return { state: 'not-found' };
        throw new Error(explainApiError(this, error));
      }
    },
    args: () => [this.meetingId] as const,
    onComplete: (load) => this._onLoaded(load),
    onError: () => this.dispatchEvent(pageTitleEvent('Minutes')),
  });

  constructor() {
    super();
    new MeetingController(this, { store: () => (this._session ? meetingStoreFor(this._session.doc) : null) });
  }

  override render() {
    return this._load.render({
      initial: () => this._renderLoading(),
      pending: () => this._renderLoading(),
      error: (error) => html`<h1 tabindex="-1">Sorry, these minutes could not be loaded</h1>
        <div class="error-panel" role="alert"><p>${(error as Error).message}</p></div>
        <p><a href=${meetingPath(this.meetingId)}>Back to the meeting</a></p>`,
      complete: (load) =>
        load.state === 'not-found'
          ? html`<h1 tabindex="-1">Meeting not found</h1>
              <p>There is no meeting at this address. It may have been removed, or the link may be wrong.</p>
              <p><a href=${MAP_PATH}>Go to the partnership map</a></p>`
          : this._renderMinutes(load.meeting, load.members),
    });
  }

  private _renderLoading() {
    return html`<h1 tabindex="-1">Loading minutes…</h1>
      <p class="status" role="status" aria-busy="true">Loading…</p>`;
  }

  private _renderMinutes(meeting: MeetingResponse, members: BodyMember[]) {
    const session = this._session;
    const refusal = session?.state === 'refused' ? session.refusal : null;
    // An empty document until the first sync would print as minutes of nothing.
    const store = session ? meetingStoreFor(session.doc) : null;
    const ready = store !== null && store.loaded;
    return html`<div class="toolbar">
        <a href=${meetingPath(meeting.meeting.id)}>Back to the meeting</a>
        <button type="button" ?disabled=${!ready} @click=${this._onPrintClick}>Print</button>
      </div>
      ${refusal ? html`<div class="error-panel" role="alert"><p>${refusal.message}</p></div>` : nothing}
      ${ready
        ? html`<printable-minutes .store=${store} .meeting=${meeting} .members=${members}></printable-minutes>`
        : html`<h1 tabindex="-1">Minutes of the ${meeting.body.name} meeting</h1>
            ${refusal ? nothing : html`<p class="status" role="status">Loading the minutes…</p>`}`}`;
  }

  private _onPrintClick() {
    window.print();
  }

  private _onLoaded(load: Loaded) {
    if (load.state === 'loaded') {
      const { docName } = load.meeting;
      this._sessions.open(() => {
        const session = this.openSession({ docName, userId: this.user?.id ?? 0 });
        // Reading the minutes is not being in the meeting: stay out of its "Who is here".
        session.awareness.setLocalState(null);
        return session;
      });
    }
    this.dispatchEvent(pageTitleEvent(load.state === 'loaded' ? `Minutes of ${load.meeting.meeting.title}` : 'Meeting not found'));
  }

  /** Moves focus to the page heading, for after a route change. */
  async focusHeading() {
    const minutes = this.renderRoot.querySelector<PrintableMinutes>('printable-minutes');
    if (minutes) {
      await minutes.updateComplete;
      minutes.focusHeading();
    } else {
      this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'minutes-page': MinutesPage;
  }
}
