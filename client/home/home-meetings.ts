import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { HomeMeeting } from '../../shared/api.js';
import { formatDateTime } from '../../shared/dates.js';
import { meetingListTitle } from '../../shared/meeting-schedule.js';
import { meetingPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { homeListStyles } from './home-styles.js';

/** Meetings of my bodies that are live now (with a Join button) and the next ones scheduled. */
@customElement('home-meetings')
export class HomeMeetings extends LitElement {
  static override styles = [
    baseStyles,
    homeListStyles,
    css`
      :host {
        display: block;
      }
      .live {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem 1rem;
      }
      a.join {
        display: inline-block;
        min-height: 2.75rem;
        padding: 0.5rem 1.25rem;
        background: var(--q-success);
        box-shadow: 0 2px 0 #002d18;
        color: #fff;
        font-weight: 600;
        text-decoration: none;
      }
    `,
  ];

  /** Meetings going on now. */
  @property({ attribute: false }) live: HomeMeeting[] = [];

  /** The next scheduled meetings, soonest first. */
  @property({ attribute: false }) next: HomeMeeting[] = [];

  override render() {
    return html`<section aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">Your meetings</h2>
      ${this.live.length > 0
        ? html`<h3>Live now</h3>
            <ul class="plain live-meetings">
              ${this.live.map(
                (meeting) => html`<li class="live">
                  <span>
                    <span class="title">${meetingListTitle(meeting)}</span>
                    <span class="meta"><span>${meeting.bodyName}</span> ${this._renderWhere(meeting)}</span>
                  </span>
                  <a class="join" href=${meetingPath(meeting.id)}
                    >Join<span class="visually-hidden"> ${meetingListTitle(meeting)}</span></a
                  >
                </li>`,
              )}
            </ul>`
        : nothing}
      <h3>Next</h3>
      ${this.next.length === 0
        ? html`<p>None of your bodies has a meeting scheduled.</p>`
        : html`<ul class="plain next-meetings">
            ${this.next.map(
              (meeting) => html`<li>
                <a class="title" href=${meetingPath(meeting.id)}>${meetingListTitle(meeting)}</a>
                <span class="meta">
                  <time datetime=${meeting.startsAt}>${formatDateTime(meeting.startsAt)}</time>
                  <span>${meeting.bodyName}</span> ${this._renderWhere(meeting)}
                </span>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private _renderWhere(meeting: HomeMeeting) {
    return meeting.location ? html`<span>${meeting.location}</span>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'home-meetings': HomeMeetings;
  }
}
