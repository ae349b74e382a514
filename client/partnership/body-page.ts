import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BodyDetailResponse, BodyMember, BodySummary, MeetingSummary } from '../../shared/api.js';
import { BODY_KIND_LABELS, CADENCE_LABELS, TIER_LABELS } from '../../shared/bodies.js';
import { formatDateTime } from '../../shared/dates.js';
import { MEETING_STATUS_LABELS } from '../../shared/meetings.js';
import { LIMITS } from '../../shared/limits.js';
import { mayScheduleMeeting } from '../../shared/permissions.js';
import { ROLE_LABELS, compareRoles } from '../../shared/roles.js';
import { createMeetingRequest } from '../../shared/schemas.js';
import { ApiError, getBodies, getBody, scheduleMeeting } from '../shell/api.js';
import { navigateEvent, pageTitleEvent, sessionExpiredEvent } from '../shell/events.js';
import { actionLogPath, bodyPath, meetingPath } from '../shell/routes.js';
import { londonDateTimeToIso } from '../shell/wall-clock.js';
import { baseStyles } from '../shell/styles.js';

type ScheduleField = 'date' | 'time' | 'location' | 'title';
const SCHEDULE_FIELDS: readonly ScheduleField[] = ['date', 'time', 'location', 'title'];

type Load =
  | { state: 'loading' }
  | { state: 'loaded'; detail: BodyDetailResponse; bodies: BodySummary[] }
  | { state: 'not-found' }
  | { state: 'failed'; message: string };

