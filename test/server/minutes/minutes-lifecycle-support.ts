/** A running server with the Charnwood JAG's cast signed in, and meetings whose minutes are ready to move on. */
import * as Y from 'yjs';
import type { MeetingResponse } from '../../../shared/api.js';
import type { ApiErrorBody } from '../../../shared/errors.js';
import { agendaOf, attendanceOf, readAgenda, type AgendaItem } from '../../../shared/meeting-doc.js';
import { meetingDocName } from '../../../shared/meetings.js';
import type { MinutesStatusView } from '../../../shared/minutes-api.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

/** The JAG's parts; `youth` chairs only the confidential Youth JAG. */
export const JAG = {
  chair: 'chair.jag',
  vice: 'ci.barker',
  secretariat: 'community.safety',
  member: 'member.jag',
  observer: 'observer.jag',
  outsider: 'outsider',
  youthChair: 'chair.youthjag',
} as const;
export type Who = keyof typeof JAG;

export interface Answer<T = any> {
  status: number;
  text: string;
  /** The answer, or on a refusal `{ error }`. */
  json: T & Partial<ApiErrorBody>;
}

export interface MinutesWorld {
  server: TestServer;
  jagId: number;
  youthId: number;
  userId(who: Who): number;
  call<T = any>(who: Who, method: string, path: string, body?: unknown): Promise<Answer<T>>;
  step(who: Who, meetingId: number, body: Record<string, unknown>): Promise<Answer<MinutesStatusView>>;
  status(who: Who, meetingId: number): Promise<MinutesStatusView>;
  /** A JAG (or Youth JAG) meeting starting at `startsAt`, scheduled and started by its chair. */
  liveMeeting(startsAt: string, body?: 'jag' | 'youth'): Promise<number>;
  /** A live meeting with minutes typed under two items (one Part II), then closed. */
  closedMeeting(startsAt: string, body?: 'jag' | 'youth'): Promise<number>;
  /** Types into a meeting's live document and waits for its SQL mirror. */
  write(meetingId: number, title: string, minutes: string, options?: { partTwo?: boolean; decision?: string }): Promise<void>;
  agenda(meetingId: number): Promise<AgendaItem[]>;
  close(): Promise<void>;
}

export async function startMinutesWorld(): Promise<MinutesWorld> {
  const server = await startTestServer();
  const db = server.database.db;
  const tokens = {} as Record<Who, string>;
  const ids = {} as Record<Who, number>;
  for (const [who, local] of Object.entries(JAG) as [Who, string][]) {
    tokens[who] = await server.signIn(local);
    ids[who] = (await db.selectFrom('users').select('id').where('email', '=', `${local}@demo.quorum.test`).executeTakeFirstOrThrow()).id;
  }
  const jagId = await bodyId(server, tokens.chair, 'Charnwood JAG');
  const youthId = await bodyId(server, tokens.youthChair, 'Youth JAG');

  async function call<T>(who: Who, method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const response = await server.request(path, {
      method,
      headers: { ...bearer(tokens[who]), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json: json as T & Partial<ApiErrorBody> };
  }

  const expectOk = <T>(answer: Answer<T>, what: string) => {
    if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${answer.text}`);
    return answer.json;
  };

  async function liveMeeting(startsAt: string, body: 'jag' | 'youth' = 'jag'): Promise<number> {
    const chair: Who = body === 'jag' ? 'chair' : 'youthChair';
    const created = expectOk(
      await call<MeetingResponse>(chair, 'POST', `/api/bodies/${body === 'jag' ? jagId : youthId}/meetings`, { startsAt, location: 'Loughborough Police Station' }),
      'scheduling',
    );
    expectOk(await call(chair, 'POST', `/api/meetings/${created.meeting.id}/start`), 'starting');
    return created.meeting.id;
  }

  async function write(meetingId: number, title: string, minutes: string, { partTwo = false, decision }: { partTwo?: boolean; decision?: string } = {}) {
    const docName = meetingDocName(meetingId);
    await server.registry.change(docName, (doc) => {
      const item = readAgenda(doc).find((each) => each.title === title);
      if (!item) throw new Error(`no item ${title}`);
      const map = agendaOf(doc).get(item.id)!;
      (map.get('minutes') as Y.Text).insert(0, minutes);
      if (partTwo) map.set('partTwo', true);
      if (decision) {
        const made = new Y.Map<unknown>();
        (map.get('decisions') as Y.Array<Y.Map<unknown>>).push([made]);
        made.set('id', `d${Math.random().toString(36).slice(2, 12)}`);
        made.set('text', new Y.Text(decision));
      }
    });
    await server.registry.flush(docName);
  }

  async function closedMeeting(startsAt: string, body: 'jag' | 'youth' = 'jag'): Promise<number> {
    const meetingId = await liveMeeting(startsAt, body);
    await server.registry.change(meetingDocName(meetingId), (doc) => {
      attendanceOf(doc).set(String(ids[body === 'jag' ? 'chair' : 'youthChair']), 'present');
    });
    const items = body === 'jag' ? ['Police performance and crime trends', 'High-risk ASB victims (Sentinel)'] : ['Cohort review (5 by 5 risk matrix)', 'New referrals'];
    await write(meetingId, items[0]!, 'Crime is down by a tenth.', { decision: 'that the report be noted' });
    await write(meetingId, items[1]!, 'Named victim: Jane Doe at 4 Acacia Avenue.', { partTwo: true });
    expectOk(await call(body === 'jag' ? 'chair' : 'youthChair', 'POST', `/api/meetings/${meetingId}/close`), 'closing');
    return meetingId;
  }

  return {
    server,
    jagId,
    youthId,
    userId: (who) => ids[who],
    call,
    step: (who, meetingId, body) => call<MinutesStatusView>(who, 'POST', `/api/meetings/${meetingId}/minutes/steps`, body),
    status: async (who, meetingId) => expectOk(await call<MinutesStatusView>(who, 'GET', `/api/meetings/${meetingId}/minutes/status`), 'status'),
    liveMeeting,
    closedMeeting,
    write,
    async agenda(meetingId) {
      let agenda: AgendaItem[] = [];
      await server.registry.change(meetingDocName(meetingId), (doc) => {
        agenda = readAgenda(doc);
      });
      return agenda;
    },
    close: () => server.close(),
  };
}
