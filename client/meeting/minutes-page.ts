import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BodyMember, CurrentUser, MeetingResponse } from '../../shared/api.js';
import { metaOf } from '../../shared/meeting-doc.js';
import { ApiError, getBody, getMeeting } from '../shell/api.js';
import { pageTitleEvent, sessionExpiredEvent } from '../shell/events.js';
import { LiveSessionHolder } from '../live/index.js';
import { MeetingController } from './meeting-controller.js';
import { MeetingSession, type MeetingConnection, type MeetingSessionOptions } from './meeting-session.js';
import { meetingPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import type { PrintableMinutes } from './printable-minutes.js';
import './printable-minutes.js';

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; meeting: MeetingResponse; members: BodyMember[] }
  | { state: 'not-found' }
  | { state: 'failed'; message: string };

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

  @state() private _load: Load = { state: 'loading' };

  private readonly _sessions = new LiveSessionHolder<MeetingConnection>(this);
  private _latestRequest = 0;

  private get _session(): MeetingConnection | null {
    return this._sessions.current;
  }

  constructor() {
    super();
    new MeetingController(this, { doc: () => this._session?.doc });
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('meetingId')) void this._fetchMeeting();
  }

  override render() {
    const load = this._load;
    switch (load.state) {
      case 'loading':
        return html`<h1 tabindex="-1">Loading minutes…</h1>
          <p class="status" role="status" aria-busy="true">Loading…</p>`;
      case 'not-found':
        return html`<h1 tabindex="-1">Meeting not found</h1>
          <p>There is no meeting at this address. It may have been removed, or the link may be wrong.</p>
          <p><a href="/">Go to the partnership map</a></p>`;
      case 'failed':
        return html`<h1 tabindex="-1">Sorry, these minutes could not be loaded</h1>
          <div class="error-panel" role="alert"><p>${load.message}</p></div>
          <p><a href=${meetingPath(this.meetingId)}>Back to the meeting</a></p>`;
      case 'loaded':
        return this._renderMinutes(load.meeting, load.members);
    }
  }

  private _renderMinutes(meeting: MeetingResponse, members: BodyMember[]) {
    const session = this._session;
    const refusal = session?.state === 'refused' ? session.refusal : null;
    // An empty document until the first sync would print as minutes of nothing.
    const ready = session !== null && metaOf(session.doc).has('status');
    return html`<div class="toolbar">
        <a href=${meetingPath(meeting.meeting.id)}>Back to the meeting</a>
        <button type="button" ?disabled=${!ready} @click=${this._onPrintClick}>Print</button>
      </div>
      ${refusal ? html`<div class="error-panel" role="alert"><p>${refusal.message}</p></div>` : nothing}
      ${ready
        ? html`<printable-minutes .doc=${session.doc} .meeting=${meeting} .members=${members}></printable-minutes>`
        : html`<h1 tabindex="-1">Minutes of the ${meeting.body.name} meeting</h1>
            ${refusal ? nothing : html`<p class="status" role="status">Loading the minutes…</p>`}`}`;
  }

  private _onPrintClick() {
    window.print();
  }

  private async _fetchMeeting() {
    const request = ++this._latestRequest;
    this._sessions.close();
    this._load = { state: 'loading' };
    let load: Load;
    try {
      const meeting = await getMeeting(this.meetingId);
      const detail = await getBody(meeting.body.id);
      load =
        meeting.access === 'none'
          ? { state: 'failed', message: `Only members of ${meeting.body.name} can read its minutes.` }
          : { state: 'loaded', meeting, members: detail.access === 'full' ? detail.members : [] };
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        load = { state: 'not-found' };
      } else {
        if (error instanceof ApiError && error.status === 401) this.dispatchEvent(sessionExpiredEvent());
        load = { state: 'failed', message: error instanceof ApiError ? error.message : String(error) };
      }
    }
    if (request !== this._latestRequest) return;
    this._load = load;
    if (load.state === 'loaded') {
      const { docName } = load.meeting;
      this._sessions.open(() => {
        const session = this.openSession({ docName, userId: this.user?.id ?? 0 });
        // Reading the minutes is not being in the meeting: stay out of its "Who is here".
        session.awareness.setLocalState(null);
        return session;
      });
    }
    this.dispatchEvent(
      pageTitleEvent(load.state === 'loaded' ? `Minutes of ${load.meeting.meeting.title}` : load.state === 'not-found' ? 'Meeting not found' : 'Minutes'),
    );
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
