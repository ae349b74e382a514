import { ApiError } from './api.js';
import { sessionExpiredEvent } from './events.js';

/**
 * The one way a page handles a failed API call: an expired session sends the
 * person back to sign in (the app listens for the event), and anything else
 * becomes a message fit to show them. Returns that message.
 */
export function explainApiError(host: EventTarget, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) host.dispatchEvent(sessionExpiredEvent());
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong; try again';
}
