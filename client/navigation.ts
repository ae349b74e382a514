/**
 * A page asks the app to go somewhere after an action (a meeting scheduled,
 * say) rather than after a link was followed. Belongs beside the others in
 * events.ts; kept apart only because that file had another owner.
 */
export const NAVIGATE_REQUESTED = 'navigate-requested';

export function navigateEvent(path: string): CustomEvent<string> {
  return new CustomEvent(NAVIGATE_REQUESTED, { detail: path, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    [NAVIGATE_REQUESTED]: CustomEvent<string>;
  }
}
