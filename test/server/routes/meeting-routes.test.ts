import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingResponse } from '../../../shared/api.js';
import { bodyId, createMeeting, JAG_TEMPLATE_AGENDA } from '../../support/meetings.js';
import { bearer, startTestServer, type TestServer } from '../../support/test-server.js';

describe('meetings API', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let jagId: number;

  beforeAll(async () => {
    server = await startTestServer();
    for (const local of ['chair.jag', 'member.jag', 'observer.jag', 'outsider', 'community.safety', 'chair.youthjag', 'ci.barker']) {
      tokens[local] = await server.signIn(local);
    }
    jagId = await bodyId(server, tokens['chair.jag']!, 'Charnwood JAG');
  });
  afterAll(() => server.close());

  const schedule = (local: string, body: unknown, id = jagId) =>
    server.request(`/api/bodies/${id}/meetings`, {
      method: 'POST',
      headers: { ...bearer(tokens[local]!), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const post = (local: string, path: string) => server.request(path, { method: 'POST', headers: bearer(tokens[local]!) });
  const auditActions = async () => (await server.database.db.selectFrom('audit_events').select('action').execute()).map((row) => row.action);

  it('lets the secretariat schedule a meeting with the standard agenda and the body’s standing items', async () => {
    const response = await schedule('community.safety', { startsAt: '2026-12-08T10:00:00+00:00', location: 'Loughborough Police Station' });
    expect(response.status).toBe(201);
    const created = (await response.json()) as MeetingResponse;
    expect(created.meeting).toMatchObject({ title: 'Charnwood JAG — December 2026', status: 'scheduled', startsAt: '2026-12-08T10:00:00.000Z' });
    expect(created.docName).toBe(`meeting.${created.meeting.id}`);
    expect(created.access).toBe('edit');
    await server.registry.settle();
    const items = await server.database.db
      .selectFrom('agenda_items')
      .select('title')
      .where('meeting_id', '=', created.meeting.id)
      .orderBy('position')
      .execute();
    expect(items.map((item) => item.title)).toEqual(JAG_TEMPLATE_AGENDA);
    expect(await auditActions()).toContain('meeting.created');
  });

  it('refuses scheduling by members, observers and outsiders, and bad input', async () => {
    for (const local of ['member.jag', 'observer.jag', 'outsider']) {
      const response = await schedule(local, { startsAt: '2026-12-08T10:00:00Z' });
      expect(response.status, local).toBe(403);
    }
    for (const body of [{}, { startsAt: 'next Tuesday' }, { startsAt: '2026-12-08T10:00:00Z', colour: 'red' }, { startsAt: 42 }]) {
      const response = await schedule('chair.jag', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.code).toBe('validation_failed');
    }
    expect((await schedule('chair.jag', { startsAt: '2026-12-08T10:00:00Z' }, 99999)).status).toBe(404);
  });

  it('lets only the chair or vice-chair start and close, in that order', async () => {
    const meeting = await createMeeting(server, tokens['chair.jag']!, 'Charnwood JAG', { start: false });
    const path = `/api/meetings/${meeting.meeting.id}`;
    expect((await post('member.jag', `${path}/start`)).status).toBe(403);
    expect((await post('community.safety', `${path}/start`)).status).toBe(403);
    const closeTooEarly = await post('chair.jag', `${path}/close`);
    expect(closeTooEarly.status).toBe(409);
    expect((await closeTooEarly.json()).error.code).toBe('conflict');

    const started = await post('ci.barker', `${path}/start`); // the vice-chair
    expect(started.status).toBe(200);
    expect(((await started.json()) as MeetingResponse).meeting.status).toBe('live');
    expect(((await (await server.request(path, { headers: bearer(tokens['member.jag']!) })).json()) as MeetingResponse).access).toBe('edit');
    expect(((await (await server.request(path, { headers: bearer(tokens['observer.jag']!) })).json()) as MeetingResponse).access).toBe('read');

    const closed = await post('chair.jag', `${path}/close`);
    const body = (await closed.json()) as MeetingResponse;
    expect(body.meeting.status).toBe('closed');
    expect(body.meeting.closedAt).toEqual(expect.any(String));
    expect(body.access).toBe('read');
    expect(await auditActions()).toEqual(expect.arrayContaining(['meeting.started', 'meeting.closed']));
  });

  it('hides a confidential body’s meetings from non-members', async () => {
    const youth = await createMeeting(server, tokens['chair.youthjag']!, 'Youth JAG', { start: false });
    for (const local of ['outsider', 'chair.jag']) {
      const response = await server.request(`/api/meetings/${youth.meeting.id}`, { headers: bearer(tokens[local]!) });
      expect(response.status, local).toBe(403);
      expect(JSON.stringify(await response.json())).not.toContain('docName');
      expect((await post(local, `/api/meetings/${youth.meeting.id}/start`)).status).toBe(403);
    }
  });

  it('shows an open body’s meeting to a non-member, with no access to its document', async () => {
    const meeting = await createMeeting(server, tokens['chair.jag']!, 'Charnwood JAG', { start: false });
    const response = await server.request(`/api/meetings/${meeting.meeting.id}`, { headers: bearer(tokens.outsider!) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as MeetingResponse).access).toBe('none');
  });

  it('answers unknown meetings with 404 and bad ids with 400', async () => {
    expect((await server.request('/api/meetings/424242', { headers: bearer(tokens['chair.jag']!) })).status).toBe(404);
    expect((await server.request('/api/meetings/nope', { headers: bearer(tokens['chair.jag']!) })).status).toBe(400);
    expect((await server.request('/api/meetings/1')).status).toBe(401);
  });
});

describe('meetings calendar', () => {
  it('exports a body’s meetings as iCalendar, in UTC, and not a confidential body’s to outsiders', async () => {
    const server = await startTestServer();
    try {
      const token = await server.signIn('chair.jag');
      const jag = await bodyId(server, token, 'Charnwood JAG');
      const response = await server.request(`/api/bodies/${jag}/meetings.ics`, { headers: bearer(token) });
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="charnwood-jag-meetings.ics"');
      const ics = await response.text();
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
      expect(ics).toMatch(/DTSTART:\d{8}T1[01]0000Z/); // 10:00 in London is 10:00 or 09:00 UTC
      expect(ics).toContain('SUMMARY:Charnwood JAG —');
      expect(ics).toContain('X-WR-CALNAME:Charnwood Joint Action Group');
      const outsider = await server.signIn('outsider');
      const youth = await bodyId(server, token, 'Youth JAG');
      const refused = await server.request(`/api/bodies/${youth}/meetings.ics`, { headers: bearer(outsider) });
      expect(refused.status).toBe(403);
    } finally {
      await server.close();
    }
  });
});
