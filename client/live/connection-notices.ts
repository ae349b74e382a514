/**
 * The connection indicator and refusal notices every live page shows, as
 * templates rendered into the page's own shadow root.
 */
import { html, nothing } from 'lit';
import { CONNECTION_LABELS } from './connection-labels.js';
import type { LiveConnection } from './live-session.js';

/** "Connected: changes are shared live", with a coloured dot (the words carry the meaning). */
export function connectionStatus(session: LiveConnection | null | undefined) {
  return session
    ? html`<p class="connection ${session.state}" role="status">
        <span class="dot" aria-hidden="true"></span>${CONNECTION_LABELS[session.state]}
      </p>`
    : html`<p class="connection"></p>`;
}

export interface RefusalNoticesOptions {
  session: LiveConnection | null | undefined;
  /** What the document is: "meeting", "action log". */
  noun: string;
  /** The refused change the user has already dismissed. */
  dismissedRefusedChange: string | null;
  onDismiss: () => void;
}

/** Why the server closed the connection for good, and a change it refused, with what the user can do. */
export function refusalNotices({ session, noun, dismissedRefusedChange, onDismiss }: RefusalNoticesOptions) {
  const refusedChange = session?.refusedChange;
  return html`${session?.state === 'refused' && session.refusal
      ? html`<div class="error-panel" role="alert">
          <h2>You are not connected to this ${noun}</h2>
          <p>${session.refusal.message}</p>
          ${session.refusal.code === 'unauthenticated'
            ? nothing
            : html`<p><button type="button" class="secondary" @click=${() => session.reconnect()}>Reconnect</button></p>`}
        </div>`
      : nothing}
    ${refusedChange && refusedChange !== dismissedRefusedChange
      ? html`<div class="error-panel" role="alert">
          <h2>Your last change was not saved</h2>
          <p>${refusedChange}</p>
          <p>The ${noun} has been reloaded with everyone else’s latest changes.</p>
          <p><button type="button" class="secondary small" @click=${onDismiss}>Dismiss</button></p>
        </div>`
      : nothing}`;
}
