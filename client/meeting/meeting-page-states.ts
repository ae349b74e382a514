import { html } from 'lit';
import type { BodyMember, MeetingResponse } from '../../shared/api.js';
import { ApiError, getBody, getMeeting } from '../shell/api.js';
import { explainApiError } from '../shell/api-errors.js';
import { loadFailedPanel } from '../shell/page-load.js';
import { MAP_PATH } from '../shell/routes.js';

/** What loading a meeting page came to. */
export type Loaded =
  | { state: 'loaded'; meeting: MeetingResponse; members: BodyMember[] }
  | { state: 'not-found' }
  | { state: 'forbidden'; message: string };

/** The page titles for the states in which the meeting is not shown. */
export const UNLOADED_TITLES = { 'not-found': 'Meeting not found', forbidden: 'You cannot open this meeting' } as const;

/** The title for a meeting that could not be loaded at all. */
export const LOAD_FAILED_TITLE = 'Sorry, this meeting could not be loaded';

/**
 * Loads the meeting and its body's members, turning "not there" and "not
 * yours" into states the page can show; other failures are explained for `host`.
 */
export async function loadMeeting(host: HTMLElement, meetingId: number): Promise<Loaded> {
  try {
    const meeting = await getMeeting(meetingId);
    if (meeting.access === 'none') return { state: 'forbidden', message: `Only members of ${meeting.body.name} can open its meetings.` };
    const detail = await getBody(meeting.body.id);
    return { state: 'loaded', meeting, members: detail.access === 'full' ? detail.members : [] };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { state: 'not-found' };
    if (error instanceof ApiError && error.status === 403) return { state: 'forbidden', message: error.message };
    throw new Error(explainApiError(host, error));
  }
}

export function renderMeetingLoading() {
  return html`<h1 tabindex="-1">Loading meeting…</h1>
    <div aria-busy="true"><p class="status" role="status">Loading…</p></div>`;
}

export function renderMeetingLoadFailed(error: unknown, retry: () => void) {
  return html`<h1 tabindex="-1">Sorry, this meeting could not be loaded</h1>
    ${loadFailedPanel(error, retry)}`;
}

export function renderMeetingNotFound() {
  return html`<h1 tabindex="-1">Meeting not found</h1>
    <p>There is no meeting at this address. It may have been removed, or the link may be wrong.</p>
    <p><a href=${MAP_PATH}>Go to the partnership map</a></p>`;
}

export function renderMeetingForbidden(message: string) {
  return html`<h1 tabindex="-1">You cannot open this meeting</h1>
    <p>${message}</p>
    <p><a href=${MAP_PATH}>Go to the partnership map</a></p>`;
}
