import { Task, TaskStatus } from '@lit/task';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { formatDateTime } from '../../shared/dates.js';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_LIMITS, type NotificationView } from '../../shared/notifications.js';
import { liveEvents } from '../live/live-events.js';
import { explainApiError } from './api-errors.js';
import { getNotifications, markNotificationsRead } from './notification-api.js';
import { isLoading } from './page-load.js';
import { baseStyles } from './styles.js';

const PANEL_ID = 'notifications-panel';

/**
 * The header's "Notifications" button with the unread count, opening a panel
 * (a disclosure: focus stays on the button, Escape or a click elsewhere
 * closes it) that lists the latest notifications, each linking to the thing
 * itself. New ones arrive live and are announced politely wherever the
 * user is in the app.
 */
@customElement('notification-centre')
export class NotificationCentre extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        position: relative;
        display: inline-block;
      }
      button.toggle {
        min-height: 2.25rem;
        padding: 0.25rem 0.75rem;
      }
      .badge {
        display: inline-block;
        margin-left: 0.5rem;
        padding: 0 0.375rem;
        border-radius: 0.75rem;
        background: var(--q-error);
        color: #fff;
        font-weight: 700;
      }
      .panel {
        position: absolute;
        right: 0;
        top: calc(100% + 0.5rem);
        z-index: 20;
        width: min(28rem, calc(100vw - 1.5rem));
        max-height: min(32rem, 75vh);
        overflow-y: auto;
        padding: 1rem;
        border: 2px solid var(--q-text);
        background: #fff;
        color: var(--q-text);
        box-shadow: 0 4px 12px rgb(11 12 12 / 25%);
      }
      .panel-header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        margin-bottom: 0.75rem;
      }
      h2 {
        font-size: 1.25rem;
        margin: 0;
      }
      .panel-header button {
        min-height: 2.25rem;
        padding: 0.25rem 0.75rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        padding: 0.75rem 0.5rem;
        border-top: 1px solid var(--q-border);
      }
      li.unread {
        border-left: 4px solid var(--q-highlight);
        background: var(--q-highlight-background);
      }
      .kind {
        display: block;
        font-size: 0.875rem;
        font-weight: 600;
        color: var(--q-secondary-text);
      }
      li a {
        font-weight: 700;
      }
      li p {
        margin: 0.25rem 0 0;
      }
      .meta {
        font-size: 0.875rem;
        color: var(--q-secondary-text);
      }
      .unread-tag {
        font-weight: 700;
        color: var(--q-text);
      }
      .problem {
        color: var(--q-error);
        font-weight: 600;
      }
    `,
  ];

  @state() private _open = false;
  @state() private _notifications: NotificationView[] | null = null;
  @state() private _unread: number | null = null;
  @state() private _markingAll = false;
  @state() private _problem = '';
  /** Said politely by screen readers: a new notification, or all marked read. */
  @state() private _announcement = '';

  @query('button.toggle') private _toggle!: HTMLButtonElement;
  @query('.panel h2') private _panelHeading?: HTMLElement;

  private _stopListening: (() => void)[] = [];

  private readonly _load = new Task(this, {
    task: async () => {
      try {
        const { notifications, unread } = await getNotifications();
        this._notifications = notifications;
        this._unread = unread;
      } catch (error) {
        throw new Error(explainApiError(this, error));
      }
    },
    args: () => [],
  });

  override connectedCallback() {
    super.connectedCallback();
    this._stopListening = [
      liveEvents.on('notification', (notification) => this._onLiveNotification(notification)),
      liveEvents.on('notifications:unread', (unread) => (this._unread = unread)),
    ];
    document.addEventListener('click', this._onDocumentClick);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const stop of this._stopListening) stop();
    this._stopListening = [];
    document.removeEventListener('click', this._onDocumentClick);
  }

  override render() {
    const unread = this._unread ?? 0;
    return html`
      <button
        type="button"
        class="toggle secondary"
        aria-expanded=${this._open ? 'true' : 'false'}
        aria-controls=${PANEL_ID}
        @click=${this._onToggleClick}
        @keydown=${this._onKeydown}
      >
        Notifications${unread > 0
          ? html`<span class="badge"
              ><span class="visually-hidden">, </span>${unread}<span class="visually-hidden"> unread</span></span
            >`
          : nothing}
      </button>
      <div id=${PANEL_ID} class="panel" ?hidden=${!this._open} @keydown=${this._onKeydown}>
        ${this._open ? this._renderPanel(unread) : nothing}
      </div>
      <p class="visually-hidden" role="status">${this._announcement}</p>
    `;
  }

  private _renderPanel(unread: number) {
    const loading = isLoading(this._load);
    return html`
      <div class="panel-header">
        <h2 tabindex="-1">Notifications</h2>
        ${unread > 0 && this._notifications
          ? html`<button type="button" class="secondary" ?disabled=${this._markingAll} @click=${this._onMarkAllClick}>
              Mark all as read
            </button>`
          : nothing}
      </div>
      ${this._problem ? html`<p class="problem" role="alert">${this._problem}</p>` : nothing}
      ${this._load.status === TaskStatus.ERROR && !this._notifications
        ? html`<div role="alert">
            <p class="problem">Your notifications could not be loaded. ${(this._load.error as Error).message}</p>
            <p><button type="button" class="secondary" @click=${() => this._load.run()}>Try again</button></p>
          </div>`
        : nothing}
      ${loading && !this._notifications ? html`<p class="status" role="status">Loading…</p>` : nothing}
      ${this._notifications ? this._renderList(this._notifications) : nothing}
    `;
  }

  private _renderList(notifications: NotificationView[]) {
    if (notifications.length === 0) return html`<p>You have no notifications.</p>`;
    return html`<ul aria-label="Latest notifications">
      ${notifications.map(
        (notification) => html`<li class=${notification.readAt ? '' : 'unread'}>
          <span class="kind">${NOTIFICATION_KIND_LABELS[notification.kind]}</span>
          <a href=${notification.link} @click=${() => this._onLinkClick(notification)}>${notification.title}</a>
          ${notification.detail ? html`<p>${notification.detail}</p>` : nothing}
          <p class="meta">
            <time datetime=${notification.createdAt}>${formatDateTime(notification.createdAt)}</time>${notification.readAt
              ? nothing
              : html` · <span class="unread-tag">Unread</span>`}
          </p>
        </li>`,
      )}
    </ul>`;
  }

  private _onToggleClick() {
    this._open = !this._open;
    // Opening shows what arrived while offline too; the list stays on screen while it refreshes.
    if (this._open && this._load.status !== TaskStatus.PENDING) void this._load.run();
    if (!this._open) this._problem = '';
  }

  private _onKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !this._open) return;
    event.stopPropagation();
    this._close();
    this._toggle.focus();
  }

  private _onDocumentClick = (event: MouseEvent) => {
    if (this._open && !event.composedPath().includes(this)) this._close();
  };

  private _close() {
    this._open = false;
    this._problem = '';
  }

  private _onLiveNotification(notification: NotificationView) {
    const known = this._notifications ?? [];
    if (known.some((existing) => existing.id === notification.id)) return;
    this._notifications = [notification, ...known].slice(0, NOTIFICATION_LIMITS.listed);
    if (!notification.readAt) this._unread = (this._unread ?? 0) + 1;
    this._announce(`New notification: ${NOTIFICATION_KIND_LABELS[notification.kind]}: ${notification.title}`);
  }

  // The app follows the link itself; this only records that it was read.
  private _onLinkClick(notification: NotificationView) {
    this._close();
    if (notification.readAt) return;
    this._markRead([notification.id]);
    this._unread = Math.max(0, (this._unread ?? 1) - 1);
    void markNotificationsRead({ ids: [notification.id] }).catch(() => {
      // Still unread on the server: it shows as unread again at the next refresh, which is the truth.
    });
  }

  private async _onMarkAllClick() {
    this._markingAll = true;
    this._problem = '';
    try {
      await markNotificationsRead({ all: true });
      this._markRead((this._notifications ?? []).map((notification) => notification.id));
      this._unread = 0;
      this._announce('All notifications marked as read');
      // The button has gone with nothing left unread; keep focus in the panel.
      await this.updateComplete;
      this._panelHeading?.focus();
    } catch (error) {
      this._problem = `Your notifications were not marked as read. ${explainApiError(this, error)}`;
    } finally {
      this._markingAll = false;
    }
  }

  private _markRead(ids: number[]) {
    const now = new Date().toISOString();
    const marked = new Set(ids);
    this._notifications = (this._notifications ?? []).map((notification) =>
      marked.has(notification.id) && !notification.readAt ? { ...notification, readAt: now } : notification,
    );
  }

  private _announce(message: string) {
    // Cleared first, so the same words twice are still heard twice.
    this._announcement = '';
    void this.updateComplete.then(() => (this._announcement = message));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'notification-centre': NotificationCentre;
  }
}
