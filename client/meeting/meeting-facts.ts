import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { MeetingResponse } from '../../shared/api.js';
import { formatDateTime } from '../../shared/dates.js';
import { MEETING_STATUS_LABELS, type MeetingStatus } from '../../shared/meetings.js';
import { baseStyles } from '../shell/styles.js';

/** When and where a meeting is, and where it has got to, under its title. */
@customElement('meeting-facts')
export class MeetingFacts extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
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
    `,
  ];

  /** The meeting. */
  @property({ attribute: false }) meeting: MeetingResponse['meeting'] | null = null;

  /** Where the meeting has got to (the live document may be ahead of `meeting`). */
  @property({ attribute: false }) status: MeetingStatus = 'scheduled';

  override render() {
    const meeting = this.meeting;
    if (!meeting) return nothing;
    return html`<dl class="facts">
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
        <dd><span class="status-tag ${this.status}">${MEETING_STATUS_LABELS[this.status]}</span></dd>
      </div>
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'meeting-facts': MeetingFacts;
  }
}
