import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../../server/auth/sessions.js';
import { insertMeeting } from '../../../server/meetings/meeting-repository.js';
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
    // Closed, with its minutes in draft: the chair finishes them; once they are circulated nobody edits.
    expect(body.access).toBe('edit');
    const access = async (local: string) => ((await (await server.request(path, { headers: bearer(tokens[local]!) })).json()) as MeetingResponse).access;
    expect(await access('member.jag')).toBe('read');
    const circulated = await server.request(`${path}/minutes/steps`, {
      method: 'POST',
      headers: { ...bearer(tokens['chair.jag']!), 'content-type': 'application/json' },
      body: JSON.stringify({ step: 'circulate' }),
    });
    expect(circulated.status).toBe(200);
    expect(await access('chair.jag')).toBe('read');
    expect(await auditActions()).toEqual(expect.arrayContaining(['meeting.started', 'meeting.closed']));
  });

  it('answers a non-member asking for a confidential body’s meeting exactly as for one that does not exist', async () => {
    const youth = await createMeeting(server, tokens['chair.youthjag']!, 'Youth JAG', { start: false });
    const youthBody = await bodyId(server, tokens['chair.youthjag']!, 'Youth JAG');
    /** Everything a caller can see of an answer but the Date header. */
    const seen = async (response: Response) => ({
      status: response.status,
      headers: [...response.headers].filter(([name]) => name !== 'date'),
      body: await response.text(),
    });
    for (const local of ['outsider', 'chair.jag']) {
      const asks = [
        ['GET', `/api/meetings/${youth.meeting.id}`, '/api/meetings/424242'],
        ['POST', `/api/meetings/${youth.meeting.id}/start`, '/api/meetings/424242/start'],
        ['POST', `/api/meetings/${youth.meeting.id}/close`, '/api/meetings/424242/close'],
        ['GET', `/api/bodies/${youthBody}/meetings.ics`, '/api/bodies/424242/meetings.ics'],
      ] as const;
      for (const [method, confidential, missing] of asks) {
        const init = { method, headers: bearer(tokens[local]!) };
        const answer = await seen(await server.request(confidential, init));
        expect(answer.status, `${local} ${method} ${confidential}`).toBe(404);
        expect(answer.body).not.toMatch(/Youth|docName/);
        expect(answer, `${local} ${method} ${confidential}`).toEqual(await seen(await server.request(missing, init)));
      }
      const scheduled = await schedule(local, { startsAt: '2026-12-08T10:00:00Z' }, youthBody);
      expect(await seen(scheduled)).toEqual(await seen(await schedule(local, { startsAt: '2026-12-08T10:00:00Z' }, 424242)));
    }
  });

  it('refuses a meeting dated outside 2000–2100', async () => {
    for (const startsAt of ['1969-12-31T10:00:00Z', '1999-12-31T23:59:59Z', '2101-01-01T00:00:00Z', '2100-12-31T23:00:00-05:00']) {
      const response = await schedule('chair.jag', { startsAt });
      expect(response.status, startsAt).toBe(400);
      expect((await response.json()).error).toMatchObject({ code: 'validation_failed', message: 'startsAt: Give a start between 2000-01-01 and 2100-12-31' });
    }
    expect((await schedule('chair.jag', { startsAt: '2000-01-01T00:00:00Z' })).status).toBe(201);
    expect((await schedule('chair.jag', { startsAt: '2100-12-31T23:00:00Z' })).status).toBe(201);
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
      expect(refused.status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('writes links with the configured public URL, never the request’s Host', async () => {
    const server = await startTestServer({ publicUrl: 'https://quorum.example.org' });
    try {
      const token = await sessionFor(server, 'chair.jag');
      const jag = await bodyId(server, token, 'Charnwood JAG');
      const { status, body } = await getWithHost(server, `/api/bodies/${jag}/meetings.ics`, 'evil.example', token);
      expect(status).toBe(200);
      expect(body).not.toContain('evil.example');
      expect(body).toContain('URL:https://quorum.example.org/meetings/');
    } finally {
      await server.close();
    }
  });

  it('defaults the public URL to the address the server listens on', async () => {
    const server = await startTestServer();
    try {
      const token = await sessionFor(server, 'chair.jag');
      const jag = await bodyId(server, token, 'Charnwood JAG');
      const { body } = await getWithHost(server, `/api/bodies/${jag}/meetings.ics`, 'evil.example', token);
      expect(body).not.toContain('evil.example');
      expect(body).toContain(`URL:${server.url}/meetings/`);
    } finally {
      await server.close();
    }
  });

  it('still writes the calendar when a stored meeting lies outside the range, leaving that one out', async () => {
    const server = await startTestServer();
    try {
      const token = await sessionFor(server, 'chair.jag');
      const jag = await bodyId(server, token, 'Charnwood JAG');
      for (const startsAt of ['1969-07-20T20:17:00.000Z', '2150-01-01T10:00:00.000Z']) {
        await insertMeeting(server.database.db, { bodyId: jag, title: `Out of range ${startsAt}`, startsAt, location: '' });
      }
      const response = await server.request(`/api/bodies/${jag}/meetings.ics`, { headers: bearer(token) });
      expect(response.status).toBe(200);
      const ics = await response.text();
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(4);
      expect(ics).not.toContain('Out of range');
    } finally {
      await server.close();
    }
  });
});

/** A bearer token for a demo user without a real sign-in (scrypt is slow). */
async function sessionFor(server: TestServer, local: string): Promise<string> {
  const db = server.database.db;
  const { id } = await db.selectFrom('users').select('id').where('email', '=', `${local}@demo.quorum.test`).executeTakeFirstOrThrow();
  return (await createSession(db, id)).token;
}

/** A GET with a Host header of the caller's choosing, as any client can send. */
function getWithHost(server: TestServer, path: string, host: string, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpGet(new URL(path, server.url), { headers: { host, ...bearer(token) } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
  });
}
