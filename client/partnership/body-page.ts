import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BodyDetailResponse, BodySummary, MeetingSummary } from '../../shared/api.js';
import { BODY_KIND_LABELS, CADENCE_LABELS, TIER_LABELS } from '../../shared/bodies.js';
import { formatDateTime } from '../../shared/dates.js';
import { meetingListTitle } from '../../shared/meeting-schedule.js';
import { MEETING_STATUS_LABELS } from '../../shared/meetings.js';
import { mayScheduleMeeting } from '../../shared/permissions.js';
import { ROLE_LABELS } from '../../shared/roles.js';
import { getBodies, getBody } from '../shell/api.js';
import { isLoading, loadFailedPanel, loadingStatus, loadTitledPage } from '../shell/page-load.js';
import { actionLogPath, bodyPath, escalationsPath, MAP_PATH, meetingPath, minutesArchivePath, prioritiesPath } from '../shell/routes.js';
import { statusTagStyles } from '../shell/status-tag-styles.js';
import { baseStyles } from '../shell/styles.js';
import './body-members.js';
import './schedule-meeting-form.js';

/** `waiting`: escalations the body has yet to answer. */
type Loaded = { found: true; detail: BodyDetailResponse; bodies: BodySummary[]; waiting: number } | { found: false };

/** A body's page: what it is, where it escalates to, and (for those allowed) its members and meetings. */
@customElement('body-page')
export class BodyPage extends LitElement {
  static override styles = [
    baseStyles,
    statusTagStyles,
    css`
      :host {
        display: block;
        max-width: 48rem;
      }
      .caption {
        color: var(--q-secondary-text);
        font-size: 1.125rem;
        margin: 0 0 0.25rem;
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 0.375rem;
        padding: 0.125rem 0.5rem;
        border: 2px solid currentColor;
        font-weight: 700;
        font-size: 0.875rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .badge.confidential {
        color: #6d2b00;
        background: #fcd6c3;
      }
      .summary {
        display: grid;
        grid-template-columns: minmax(8rem, max-content) 1fr;
        gap: 0;
        margin: 1.5rem 0;
        border-top: 1px solid var(--q-border);
      }
      .summary dt,
      .summary dd {
        margin: 0;
        padding: 0.625rem 1rem 0.625rem 0;
        border-bottom: 1px solid var(--q-border);
      }
      .summary dt {
        font-weight: 700;
      }
      @media (max-width: 30rem) {
        .summary {
          grid-template-columns: 1fr;
        }
        .summary dt {
          border-bottom: 0;
          padding-bottom: 0;
        }
      }
      .notice {
        border-left: 6px solid var(--q-brand);
        background: var(--q-muted-background);
        padding: 1rem 1.25rem;
        font-size: 1.125rem;
      }
      ul.plain {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .body-links {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        margin: 0 0 1rem;
        font-weight: 600;
      }
      .meetings li {
        padding: 0.75rem 0;
        border-bottom: 1px solid var(--q-border);
      }
      .meeting-title {
        display: block;
        font-weight: 700;
      }
      .meeting-meta {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1rem;
        color: var(--q-secondary-text);
      }
      .meeting-meta time {
        color: var(--q-text);
      }
      .status-tag.live {
        color: #fff;
        background: var(--q-success);
      }
    `,
  ];

