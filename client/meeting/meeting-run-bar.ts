import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { MeetingResponse } from '../../shared/api.js';
import { formatDateTime } from '../../shared/dates.js';
import type { MeetingStatus } from '../../shared/meetings.js';
import { connectionStatus, connectionStyles, type LiveConnection } from '../live/index.js';
import { closeMeeting, startMeeting } from '../shell/api.js';
import { explainApiError } from '../shell/api-errors.js';
import { ClockController } from '../shell/clock-controller.js';
import type { ConfirmDialog } from '../shell/confirm-dialog.js';
import '../shell/confirm-dialog.js';
import { formStyles } from '../shell/form-styles.js';
import { minutesPath } from '../shell/routes.js';
import { baseStyles } from '../shell/styles.js';
import { itemTimer } from './item-timer.js';
import { MeetingController } from './meeting-controller.js';
import type { MeetingStore } from './meeting-store.js';

export const MEETING_CHANGED = 'meeting-changed';

/** Starting before this long ahead of the scheduled time asks first: it is usually the wrong meeting. */
const EARLY_START_MS = 24 * 60 * 60 * 1000;

/**
 * The bar across the top of a meeting: whether changes are shared live (or
 * that the meeting is closed and read only), the current item and its timer,
 * the printable minutes, and for the chair Start and Close, which fire
 * `meeting-changed` with the server's answer.
 */
@customElement('meeting-run-bar')
export class MeetingRunBar extends LitElement {
  static override styles = [
    connectionStyles,
    baseStyles,
    formStyles,
    css`
      :host {
        display: block;
      }
      section {
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
      h2 {
        margin: 0;
        font-size: 1rem;
      }
      .bar-actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75rem 1.5rem;
      }
      .current {
        margin: 0;
        font-variant-numeric: tabular-nums;
      }
      .over {
        color: var(--q-error);
        font-weight: 700;
      }
      .closed {
        font-weight: 700;
        margin: 0;
      }
    `,
  ];

  /** The meeting being run. */
  @property({ attribute: false }) meeting: MeetingResponse['meeting'] | null = null;

  /** Where the meeting has got to (the live document may be ahead of `meeting`). */
  @property({ attribute: false }) status: MeetingStatus = 'scheduled';

  /** The live connection, whose state the bar announces. */
  @property({ attribute: false }) session: LiveConnection | null = null;

  /** The connection's state: the session object stays the same as its state changes, so this tells the bar to say so. */
  @property({ attribute: false }) connectionState: LiveConnection['state'] | null = null;

  /** The meeting, as its store: the current item and timer come from it. */
  @property({ attribute: false }) store: MeetingStore | null = null;

  /** Chair or vice-chair: may start and close the meeting. */
  @property({ type: Boolean, attribute: 'can-run' }) canRun = false;

  /** Closed, with its minutes still being drafted or corrected live: the connection matters again. */
  @property({ type: Boolean }) minuting = false;

  /** A start or close is on its way to the server. */
  @state() private _pending = false;
  @state() private _error = '';

  @query('confirm-dialog') private _confirm!: ConfirmDialog;

  constructor() {
    super();
    new MeetingController(this, { store: () => this.store });
    new ClockController(this, () => this.store?.snapshot.timerStartedAt != null);
  }

  override render() {
    if (!this.meeting) return nothing;
    return html`<section aria-labelledby="run-bar-heading" tabindex="-1" aria-keyshortcuts="Alt+Shift+R">
        <h2 id="run-bar-heading" class="visually-hidden">Meeting controls</h2>
        ${this.status === 'closed' && !this.minuting
          ? html`<p class="closed connection" role="status">This meeting is closed: read only</p>`
          : connectionStatus(this.session)}
        ${this._renderCurrentItem()}
        <div class="bar-actions">
          <a href=${minutesPath(this.meeting.id)}>Printable minutes</a>
          ${this.canRun ? this._renderRunButton() : nothing}
        </div>
      </section>
      ${this._error ? html`<div class="error-panel" role="alert"><p>${this._error}</p></div>` : nothing}
      <confirm-dialog></confirm-dialog>`;
  }

  private _renderCurrentItem() {
    if (this.status !== 'live' || !this.store) return nothing;
    const { currentItemId, timerStartedAt } = this.store.snapshot;
    const item = currentItemId ? this.store.item(currentItemId) : undefined;
    if (!item) return html`<p class="current">No current item</p>`;
    const timer = timerStartedAt ? itemTimer(timerStartedAt, item.minutesAllotted) : null;
    return html`<p class="current">
      Current item: <strong>${item.title}</strong>${timer
        ? html`, ${timer.text}${timer.overrun ? html` <span class="over">(${timer.overrun} over time)</span>` : nothing}`
        : nothing}
    </p>`;
  }

  private _renderRunButton() {
    if (this.status === 'scheduled') {
      return html`<button type="button" class="run" ?disabled=${this._pending} @click=${this._onStartClick}>Start meeting</button>`;
    }
    if (this.status === 'live') {
      return html`<button type="button" class="run warning" ?disabled=${this._pending} @click=${this._onCloseClick}>Close meeting</button>`;
    }
    return nothing;
  }

  /** Puts focus on the bar's Start or Close button, or on the bar itself when it has none. */
  async focusControls() {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>('button.run:not([disabled])') ?? this.renderRoot.querySelector<HTMLElement>('section');
    target?.focus();
  }

  private async _onStartClick() {
    const startsAt = this.meeting?.startsAt;
    if (startsAt && Date.parse(startsAt) - Date.now() > EARLY_START_MS) {
      const confirmed = await this._confirm.ask({
        heading: 'Start this meeting early?',
        message: `It is scheduled for ${formatDateTime(startsAt)}. Starting it now opens it for everyone as the live meeting.`,
        confirmLabel: 'Start meeting now',
      });
      if (!confirmed) return;
    }
    this._request('start');
  }

  private async _onCloseClick() {
    const confirmed = await this._confirm.ask({
      heading: 'Close this meeting?',
      message: 'Once it is closed, nobody can change its agenda, minutes, decisions or attendance.',
      confirmLabel: 'Close meeting',
    });
    if (confirmed) this._request('close');
  }

  private async _request(run: 'start' | 'close') {
    if (!this.meeting) return;
    this._pending = true;
    this._error = '';
    try {
      const meeting = await (run === 'start' ? startMeeting : closeMeeting)(this.meeting.id);
      this.dispatchEvent(new CustomEvent(MEETING_CHANGED, { detail: meeting, bubbles: true, composed: true }));
    } catch (error) {
      this._error = explainApiError(this, error);
    } finally {
      this._pending = false;
    }
    // The button pressed is gone (Start becomes Close): keep focus in the bar rather than losing it to the page,
    // once the page has passed down the new status.
    await new Promise((resolve) => setTimeout(resolve));
    await this.focusControls();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'meeting-run-bar': MeetingRunBar;
  }
  interface HTMLElementEventMap {
    [MEETING_CHANGED]: CustomEvent<MeetingResponse>;
  }
}
