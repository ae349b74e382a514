/**
 * A meeting's live document: the generic live session, with the meeting's
 * words in its refusals and the `editing` presence field the workspace uses.
 */
import { LiveSession, type LiveConnection, type LiveSessionOptions } from '../live/index.js';

export { defaultYjsServerUrl, type ConnectionState } from '../live/index.js';

/** What the meeting page needs from a session; tests hand the page a fake one. */
export type MeetingConnection = LiveConnection;

export type MeetingSessionOptions = Omit<LiveSessionOptions, 'noun' | 'initialPresence'>;

export class MeetingSession extends LiveSession {
  constructor(options: MeetingSessionOptions) {
    super({ ...options, noun: 'meeting', initialPresence: { editing: null } });
  }
}
