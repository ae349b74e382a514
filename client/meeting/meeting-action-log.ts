/**
 * The body's action log, as a meeting page uses it: opened beside the
 * meeting for raising actions from the minutes and reviewing outstanding
 * ones. The meeting works without it, so failing to open it only hides those.
 */
import type { ReactiveControllerHost } from 'lit';
import type { ActionLogResponse } from '../../shared/api.js';
import { LiveSessionHolder, type LiveConnection } from '../live/index.js';
import { getActionLog } from '../shell/api.js';

export class MeetingActionLog {
  private response: ActionLogResponse | null = null;
  /** Its connection does not report an ended session: the meeting's own connection does. */
  private readonly sessions: LiveSessionHolder<LiveConnection>;
  private request = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly openSession: (docName: string) => LiveConnection,
  ) {
    this.sessions = new LiveSessionHolder<LiveConnection>(host, false);
  }

  /** The log and the live connection to it, when both are there. */
  get current(): { log: ActionLogResponse; session: LiveConnection } | null {
    const session = this.sessions.current;
    return this.response && session ? { log: this.response, session } : null;
  }

  /** Whether actions may be raised now: the meeting is editable here, and so is the log. */
  mayRaise(meetingReadonly: boolean): boolean {
    const current = this.current;
    return !meetingReadonly && current !== null && current.log.access === 'edit' && current.session.state !== 'refused';
  }

  async open(bodyId: number): Promise<void> {
    this.close();
    const request = this.request;
    let log: ActionLogResponse;
    try {
      log = await getActionLog(bodyId);
    } catch {
      return;
    }
    if (request !== this.request || log.access === 'none') return;
    this.response = log;
    this.sessions.open(() => this.openSession(log.docName));
    this.host.requestUpdate();
  }

  close(): void {
    this.request++;
    this.response = null;
    this.sessions.close();
  }
}
