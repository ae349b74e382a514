/** What the lifecycle forms tell the page: a step was taken (with where the minutes stand now), or a form was put away. */
import type { MinutesStatusView } from '../../shared/minutes-api.js';
import type { MinutesStepRequest } from '../../shared/minutes-lifecycle.js';
import { explainApiError } from '../shell/api-errors.js';
import { takeMinutesStep } from './minutes-api.js';

export const MINUTES_STEP_TAKEN = 'minutes-step-taken';
export const MINUTES_FORM_CANCELLED = 'minutes-form-cancelled';

export const stepTakenEvent = (status: MinutesStatusView) =>
  new CustomEvent<MinutesStatusView>(MINUTES_STEP_TAKEN, { detail: status, bubbles: true, composed: true });

export const formCancelledEvent = () => new CustomEvent<void>(MINUTES_FORM_CANCELLED, { bubbles: true, composed: true });

/**
 * Takes a step from one of the lifecycle forms and tells the page where the
 * minutes stand; resolves with what went wrong, in the user's words, or ''.
 */
export async function submitMinutesStep(form: HTMLElement, meetingId: number, request: MinutesStepRequest): Promise<string> {
  try {
    form.dispatchEvent(stepTakenEvent(await takeMinutesStep(meetingId, request)));
    return '';
  } catch (error) {
    return explainApiError(form, error);
  }
}

declare global {
  interface HTMLElementEventMap {
    [MINUTES_STEP_TAKEN]: CustomEvent<MinutesStatusView>;
    [MINUTES_FORM_CANCELLED]: CustomEvent<void>;
  }
}
