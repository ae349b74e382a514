import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { ActionCountsResponse, CurrentUser } from '../../shared/api.js';
import { HOME_PATH, MAP_PATH, MY_ACTIONS_PATH } from './routes.js';
import { baseStyles } from './styles.js';
import './notification-centre.js';
import '../search/index.js';

/**
 * The frame around every page: skip to main content, header with navigation, the
 * signed-in user and their notifications, and the `<main>` landmark the page is slotted into.
 * Fires `sign-out-requested` when the user asks to sign out.
 */
@customElement('app-shell')
export class AppShell extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      .skip-link,
      .skip-link:hover {
        position: absolute;
        left: 0.5rem;
        top: -10rem;
        z-index: 10;
        padding: 0.5rem 1rem;
        background: var(--q-focus);
        box-shadow: none;
        color: var(--q-text);
        text-decoration: underline;
      }
      .skip-link:focus {
        top: 0.5rem;
      }
      header {
        background: var(--q-brand);
        color: #fff;
        border-bottom: 8px solid var(--q-highlight);
      }
      .header-inner,
      main {
        width: 100%;
        max-width: 90rem;
        margin: 0 auto;
        padding-inline: clamp(0.75rem, 3vw, 2rem);
      }
      .header-inner {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 2rem;
        padding-block: 0.75rem;
      }
      .product {
        font-size: 1.5rem;
        font-weight: 700;
        letter-spacing: 0.02em;
        margin-right: auto;
      }
      header a,
      header a:visited,
      header a:hover {
        color: #fff;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: 0.25rem 0;
        font-weight: 600;
      }
      nav .count {
        display: inline-block;
        margin-left: 0.25rem;
        padding: 0 0.375rem;
        background: #fff;
        color: var(--q-error);
        font-weight: 700;
      }
      nav a[aria-current='page'] {
        text-decoration-thickness: 3px;
      }
      .account {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      .account p {
        margin: 0;
      }
      .agency {
        display: block;
        font-size: 0.875rem;
      }
      header button.secondary {
        min-height: 2.25rem;
        padding: 0.25rem 0.75rem;
      }
      main {
        flex: 1;
        padding-block: 2rem 4rem;
      }
      main:focus {
        outline: none;
      }
      /* On paper, only the page: no header, navigation or margins of our own. */
      @media print {
        .skip-link,
        header {
          display: none;
        }
        :host {
          min-height: 0;
        }
        main {
          max-width: none;
          padding: 0;
        }
      }
    `,
  ];

  /** The signed-in user, or null on the sign-in page. */
  @property({ attribute: false }) user: CurrentUser | null = null;

  /** The user's outstanding and overdue actions, for the "My actions" link; null until known. */
  @property({ attribute: false }) actionCounts: ActionCountsResponse | null = null;

  /** The current path, so the navigation can mark where the user is. */
  @property({ attribute: 'current-path' }) currentPath = '/';

  @query('main') private _main!: HTMLElement;

  override render() {
    return html`
      <header>
        <button type="button" class="skip-link" @click=${this._onSkipLinkClick}>Skip to main content</button>
        <div class="header-inner">
          <span class="product">Quorum</span>
          ${this.user ? this._renderSignedIn(this.user) : nothing}
        </div>
      </header>
      <main id="main-content" tabindex="-1">
        <slot></slot>
      </main>
    `;
  }

  private _renderSignedIn(user: CurrentUser) {
    return html`
      <nav aria-label="Main">
        <ul>
          <li><a href=${HOME_PATH} aria-current=${this.currentPath === HOME_PATH ? 'page' : nothing}>Home</a></li>
          <li><a href=${MAP_PATH} aria-current=${this.currentPath === MAP_PATH ? 'page' : nothing}>Partnership map</a></li>
          <li>
            <a href=${MY_ACTIONS_PATH} aria-current=${this.currentPath === MY_ACTIONS_PATH ? 'page' : nothing}
              >My actions${this.actionCounts && this.actionCounts.overdue > 0
                ? html` <span class="count">(${this.actionCounts.overdue} overdue)</span>`
                : nothing}</a
            >
          </li>
        </ul>
      </nav>
      <search-box></search-box>
      <div class="account">
        <notification-centre></notification-centre>
        <p>
          <span class="visually-hidden">Signed in as</span>
          <strong>${user.name}</strong>
          <span class="agency">${user.agency.name}</span>
        </p>
        <button type="button" class="secondary" @click=${this._onSignOutClick}>Sign out</button>
      </div>
    `;
  }

  /*
   * The skip control is a button, not a link to "#main-content": <main> is in
   * this shadow root, where no fragment (nor axe's skip-link check, which looks
   * the target up in the document) can reach, so the click moves focus itself.
   * It sits inside the banner landmark, first in tab order.
   */
  private _onSkipLinkClick() {
    this._main.focus();
  }

  private _onSignOutClick() {
    this.dispatchEvent(new CustomEvent('sign-out-requested', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'app-shell': AppShell;
  }
  interface HTMLElementEventMap {
    'sign-out-requested': CustomEvent<void>;
  }
}
