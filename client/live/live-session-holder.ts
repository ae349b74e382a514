/**
 * Holds a page's live connection for as long as the page is on screen:
 * re-renders the page as the connection changes, tells the app when the
 * session has ended, closes the connection when the page leaves and opens it
 * again if the page comes back.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sessionExpiredEvent } from '../shell/events.js';
import type { LiveConnection } from './live-session.js';

export class LiveSessionHolder<Session extends LiveConnection> implements ReactiveController {
  private session: Session | null = null;
  private unsubscribe: (() => void) | null = null;
  /** How to open the connection again, while the page still wants it. */
  private opener: (() => Session) | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Ask the app to sign in again when the server says the session has ended. */
    private readonly reportExpiry = true,
  ) {
    host.addController(this);
  }

  /** The open connection, if any. */
  get current(): Session | null {
    return this.session;
  }

  /** Opens a connection (closing any other) and keeps it while the page is on screen. */
  open(opener: () => Session): void {
    this.close();
    this.opener = opener;
    if (this.host.isConnected) this.attach();
  }

  /** Closes the connection; the page no longer wants one. */
  close(): void {
    this.opener = null;
    this.detach();
  }

  hostConnected(): void {
    if (!this.session && this.opener) this.attach();
  }

  hostDisconnected(): void {
    this.detach();
  }

  private attach(): void {
    const session = this.opener!();
    this.unsubscribe = session.subscribe(() => {
      if (this.reportExpiry && session.state === 'refused' && session.refusal?.code === 'unauthenticated') {
        this.host.dispatchEvent(sessionExpiredEvent());
      }
      this.host.requestUpdate();
    });
    this.session = session;
    this.host.requestUpdate();
  }

  private detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.session?.destroy();
    this.session = null;
  }
}
