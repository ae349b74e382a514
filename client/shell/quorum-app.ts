import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ActionCountsResponse, MeResponse, SessionResponse } from '../../shared/api.js';
import { ApiError, getMe, getMyActionCounts, signOut } from './api.js';
import { NAVIGATE_REQUESTED, PAGE_TITLE, SESSION_EXPIRED } from './events.js';
import { liveEvents, wipeLocalMeetingCopies } from '../live/index.js';
import { appLinkPath } from './app-links.js';
import { PAGE_TITLES, routeFor, type Route } from './routes.js';
import { renderRoutePage } from './route-pages.js';
import { baseStyles } from './styles.js';
import '../actions/index.js';
import '../escalations/index.js';
import '../priorities/index.js';
import './app-shell.js';
import '../home/index.js';
import '../meeting/index.js';
import '../partnership/index.js';
import './sign-in-page.js';

const PRODUCT = 'Quorum';


type Session =
  | { state: 'checking' }
  | { state: 'signed-out' }
  | { state: 'signed-in'; me: MeResponse }
  | { state: 'failed'; message: string };

/** Pages that can take focus on their main heading after a route change. */
interface FocusablePage extends HTMLElement {
  focusHeading(): void;
  updateComplete: Promise<boolean>;
}

/**
 * The root of the app: finds out who is signed in, routes between pages with
 * the History API, and keeps the document title and focus in step with the
 * page so that keyboard and screen-reader users know where they have landed.
 */