  /** The id of the body to show. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  private readonly _body = new Task(this, {
    task: ([bodyId], { signal }) =>
      loadTitledPage<Loaded>(this, signal, {
        load: async () => {
          const [detail, { bodies, waitingEscalations }] = await Promise.all([getBody(bodyId), getBodies()]);
          const waiting = waitingEscalations.find((each) => each.bodyId === bodyId)?.count ?? 0;
          return { found: true, detail, bodies, waiting };
        },
        notFound: { found: false },
        heading: (loaded) => (loaded.found ? loaded.detail.body.name : NOT_FOUND_HEADING),
        failedHeading: FAILED_HEADING,
      }),
    args: () => [this.bodyId] as const,
  });

  override render() {
    const loaded = this._body.status === TaskStatus.COMPLETE ? this._body.value : undefined;
    const body = loaded?.found ? loaded.detail.body : undefined;
    const busy = isLoading(this._body);
    // One heading across every state, so focus moved to it on arrival stays there once the body loads.
    return html`
      ${body ? html`<p class="caption">${BODY_KIND_LABELS[body.kind]}</p>` : nothing}
      <h1 tabindex="-1">${this._heading()}</h1>
      <div aria-busy=${busy ? 'true' : 'false'}>
        ${this._body.render({
          initial: () => loadingStatus,
          pending: () => loadingStatus,
          error: (error) => loadFailedPanel(error, () => this._onRetryClick()),
          complete: (result) =>
            result.found
              ? this._renderBody(result.detail, result.bodies, result.waiting)
              : html`<p>There is no body at this address. It may have been removed, or the link may be wrong.</p>
                  <p><a href=${MAP_PATH}>Go to the partnership map</a></p>`,
        })}
      </div>
    `;
  }

  private _heading(): string {
    switch (this._body.status) {
      case TaskStatus.COMPLETE:
        return this._body.value?.found ? this._body.value.detail.body.name : NOT_FOUND_HEADING;
      case TaskStatus.ERROR:
        return FAILED_HEADING;
      default:
        return 'Loading body…';
    }
  }

  private _renderBody(detail: BodyDetailResponse, bodies: BodySummary[], waiting: number) {
    const { body } = detail;
    return html`
      ${body.confidential
        ? html`<p><span class="badge confidential">Confidential</span></p>`
        : nothing}
      ${body.description ? html`<p>${body.description}</p>` : nothing}
      ${this._renderSummary(body, bodies)}
      ${detail.access === 'full'
        ? html`<ul class="plain body-links" aria-label="${body.shortName}’s work">
              <li><a href=${actionLogPath(body.id)}>${body.shortName} action log</a></li>
              <li>
                <a href=${escalationsPath(body.id)}>${body.shortName} escalations</a>${waiting > 0 ? ` (${waiting} awaiting an answer)` : ''}
              </li>
              <li><a href=${prioritiesPath(body.id)}>${body.shortName} priorities</a></li>
              <li><a href=${minutesArchivePath(body.id)}>${body.shortName} minutes archive</a></li>
            </ul>
          <body-members .members=${detail.members}></body-members> ${this._renderMeetings(detail.meetings)}
          ${mayScheduleMeeting(body.myRole) ? html`<schedule-meeting-form body-id=${body.id}></schedule-meeting-form>` : nothing}`
        : html`<p class="notice" role="note">
            This is a confidential body. Only its members can see its members and meetings.
          </p>`}
    `;
  }

  private _renderSummary(body: BodySummary, bodies: BodySummary[]) {
    const parent = body.parentId === null ? undefined : bodies.find((candidate) => candidate.id === body.parentId);
    const reporting = bodies.filter((candidate) => candidate.parentId === body.id);
    return html`<dl class="summary">
      <dt>Type</dt>
      <dd>${BODY_KIND_LABELS[body.kind]}</dd>
      <dt>Tier</dt>
      <dd>${body.tier}${TIER_LABELS[body.tier] ? ` – ${TIER_LABELS[body.tier]}` : ''}</dd>
      <dt>Meets</dt>
      <dd>${CADENCE_LABELS[body.cadence]}</dd>
      <dt>Escalates to</dt>
      <dd>
        ${parent
          ? html`<a href=${bodyPath(parent.id)}>${parent.name}</a>`
          : body.parentId === null
            ? 'None: this is the top of the structure'
            : 'A body you cannot see'}
      </dd>
      ${reporting.length > 0
        ? html`<dt>Escalations from</dt>
            <dd>
              <ul class="plain">
                ${reporting.map((child) => html`<li><a href=${bodyPath(child.id)}>${child.name}</a></li>`)}
              </ul>
            </dd>`
        : nothing}
      <dt>Your role</dt>
      <dd>${body.myRole ? ROLE_LABELS[body.myRole] : 'You are not a member'}</dd>
    </dl>`;
  }

  private _renderMeetings(meetings: MeetingSummary[]) {
    const now = Date.now();
    const isUpcoming = (meeting: MeetingSummary) =>
      meeting.status === 'live' || (meeting.status === 'scheduled' && Date.parse(meeting.startsAt) >= now);
    const byStart = (a: MeetingSummary, b: MeetingSummary) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
    const upcoming = meetings.filter(isUpcoming).sort(byStart);
    const past = meetings.filter((meeting) => !isUpcoming(meeting)).sort((a, b) => byStart(b, a));
    return html`<section aria-labelledby="upcoming-heading">
        <h2 id="upcoming-heading">Upcoming meetings</h2>
        ${this._renderMeetingList(upcoming, 'No meetings are scheduled.')}
      </section>
      <section aria-labelledby="past-heading">
        <h2 id="past-heading">Past meetings</h2>
        ${this._renderMeetingList(past, 'No meetings have been held yet.')}
      </section>`;
  }

  private _renderMeetingList(meetings: MeetingSummary[], emptyMessage: string) {
    if (meetings.length === 0) return html`<p>${emptyMessage}</p>`;
    return html`<ul class="plain meetings">
      ${meetings.map(
        (meeting) => html`<li>
          <a class="meeting-title" href=${meetingPath(meeting.id)}>${meetingListTitle(meeting)}</a>
          <span class="meeting-meta">
            <time datetime=${meeting.startsAt}>${formatDateTime(meeting.startsAt)}</time>
            ${meeting.location ? html`<span>${meeting.location}</span>` : nothing}
            <span class="status-tag ${meeting.status}">${MEETING_STATUS_LABELS[meeting.status]}</span>
          </span>
        </li>`,
      )}
    </ul>`;
  }

  private _onRetryClick() {
    void this._body.run();
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

const NOT_FOUND_HEADING = 'Body not found';
const FAILED_HEADING = 'Sorry, this body could not be loaded';


declare global {
  interface HTMLElementTagNameMap {
    'body-page': BodyPage;
  }
}
