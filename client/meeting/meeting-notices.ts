import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import { connectionStyles, refusalNotices, type LiveConnection } from '../live/index.js';
import { formStyles } from '../shell/form-styles.js';
import { baseStyles } from '../shell/styles.js';

/**
 * What a person needs to know before working in the meeting: that the server
 * refused the connection or their last change, and why they can only read.
 */
@customElement('meeting-notices')
export class MeetingNotices extends LitElement {
  static override styles = [
    baseStyles,
    formStyles,
    connectionStyles,
    css`
      :host {
        display: block;
      }
    `,
  ];

  /** The live connection, whose refusals are shown. */
  @property({ attribute: false }) session: LiveConnection | null = null;

  /** The connection's state and last refused change: the session object stays the same as they change. */
  @property({ attribute: false }) connectionNews: string | null = null;

  /** Where the meeting has got to. */
  @property({ attribute: false }) status: MeetingStatus = 'scheduled';

  /** The person can only read the meeting. */
  @property({ type: Boolean }) readonly = false;

  @state() private _dismissedRefusedChange: string | null = null;

  override render() {
    return html`${refusalNotices({
      session: this.session,
      noun: 'meeting',
      dismissedRefusedChange: this._dismissedRefusedChange,
      onDismiss: () => this._onDismiss(),
    })}
    ${this.readonly
      ? html`<div class="notice" role="note">
          ${this.status === 'closed'
            ? html`<p><strong>This meeting is closed.</strong></p>
                <p>The minutes, decisions and attendance can be read but no longer changed.</p>`
            : html`<p><strong>You are observing: read only.</strong></p>
                <p>
                  ${this.status === 'scheduled'
                    ? 'The chair, vice-chair and secretariat prepare the agenda; members can edit once the meeting is live.'
                    : 'Observers can follow the meeting but not change it.'}
                </p>`}
        </div>`
      : nothing}`;
  }

  private _onDismiss() {
    this._dismissedRefusedChange = this.session?.refusedChange ?? null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'meeting-notices': MeetingNotices;
  }
}