@customElement('quorum-app')
export class QuorumApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .loading {
        display: flex;
        min-height: 100vh;
        align-items: center;
        justify-content: center;
      }
    `,
  ];

  @state() private _session: Session = { state: 'checking' };
  @state() private _route: Route = routeFor(location.pathname);
  @state() private _signOutError = '';
  @state() private _actionCounts: ActionCountsResponse | null = null;

  /** Where to go after signing in, when the user arrived at a page that needs it. */
  private _returnPath = '/';
  private _focusAfterRender = false;

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', this._onPopState);
    this.addEventListener('click', this._onClick);
    this.addEventListener(SESSION_EXPIRED, this._onSessionExpired);
    this.addEventListener(PAGE_TITLE, this._onPageTitle);
    this.addEventListener(NAVIGATE_REQUESTED, this._onNavigateRequested);
    void this._checkSession();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this._onPopState);
    this.removeEventListener('click', this._onClick);
    this.removeEventListener(SESSION_EXPIRED, this._onSessionExpired);
    this.removeEventListener(PAGE_TITLE, this._onPageTitle);
    this.removeEventListener(NAVIGATE_REQUESTED, this._onNavigateRequested);
    liveEvents.disconnect();
  }

  override render() {
    switch (this._session.state) {
      case 'checking':
        return html`<div class="loading" aria-busy="true">
          <p class="status" role="status">Loading…</p>
        </div>`;
      case 'failed':
        return html`<app-shell>
          <div class="error-panel" role="alert">
            <h1>Sorry, Quorum could not start</h1>
            <p>${this._session.message}</p>
            <p><button type="button" @click=${this._onRetryClick}>Try again</button></p>
          </div>
        </app-shell>`;
      case 'signed-out':
        return html`<app-shell current-path="/sign-in" @signed-in=${this._onSignedIn}>
          <sign-in-page></sign-in-page>
        </app-shell>`;
      case 'signed-in':
        return html`<app-shell
          .user=${this._session.me.user}
          .actionCounts=${this._actionCounts}
          current-path=${location.pathname}
          @sign-out-requested=${this._onSignOutRequested}
        >
          ${this._signOutError
            ? html`<div class="error-panel" role="alert"><p>${this._signOutError}</p></div>`
            : nothing}
          ${renderRoutePage(this._route, { user: this._session.me.user, onActionProgressAdded: this._onActionProgressAdded })}
        </app-shell>`;
    }
  }

  override updated(changed: PropertyValues) {
    // Pages that learn their title later (a body's name) send a PAGE_TITLE event.
    if (changed.has('_route') || changed.has('_session')) {
      document.title = `${this._pageTitle()} – ${PRODUCT}`;
    }
    if (this._focusAfterRender) {
      this._focusAfterRender = false;
      void this._focusMainHeading();
    }
  }

  private _pageTitle(): string {
    switch (this._session.state) {
      case 'checking':
        return 'Loading';
      case 'failed':
        return 'Error';
      case 'signed-out':
        return PAGE_TITLES['sign-in'];
      case 'signed-in':
        return PAGE_TITLES[this._route.page];
    }
  }

  private async _focusMainHeading() {
    const shell = this.renderRoot.querySelector('app-shell');
    const page = shell?.lastElementChild as FocusablePage | HTMLElement | null | undefined;
    if (!page) return;
    if ('focusHeading' in page) {
      await page.updateComplete;
      page.focusHeading();
    } else {
      page.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  /**
   * Shows the page for `path`, adding a history entry unless `replace` is set,
   * and moves focus to its heading unless `focus` is false.
   */
  navigate(path: string, { replace = false, focus = true } = {}) {
    if (replace) history.replaceState(null, '', path);
    else if (path !== location.pathname + location.search) history.pushState(null, '', path);
    this._showRoute(path, { focus });
  }

  private _showRoute(path: string, { focus }: { focus: boolean }) {
    let route = routeFor(new URL(path, location.origin).pathname);
    if (route.page === 'sign-in' && this._session.state === 'signed-in') {
      history.replaceState(null, '', '/');
      route = { page: 'home' };
    } else if (route.page !== 'sign-in' && this._session.state === 'signed-out') {
      this._returnPath = path;
      history.replaceState(null, '', '/sign-in');
      route = { page: 'sign-in' };
    }
    this._route = route;
    this._signOutError = '';
    void this._refreshActionCounts();
    if (focus) {
      this._focusAfterRender = true;
      window.scrollTo(0, 0);
    }
  }

  private async _checkSession() {
    this._session = { state: 'checking' };
    try {
      const me = await getMe();
      this._session = { state: 'signed-in', me };
      liveEvents.connect();
      void this._refreshActionCounts();
      if (this._route.page === 'sign-in') this.navigate('/', { replace: true, focus: false });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this._askToSignIn({ focus: false });
      } else {
        this._session = { state: 'failed', message: error instanceof ApiError ? error.message : String(error) };
      }
    }
  }

  private _askToSignIn({ focus }: { focus: boolean }) {
    if (this._route.page !== 'sign-in') this._returnPath = location.pathname + location.search;
    this._session = { state: 'signed-out' };
    liveEvents.disconnect();
    this.navigate('/sign-in', { replace: true, focus });
  }

  private _onSignedIn(event: CustomEvent<SessionResponse>) {
    const { user, memberships } = event.detail;
    this._session = { state: 'signed-in', me: { user, memberships } };
    liveEvents.connect();
    const next = this._returnPath;
    this._returnPath = '/';
    this.navigate(next, { replace: true });
  }

  private async _onSignOutRequested() {
    try {
      await signOut();
    } catch (error) {
      // Already signed out on the server is what the user wanted anyway.
      if (!(error instanceof ApiError && error.status === 401)) {
        this._signOutError = `You have not been signed out. ${error instanceof ApiError ? error.message : ''}`;
        return;
      }
    }
    this._returnPath = '/';
    this._session = { state: 'signed-out' };
    liveEvents.disconnect();
    this._actionCounts = null;
    this.navigate('/sign-in');
    // Meeting minutes kept for offline use must not outlive the session on a shared computer.
    // Wait for the meeting page to go, so that it has closed its copy.
    await this.updateComplete;
    await wipeLocalMeetingCopies();
  }

  /** The navigation's overdue count, fetched afresh on every page change so it never goes long stale. */
  private async _refreshActionCounts() {
    if (this._session.state !== 'signed-in') return;
    try {
      this._actionCounts = await getMyActionCounts();
    } catch {
      // The link still works without its count; the next navigation tries again.
    }
  }

  private _onActionProgressAdded() {
    void this._refreshActionCounts();
  }

  private _onRetryClick() {
    void this._checkSession();
  }

  private _onPopState = () => {
    this._showRoute(location.pathname + location.search, { focus: true });
  };

  private _onSessionExpired = () => {
    if (this._session.state === 'signed-in') this._askToSignIn({ focus: true });
  };

  private _onPageTitle = (event: CustomEvent<string>) => {
    document.title = `${event.detail} – ${PRODUCT}`;
  };

  private _onNavigateRequested = (event: CustomEvent<string>) => {
    this.navigate(event.detail);
  };

  /** Follows same-origin links inside the app without a page load. */
  private _onClick = (event: MouseEvent) => {
    const path = appLinkPath(event, location);
    if (path === undefined) return;
    event.preventDefault();
    this.navigate(path);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'quorum-app': QuorumApp;
  }
}
