/** What the lifecycle forms tell the page: a step was taken (with where the minutes stand now), or a form was put away. */
import type { MinutesStatusView } from '../../shared/minutes-api.js';

export const MINUTES_STEP_TAKEN = 'minutes-step-taken';
export const MINUTES_FORM_CANCELLED = 'minutes-form-cancelled';

export const stepTakenEvent = (status: MinutesStatusView) =>
  new CustomEvent<MinutesStatusView>(MINUTES_STEP_TAKEN, { detail: status, bubbles: true, composed: true });

export const formCancelledEvent = () => new CustomEvent<void>(MINUTES_FORM_CANCELLED, { bubbles: true, composed: true });

declare global {
  interface HTMLElementEventMap {
    [MINUTES_STEP_TAKEN]: CustomEvent<MinutesStatusView>;
    [MINUTES_FORM_CANCELLED]: CustomEvent<void>;
  }
}