/** A body's page: what it is, where it escalates to, and (for those allowed) its members and meetings. */
@customElement('body-page')
export class BodyPage extends LitElement {
  static override styles = [
    baseStyles,
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
      .agency-count {
        color: var(--q-secondary-text);
      }
      ul.plain {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .members li {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 0 1rem;
        padding: 0.375rem 0;
        border-bottom: 1px solid var(--q-border);
      }
      .role {
        color: var(--q-secondary-text);
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
      .status-tag {
        display: inline-block;
        padding: 0 0.375rem;
        font-size: 0.875rem;
        font-weight: 700;
        color: var(--q-text);
        background: var(--q-muted-background);
      }
      .status-tag.live {
        color: #fff;
        background: var(--q-success);
      }
      form.schedule {
        margin-top: 1rem;
        padding: 1rem 1.25rem;
        background: var(--q-muted-background);
      }
      form.schedule h3 {
        margin-top: 0;
      }
      .field {
        margin: 0 0 1rem;
      }
      .field.invalid {
        border-left: 4px solid var(--q-error);
        padding-left: 0.75rem;
      }
      .when {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      .hint {
        display: block;
        color: var(--q-secondary-text);
        margin-bottom: 0.25rem;
      }
      .field-error {
        display: block;
        color: var(--q-error);
        font-weight: 600;
        margin-bottom: 0.25rem;
      }
      form.schedule input {
        font: inherit;
        width: 100%;
        min-height: 2.75rem;
        padding: 0.375rem 0.5rem;
        border: 2px solid var(--q-text);
        border-radius: 0;
        background: #fff;
      }
      form.schedule input[type='date'],
      form.schedule input[type='time'] {
        width: auto;
      }
      form.schedule input[aria-invalid='true'] {
        border-color: var(--q-error);
        border-width: 3px;
      }
    `,
  ];

  /** The id of the body to show. */
  @property({ type: Number, attribute: 'body-id' }) bodyId = 0;

  @state() private _load: Load = { state: 'loading' };
  @state() private _scheduleErrors: Partial<Record<ScheduleField, string>> = {};
  @state() private _scheduleError = '';
  @state() private _scheduling = false;

  /** Ignores answers to requests for a body the page has since moved away from. */
  private _latestRequest = 0;

  override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('bodyId')) void this._fetchBody();
  }

  override render() {
    const load = this._load;
    const body = load.state === 'loaded' ? load.detail.body : undefined;
    return html`
      ${body ? html`<p class="caption">${BODY_KIND_LABELS[body.kind]}</p>` : nothing}
      <h1 tabindex="-1">${this._heading()}</h1>
      <div aria-busy=${load.state === 'loading' ? 'true' : 'false'}>${this._renderContent()}</div>
    `;
  }

  private _heading(): string {
    switch (this._load.state) {
      case 'loading':
        return 'Loading body…';
      case 'loaded':
        return this._load.detail.body.name;
      case 'not-found':
        return 'Body not found';
      case 'failed':
        return 'Sorry, this body could not be loaded';
    }
  }

  private _renderContent() {
    const load = this._load;
    switch (load.state) {
      case 'loading':
        return html`<p class="status" role="status">Loading…</p>`;
      case 'not-found':
        return html`<p>There is no body at this address. It may have been removed, or the link may be wrong.</p>
          <p><a href="/">Go to the partnership map</a></p>`;
      case 'failed':
        return html`<div class="error-panel" role="alert">
          <p>${load.message}</p>
          <p><button type="button" class="secondary" @click=${this._onRetryClick}>Try again</button></p>
        </div>`;
      case 'loaded':
        return this._renderBody(load.detail, load.bodies);
    }
  }

  private _renderBody(detail: BodyDetailResponse, bodies: BodySummary[]) {
    const { body } = detail;
    return html`
      ${body.confidential
        ? html`<p><span class="badge confidential">Confidential</span></p>`
        : nothing}
      ${body.description ? html`<p>${body.description}</p>` : nothing}
      ${this._renderSummary(body, bodies)}
      ${detail.access === 'full'
        ? html`<p class="action-log-link"><a href=${actionLogPath(body.id)}>${body.shortName} action log</a></p>
          ${this._renderMembers(detail.members)} ${this._renderMeetings(detail.meetings)}
          ${mayScheduleMeeting(body.myRole) ? this._renderScheduleForm() : nothing}`
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

  private _renderMembers(members: BodyMember[]) {
    const byAgency = new Map<string, BodyMember[]>();
    for (const member of members) {
      const list = byAgency.get(member.agency.name) ?? [];
      list.push(member);
      byAgency.set(member.agency.name, list);
    }
    const agencies = [...byAgency.keys()].sort((a, b) => a.localeCompare(b, 'en-GB'));
    return html`<section aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      ${members.length === 0
        ? html`<p>This body has no members yet.</p>`
        : html`<p class="agency-count">
              ${plural(members.length, 'member')} from ${plural(agencies.length, 'agency', 'agencies')}
            </p>
            ${agencies.map((agency) => {
              const agencyMembers = byAgency
                .get(agency)!
                .sort((a, b) => compareRoles(a.role, b.role) || a.name.localeCompare(b.name, 'en-GB'));
              return html`<h3>${agency}</h3>
                <ul class="plain members">
                  ${agencyMembers.map(
                    (member) =>
                      html`<li>
                        <span>${member.name}</span>
                        <span class="role">${ROLE_LABELS[member.role]}</span>
                      </li>`,
                  )}
                </ul>`;
            })}`}
    </section>`;
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
          <a class="meeting-title" href=${meetingPath(meeting.id)}>${meeting.title}</a>
          <span class="meeting-meta">
            <time datetime=${meeting.startsAt}>${formatDateTime(meeting.startsAt)}</time>
            ${meeting.location ? html`<span>${meeting.location}</span>` : nothing}
            <span class="status-tag ${meeting.status}">${MEETING_STATUS_LABELS[meeting.status]}</span>
          </span>
        </li>`,
      )}
    </ul>`;
  }

  private _renderScheduleForm() {
    const errors = this._scheduleErrors;
    const field = (name: ScheduleField, label: string, control: unknown, hint?: string) => html`<div
      class="field ${errors[name] ? 'invalid' : ''}"
    >
      <label for="schedule-${name}">${label}</label>
      ${hint ? html`<span class="hint" id="schedule-${name}-hint">${hint}</span>` : nothing}
      ${errors[name] ? html`<span class="field-error" id="schedule-${name}-error">${errors[name]}</span>` : nothing}
      ${control}
    </div>`;
    const described = (name: ScheduleField, hint = false) =>
      [hint ? `schedule-${name}-hint` : '', errors[name] ? `schedule-${name}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<section aria-labelledby="schedule-heading">
      <form class="schedule" novalidate @submit=${this._onScheduleSubmit}>
        <h3 id="schedule-heading">Schedule a meeting</h3>
        ${this._scheduleError ? html`<div class="error-panel" role="alert"><p>${this._scheduleError}</p></div>` : nothing}
        <div class="when">
          ${field(
            'date',
            'Date',
            html`<input id="schedule-date" name="date" type="date" required
              aria-invalid=${errors.date ? 'true' : 'false'} aria-describedby=${described('date')} />`,
          )}
          ${field(
            'time',
            'Start time',
            html`<input id="schedule-time" name="time" type="time" required value="10:00"
              aria-invalid=${errors.time ? 'true' : 'false'} aria-describedby=${described('time', true)} />`,
            'UK time',
          )}
        </div>
        ${field(
          'location',
          'Location',
          html`<input id="schedule-location" name="location" type="text" maxlength=${LIMITS.locationLength}
            aria-invalid=${errors.location ? 'true' : 'false'} aria-describedby=${described('location')} />`,
        )}
        ${field(
          'title',
          'Title (optional)',
          html`<input id="schedule-title" name="title" type="text" maxlength=${LIMITS.meetingTitleLength}
            aria-invalid=${errors.title ? 'true' : 'false'} aria-describedby=${described('title', true)} />`,
          'Leave blank to name it after the body and month',
        )}
        <button type="submit" ?disabled=${this._scheduling}>Schedule meeting</button>
      </form>
    </section>`;
  }

  private async _onScheduleSubmit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: ScheduleField) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const errors: Partial<Record<ScheduleField, string>> = {};
    if (!value('date')) errors.date = 'Enter the date of the meeting';
    if (!value('time')) errors.time = 'Enter the start time';
    const startsAt = value('date') && value('time') ? londonDateTimeToIso(value('date'), value('time')) : undefined;
    if (!errors.date && !errors.time && !startsAt) errors.date = 'Enter a real date and time';
    const title = value('title').trim();
    const parsed = createMeetingRequest.safeParse({
      startsAt: startsAt ?? '',
      location: value('location'),
      ...(title ? { title } : {}),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = issue.path[0];
        if ((name === 'location' || name === 'title') && !errors[name]) errors[name] = issue.message;
      }
    }
    this._scheduleErrors = errors;
    this._scheduleError = '';
    const firstInvalid = SCHEDULE_FIELDS.find((name) => errors[name]);
    if (firstInvalid || !parsed.success) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>(`#schedule-${firstInvalid ?? 'date'}`)?.focus();
      return;
    }
    this._scheduling = true;
    try {
      const created = await scheduleMeeting(this.bodyId, parsed.data);
      this.dispatchEvent(navigateEvent(meetingPath(created.meeting.id)));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.dispatchEvent(sessionExpiredEvent());
      this._scheduleError = error instanceof ApiError ? error.message : String(error);
    } finally {
      this._scheduling = false;
    }
  }

  private _onRetryClick() {
    void this._fetchBody();
  }

  private async _fetchBody() {
    const request = ++this._latestRequest;
    const bodyId = this.bodyId;
    this._load = { state: 'loading' };
    let load: Load;
    try {
      const [detail, { bodies }] = await Promise.all([getBody(bodyId), getBodies()]);
      load = { state: 'loaded', detail, bodies };
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
    this.dispatchEvent(pageTitleEvent(this._heading()));
  }

  /** Moves focus to the page heading, for after a route change. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'body-page': BodyPage;
  }
}
