/**
 * Events that more than one element fires. Each element's own events are
 * declared beside it; these are here so their name is defined once.
 */

/** A request came back 401 mid-session: the app should ask the user to sign in again. */
export const SESSION_EXPIRED = 'session-expired';

export function sessionExpiredEvent(): CustomEvent<void> {
  return new CustomEvent(SESSION_EXPIRED, { bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    [SESSION_EXPIRED]: CustomEvent<void>;
  }
}

/** A page learned its title (a body's name, say) after loading; the app puts it in `document.title`. */
export const PAGE_TITLE = 'page-title';

export function pageTitleEvent(title: string): CustomEvent<string> {
  return new CustomEvent(PAGE_TITLE, { detail: title, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    [PAGE_TITLE]: CustomEvent<string>;
  }
}

/** A page asks the app to go somewhere after an action (a meeting scheduled, say), not after a link was followed. */
export const NAVIGATE_REQUESTED = 'navigate-requested';

export function navigateEvent(path: string): CustomEvent<string> {
  return new CustomEvent(NAVIGATE_REQUESTED, { detail: path, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    [NAVIGATE_REQUESTED]: CustomEvent<string>;
  }
}
