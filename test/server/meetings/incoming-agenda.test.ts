import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readAgenda } from '../../../shared/meeting-doc.js';
import { meetingDocName } from '../../../shared/meetings.js';
import { nextScheduledMeeting, writeOntoAgenda } from '../../../server/meetings/incoming-agenda.js';
import { bodyId } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

const DAY = 24 * 60 * 60 * 1000;

describe('items arriving from other tiers, on the next agenda', () => {
  let server: TestServer;
  let token: string;
  let spb: number;

  const schedule = async (startsAt: Date, title: string) => {
    const response = await server.request(`/api/bodies/${spb}/meetings`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ title, startsAt: startsAt.toISOString(), location: 'County Hall' }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { meeting: { id: number } }).meeting.id;
  };
  const agendaOf = async (meetingId: number) => {
    const doc = new Y.Doc();
    await server.registry.change(meetingDocName(meetingId), (live) => Y.applyUpdate(doc, Y.encodeStateAsUpdate(live)));
    return readAgenda(doc);
  };

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.signIn('chair.spb');
    spb = await bodyId(server, token, 'SPB');
  });
  afterAll(() => server?.close());

  it('finds the soonest meeting not yet started, passing over one left unstarted days ago', async () => {
    await schedule(new Date(Date.now() - 3 * DAY), 'SPB never held');
    const sooner = await schedule(new Date(Date.now() + 60_000), 'SPB sooner');
    expect(await nextScheduledMeeting(server.database.db, spb)).toBe(sooner);
    await server.database.db.updateTable('meetings').set({ status: 'closed' }).where('body_id', '=', spb).execute();
    expect(await nextScheduledMeeting(server.database.db, spb)).toBeUndefined();
    await schedule(new Date(Date.now() + 7 * DAY), 'SPB next');
  });

  it('adds the item once, before Any other business, and writes each arrival into its minutes', async () => {
    const meetingId = (await nextScheduledMeeting(server.database.db, spb))!;
    expect(await writeOntoAgenda(server.registry, meetingId, 'Escalations received', '**From Charnwood CSP**: first')).toBe(true);
    expect(await writeOntoAgenda(server.registry, meetingId, 'Escalations received', '**From Charnwood CSP**: second')).toBe(true);
    const agenda = await agendaOf(meetingId);
    const titles = agenda.map((item) => item.title);
    expect(titles.filter((title) => title === 'Escalations received')).toHaveLength(1);
    expect(titles.slice(-3)).toEqual(['Escalations received', 'Any other business', 'Date of next meeting']);
    expect(agenda.find((item) => item.title === 'Escalations received')!.minutes).toBe('**From Charnwood CSP**: first\n\n**From Charnwood CSP**: second');
  });

  it('changes nothing when the item would break the document’s limits', async () => {
    const meetingId = (await nextScheduledMeeting(server.database.db, spb))!;
    expect(await writeOntoAgenda(server.registry, meetingId, 'Escalations received', 'x'.repeat(200_000))).toBe(false);
    const item = (await agendaOf(meetingId)).find((each) => each.title === 'Escalations received')!;
    expect(item.minutes).not.toContain('xxxx');
  });
});
